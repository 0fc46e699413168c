import { describe, expect, it } from '@jest/globals';
import { readDevicesCsv } from './devices-csv';

describe("a mining farm's CSV of machines to mail in", () => {
  it('reads the columns a header names, in any order, in English or Chinese', () => {
    expect(readDevicesCsv('故障描述,设备SN码\r\n"算力板 2 不识别, 风扇报警",ZH10014510045\r\n')).toEqual([
      { sn: 'ZH10014510045', fault: '算力板 2 不识别, 风扇报警' },
    ]);
    expect(readDevicesCsv('\uFEFFSN,Fault\nZH10014510045,no hashrate\n\nZH21315080007,\n')).toEqual([
      { sn: 'ZH10014510045', fault: 'no hashrate' },
      { sn: 'ZH21315080007', fault: '' },
    ]);
  });

  it('without a header takes the SN from the first column and the fault from the second', () => {
    expect(readDevicesCsv('ZH10014510045,fan 2 stopped\nZH21315080007\n')).toEqual([
      { sn: 'ZH10014510045', fault: 'fan 2 stopped' },
      { sn: 'ZH21315080007', fault: '' },
    ]);
  });
});

import { parse } from 'csv-parse/browser/esm/sync';

export interface CsvDevice {
  sn: string;
  fault: string;
}

const SN_HEADERS = ['sn', 'serial', 'serial number', '设备sn码', 'sn码', '序列号'];
const FAULT_HEADERS = ['fault', 'problem', 'fault description', '故障', '故障描述', '问题描述'];

/**
 * The machines of a mining farm's spreadsheet, saved as CSV: the SN in the first column and the fault in
 * the second, or in the columns a header row names (`sn`, `fault`, or their Chinese names). Blank rows are
 * skipped; what is in a row is checked by the server as any other line.
 */
export function readDevicesCsv(text: string): CsvDevice[] {
  const rows = parse(text.replace(/^\uFEFF/, ''), {
    skip_empty_lines: true,
    relax_column_count: true,
    trim: true,
  }) as string[][];
  const header = rows[0]?.map((cell) => cell.toLowerCase()) ?? [];
  const snColumn = header.findIndex((cell) => SN_HEADERS.includes(cell));
  const hasHeader = snColumn >= 0;
  const faultColumn = hasHeader ? header.findIndex((cell) => FAULT_HEADERS.includes(cell)) : 1;
  return (hasHeader ? rows.slice(1) : rows)
    .map((row) => ({
      sn: row[hasHeader ? snColumn : 0] ?? '',
      fault: faultColumn >= 0 ? (row[faultColumn] ?? '') : '',
    }))
    .filter((device) => device.sn !== '');
}

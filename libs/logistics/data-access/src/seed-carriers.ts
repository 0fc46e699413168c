import type { CarrierInput } from '@aftersales/contracts/logistics';

const kuaidi100 = (company: string) => `https://www.kuaidi100.com/chaxun?com=${company}&nu={number}`;

/**
 * The carriers mining customers and repair points ship with, and their numbers' formats: Chinese
 * express companies tracked through Kuaidi100's public page, international couriers on their own.
 */
export const seedCarriers: { code: string; carrier: CarrierInput }[] = [
  {
    code: 'sf-express',
    carrier: {
      nameZh: '顺丰速运',
      nameEn: 'SF Express',
      pattern: 'SF\\d{13}|\\d{12}',
      trackingUrl: kuaidi100('shunfeng'),
      aftershipSlug: 'sf-express',
      active: true,
    },
  },
  {
    code: 'jd-logistics',
    carrier: {
      nameZh: '京东物流',
      nameEn: 'JD Logistics',
      pattern: 'JD[A-Z0-9]{2}\\d{11}',
      trackingUrl: kuaidi100('jd'),
      aftershipSlug: 'jd-logistics',
      active: true,
    },
  },
  {
    code: 'ems',
    carrier: {
      nameZh: 'EMS / 中国邮政',
      nameEn: 'EMS / China Post',
      pattern: '[A-Z]{2}\\d{9}[A-Z]{2}|\\d{13}',
      checkDigit: 'upu_s10',
      trackingUrl: kuaidi100('ems'),
      aftershipSlug: 'china-ems',
      active: true,
    },
  },
  {
    code: 'zto',
    carrier: {
      nameZh: '中通快递',
      nameEn: 'ZTO Express',
      pattern: '\\d{12,15}',
      trackingUrl: kuaidi100('zhongtong'),
      aftershipSlug: 'zto-express',
      active: true,
    },
  },
  {
    code: 'yto',
    carrier: {
      nameZh: '圆通速递',
      nameEn: 'YTO Express',
      pattern: 'YT\\d{13}',
      trackingUrl: kuaidi100('yuantong'),
      aftershipSlug: 'yto',
      active: true,
    },
  },
  {
    code: 'sto',
    carrier: {
      nameZh: '申通快递',
      nameEn: 'STO Express',
      pattern: '\\d{12,15}',
      trackingUrl: kuaidi100('shentong'),
      aftershipSlug: 'sto',
      active: true,
    },
  },
  {
    code: 'yunda',
    carrier: {
      nameZh: '韵达快递',
      nameEn: 'Yunda Express',
      pattern: '\\d{13,15}',
      trackingUrl: kuaidi100('yunda'),
      aftershipSlug: 'yunda',
      active: true,
    },
  },
  {
    code: 'deppon',
    carrier: {
      nameZh: '德邦快递',
      nameEn: 'Deppon',
      pattern: 'DPK\\d{12}|\\d{9,10}',
      trackingUrl: kuaidi100('debangkuaidi'),
      aftershipSlug: 'deppon',
      active: true,
    },
  },
  {
    code: 'dhl',
    carrier: {
      nameZh: 'DHL 国际快递',
      nameEn: 'DHL Express',
      pattern: '\\d{10}',
      checkDigit: 'mod7',
      trackingUrl: 'https://www.dhl.com/global-en/home/tracking/tracking-express.html?tracking-id={number}',
      aftershipSlug: 'dhl',
      active: true,
    },
  },
  {
    code: 'fedex',
    carrier: {
      nameZh: '联邦快递',
      nameEn: 'FedEx',
      pattern: '\\d{12}',
      checkDigit: 'fedex_12',
      trackingUrl: 'https://www.fedex.com/fedextrack/?trknbr={number}',
      aftershipSlug: 'fedex',
      active: true,
    },
  },
  {
    code: 'ups',
    carrier: {
      nameZh: 'UPS 快递',
      nameEn: 'UPS',
      pattern: '1Z[0-9A-Z]{16}',
      checkDigit: 'ups_1z',
      trackingUrl: 'https://www.ups.com/track?tracknum={number}',
      aftershipSlug: 'ups',
      active: true,
    },
  },
];

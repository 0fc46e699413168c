import type { RepairPoint } from '@aftersales/contracts/warranty';

/** The registry names China's provinces in pinyin, as addresses abroad do; Chinese readers see 汉字. */
const chineseProvinceNames: Record<string, string> = {
  Anhui: '安徽',
  Beijing: '北京',
  Chongqing: '重庆',
  Fujian: '福建',
  Gansu: '甘肃',
  Guangdong: '广东',
  Guangxi: '广西',
  Guizhou: '贵州',
  Hainan: '海南',
  Hebei: '河北',
  Heilongjiang: '黑龙江',
  Henan: '河南',
  'Hong Kong': '香港',
  Hubei: '湖北',
  Hunan: '湖南',
  'Inner Mongolia': '内蒙古',
  Jiangsu: '江苏',
  Jiangxi: '江西',
  Jilin: '吉林',
  Liaoning: '辽宁',
  Macau: '澳门',
  Ningxia: '宁夏',
  Qinghai: '青海',
  Shaanxi: '陕西',
  Shandong: '山东',
  Shanghai: '上海',
  Shanxi: '山西',
  Sichuan: '四川',
  Tianjin: '天津',
  Tibet: '西藏',
  Xinjiang: '新疆',
  Yunnan: '云南',
  Zhejiang: '浙江',
};

/** A two-letter country code in the reader's language: CN is 中国 or China. */
export function countryName(code: string, language: string): string {
  return new Intl.DisplayNames([language], { type: 'region', fallback: 'code' }).of(code) ?? code;
}

export function regionName(country: string, region: string, language: string): string {
  return (country === 'CN' && language === 'zh-CN' && chineseProvinceNames[region]) || region;
}

/** Where a point is, country first: "中国 · 四川 · Chengdu". */
export function placeOf(point: Pick<RepairPoint, 'country' | 'region' | 'city'>, language: string): string {
  return [
    countryName(point.country, language),
    regionName(point.country, point.region, language),
    point.city,
  ].join(' · ');
}

/** The countries the points are in, and the regions of each, sorted by code and name. */
export function placesOf(points: Pick<RepairPoint, 'country' | 'region'>[]): Map<string, string[]> {
  const places = new Map<string, Set<string>>();
  for (const { country, region } of points)
    places.set(country, (places.get(country) ?? new Set()).add(region));
  return new Map(
    [...places.keys()].sort().map((country) => [country, [...places.get(country)!].sort()] as const),
  );
}

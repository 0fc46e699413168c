import type { RepairPointInput, WarrantyPolicy } from '@aftersales/contracts/warranty';
import { addMonths, type Device } from '@aftersales/warranty-domain';

export const demoPolicies: WarrantyPolicy[] = [
  { model: 'VolcMiner D1', months: 12 },
  { model: 'VolcMiner D1 Lite', months: 12 },
  { model: 'VolcMiner D1 Mini', months: 12 },
  { model: 'VolcMiner D1 Hydro', months: 24 },
];

/**
 * The embedded mode's demo machines, shipped relative to `today` so that the in-warranty ones stay in
 * warranty. The first two SNs are the manual's own examples: the first in warranty, the second not.
 */
export function demoDevices(today: Date): Device[] {
  const day = today.toISOString().slice(0, 10);
  const device = (sn: string, model: string, shippedMonthsAgo: number) => ({
    sn,
    model,
    shippedOn: addMonths(day, -shippedMonthsAgo),
  });
  return [
    device('ZH10014510045', 'VolcMiner D1', 5),
    device('ZH21315080006', 'VolcMiner D1', 30),
    device('ZH21315080007', 'VolcMiner D1 Lite', 2),
    device('ZH30022010001', 'VolcMiner D1 Mini', 11),
    device('ZH30022010002', 'VolcMiner D1 Mini', 14),
    device('ZH40051230009', 'VolcMiner D1 Hydro', 13),
  ];
}

const point = (id: string, p: Omit<RepairPointInput, 'active' | 'models'> & { models?: string[] }) => ({
  id,
  input: { active: true, models: [], ...p },
});

export const demoRepairPoints: { id: string; input: RepairPointInput }[] = [
  point('rp-shenzhen', {
    kind: 'official',
    name: 'VolcMiner 深圳售后维修中心',
    country: 'CN',
    region: 'Guangdong',
    city: 'Shenzhen',
    address: '广东省深圳市龙岗区坂田街道 1 号',
    contact: '王工',
    phone: '+86 755 8888 0001',
    email: 'service-sz@volcminer.example',
    models: ['VolcMiner D1', 'VolcMiner D1 Lite', 'VolcMiner D1 Mini', 'VolcMiner D1 Hydro'],
    capacityPerWeek: 400,
  }),
  point('rp-dubai', {
    kind: 'official',
    name: 'VolcMiner Middle East Service Center',
    country: 'AE',
    region: 'Dubai',
    city: 'Dubai',
    address: 'Warehouse 12, Jebel Ali Free Zone',
    contact: 'Omar',
    phone: '+971 4 000 0000',
    models: ['VolcMiner D1', 'VolcMiner D1 Hydro'],
    capacityPerWeek: 150,
  }),
  point('tp-shenzhen-huaqiang', {
    kind: 'third_party',
    name: '华强北矿机维修',
    country: 'CN',
    region: 'Guangdong',
    city: 'Shenzhen',
    address: '广东省深圳市福田区华强北路 2 号',
    contact: '李师傅',
    phone: '+86 138 0000 0002',
  }),
  point('tp-chengdu', {
    kind: 'third_party',
    name: '成都算力设备维修',
    country: 'CN',
    region: 'Sichuan',
    city: 'Chengdu',
    address: '四川省成都市武侯区 3 号',
    contact: '张师傅',
    phone: '+86 139 0000 0003',
  }),
  point('tp-texas', {
    kind: 'third_party',
    name: 'Lone Star Miner Repair',
    country: 'US',
    region: 'Texas',
    city: 'Austin',
    address: '400 Industrial Blvd, Austin, TX',
    contact: 'Jake',
    phone: '+1 512 000 0004',
  }),
];

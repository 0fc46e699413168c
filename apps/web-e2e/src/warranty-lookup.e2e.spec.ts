import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type RunningProduct, screenshot } from '@aftersales/shared-testing';
import { demoDevices } from '@aftersales/warranty-data-access';
import { addMonths } from '@aftersales/warranty-domain';
import type { Page } from 'playwright-core';
import { openProductInBrowser } from './embedded-app.js';

const [inWarranty, outOfWarranty] = demoDevices(new Date());

describe('warranty lookup in the browser', () => {
  let app: RunningProduct;
  let page: Page;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ app, page, close } = await openProductInBrowser('customer@example.com'));
  });

  afterAll(() => close?.());

  async function lookUp(sn: string) {
    await page.getByLabel('设备SN码').fill(sn);
    await page.getByRole('button', { name: '查询', exact: true }).click();
  }

  const pointNames = () => page.getByTestId('repair-point').locator('h3').allTextContents();

  it('speaks Chinese by default', async () => {
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('发起工单');
  });

  it('shows model and warranty end date of a machine in warranty', async () => {
    await lookUp(inWarranty!.sn.toLowerCase());
    const result = page.getByTestId('warranty-result');
    await result.waitFor();
    const text = await result.textContent();
    expect(text).toContain('在保');
    expect(text).toContain(inWarranty!.model);
    expect(text).toContain(addMonths(inWarranty!.shippedOn, 12));
    await screenshot(page, 'warranty-lookup-in-warranty.zh-CN');
  });

  it('says a machine is out of warranty and where paid repair is possible', async () => {
    await lookUp(outOfWarranty!.sn);
    await page.getByText('已过保', { exact: true }).waitFor();
    expect(await page.getByTestId('warranty-result').textContent()).toContain(
      addMonths(outOfWarranty!.shippedOn, 12),
    );
    expect(await page.getByTestId('warranty-basis').textContent()).toBe('型号标准保修 12个月');
    await page.getByRole('heading', { name: '第三方维修服务点' }).waitFor();
    await page.getByTestId('repair-point').first().waitFor();
    expect(await pointNames()).toEqual(['华强北矿机维修', '成都算力设备维修', 'Lone Star Miner Repair']);
  });

  it('lists the third-party points of the region the customer chooses first', async () => {
    await page.getByLabel('省份/州').selectOption({ label: '四川' });
    await page.getByTestId('repair-point').first().getByText('成都算力设备维修').waitFor();
    expect(await pointNames()).toEqual(['成都算力设备维修', '华强北矿机维修', 'Lone Star Miner Repair']);
    const chengdu = await page.getByTestId('repair-point').first().textContent();
    for (const detail of [
      '中国 · 四川 · Chengdu',
      '四川省成都市武侯区 3 号',
      '张师傅',
      '+86 139 0000 0003',
    ]) {
      expect(chengdu).toContain(detail);
    }
    await screenshot(page, 'warranty-lookup-out-of-warranty.zh-CN');
  });

  it('says plainly when no machine has the SN', async () => {
    await lookUp('ZH99999999999');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('没有找到 SN 码为 ZH99999999999 的设备，请核对后重试。');
    expect(await page.getByTestId('warranty-result').count()).toBe(0);
    await screenshot(page, 'warranty-lookup-unknown.zh-CN');
  });

  it('explains what a valid SN looks like before asking the server', async () => {
    await lookUp('ZH-1');
    expect(await page.getByRole('alert').textContent()).toContain('6 到 32 位字母或数字');
  });

  it('offers a consultation for a machine in warranty', async () => {
    await lookUp(inWarranty!.sn);
    await page.getByRole('link', { name: '创建咨询工单' }).click();
    await page.getByRole('heading', { name: '创建咨询工单' }).waitFor();
    expect(page.url()).toBe(`${app.url}/consultations/new?sn=${inWarranty!.sn}`);
    expect(await page.locator('main').textContent()).toContain(inWarranty!.sn);
    await page.goBack();
  });

  it('looks up a batch of SNs and flags the unknown and malformed ones', async () => {
    await page.getByLabel('SN 码列表').fill(`${inWarranty!.sn}\n${outOfWarranty!.sn}, ZH99999999999 ZH-1`);
    await page.getByRole('button', { name: '批量查询', exact: true }).click();
    const table = page.getByTestId('batch-results');
    await table.waitFor();
    const rows = await table.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        cells: [...tr.querySelectorAll('td')].map((td) => td.textContent),
        flagged: tr.classList.contains('flagged'),
      })),
    );
    expect(rows).toEqual([
      {
        cells: [
          inWarranty!.sn,
          inWarranty!.sn,
          inWarranty!.model,
          addMonths(inWarranty!.shippedOn, 12),
          '在保',
        ],
        flagged: false,
      },
      {
        cells: [
          outOfWarranty!.sn,
          outOfWarranty!.sn,
          outOfWarranty!.model,
          addMonths(outOfWarranty!.shippedOn, 12),
          '已过保',
        ],
        flagged: false,
      },
      { cells: ['ZH99999999999', 'ZH99999999999', '—', '—', '未找到'], flagged: true },
      { cells: ['ZH-1', '—', '—', '—', 'SN 格式错误'], flagged: true },
    ]);
    expect(await page.getByTestId('batch-summary').textContent()).toBe(
      '共 4 个 SN：在保 1、已过保 1、未找到 1、SN 格式错误 1',
    );
    await screenshot(page, 'warranty-batch-lookup.zh-CN');
  });

  it('refuses more than 500 SNs before asking the server, and says how many there are', async () => {
    const sns = Array.from({ length: 501 }, (_, i) => `ZH${String(i).padStart(11, '0')}`);
    const batchRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/warranty/lookups')) batchRequests.push(request.url());
    });
    await page.getByLabel('SN 码列表').fill(sns.join('\n'));
    await page.getByRole('button', { name: '批量查询', exact: true }).click();
    expect(await page.getByRole('alert').textContent()).toBe(
      '一次最多查询 500 个 SN，当前有 501 个，请分批查询。',
    );
    expect(await page.getByTestId('batch-results').count()).toBe(0);
    expect(batchRequests).toEqual([]);
  });

  it('switches to English and keeps the choice after a reload', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.reload();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Start a ticket');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByLabel('Serial number (SN)').fill(outOfWarranty!.sn);
    await page.getByRole('button', { name: 'Look up', exact: true }).click();
    await page.getByText('Out of warranty', { exact: true }).waitFor();
    await page.getByTestId('repair-point').first().waitFor();
    expect(await page.getByTestId('warranty-basis').textContent()).toBe(
      'Standard warranty of the model: 12 months',
    );
    await screenshot(page, 'warranty-lookup-out-of-warranty.en');
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type RunningProduct, screenshot } from '@aftersales/shared-testing';
import type { Page } from 'playwright-core';
import { openProductInBrowser } from './embedded-app.js';

describe('the repair point finder in the browser', () => {
  let app: RunningProduct;
  let page: Page;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ app, page, close } = await openProductInBrowser());
  });

  afterAll(() => close?.());

  const pointNames = () => page.getByTestId('repair-point').locator('h3').allTextContents();

  it('is open to visitors who have not signed in, from the menu', async () => {
    await page.goto(app.url);
    await page.getByRole('heading', { name: '登录售后系统' }).waitFor();
    await page.getByRole('link', { name: '售后维修点查询' }).click();
    await page.getByRole('heading', { name: '售后维修点查询' }).waitFor();
    await page.getByTestId('repair-point').first().waitFor();
    expect(await pointNames()).toHaveLength(5);
  });

  it('shows only the official points when asked, with their models', async () => {
    await page.getByLabel('类型').selectOption({ label: '官方售后维修点' });
    await page.getByTestId('finder-count').getByText('共 2 个维修点').waitFor();
    const names = await pointNames();
    expect(names).toContain('VolcMiner 深圳售后维修中心');
    expect(names).not.toEqual(
      expect.arrayContaining([
        expect.stringMatching(/华强北矿机维修|成都算力设备维修|Lone Star Miner Repair/),
      ]),
    );
    const shenzhen = page.getByTestId('repair-point').filter({ hasText: 'VolcMiner 深圳售后维修中心' });
    const text = await shenzhen.textContent();
    for (const detail of [
      '官方售后维修点',
      '中国 · 广东 · Shenzhen',
      '广东省深圳市龙岗区坂田街道 1 号',
      '王工',
      '+86 755 8888 0001',
      'service-sz@volcminer.example',
      'VolcMiner D1 Hydro',
    ]) {
      expect(text).toContain(detail);
    }
    expect(new URL(page.url()).searchParams.get('kind')).toBe('official');
    await screenshot(page, 'repair-point-finder-official.zh-CN');
  });

  it('narrows the list to a country and a region', async () => {
    await page.getByLabel('类型').selectOption({ label: '全部类型' });
    await page.getByLabel('国家/地区').selectOption({ label: '中国' });
    await page.getByLabel('省份/州').selectOption({ label: '广东' });
    await page.getByTestId('finder-count').getByText('共 2 个维修点').waitFor();
    expect((await pointNames()).sort()).toEqual(['VolcMiner 深圳售后维修中心', '华强北矿机维修']);
  });
});

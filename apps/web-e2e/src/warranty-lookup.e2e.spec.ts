import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Browser, openBrowser, screenshot } from '@aftersales/shared-testing';
import { demoDevices } from '@aftersales/warranty-data-access';
import { addMonths } from '@aftersales/warranty-domain';
import type { Page } from 'playwright-core';
import { signInAs, startProduct } from './embedded-app.js';

const [inWarranty, outOfWarranty] = demoDevices(new Date());

describe('warranty lookup in the browser', () => {
  let app: Awaited<ReturnType<typeof startProduct>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startProduct();
    browser = await openBrowser();
    page = browser.page;
    await page.goto(app.url);
    await signInAs(page, 'customer@example.com');
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  async function lookUp(sn: string) {
    await page.getByLabel('设备SN码').fill(sn);
    await page.getByRole('button', { name: '查询' }).click();
  }

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
    expect(await page.getByText('第三方维修服务点').count()).toBe(1);
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

  it('switches to English and keeps the choice after a reload', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.reload();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Start a ticket');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByLabel('Serial number (SN)').fill(outOfWarranty!.sn);
    await page.getByRole('button', { name: 'Look up' }).click();
    await page.getByText('Out of warranty', { exact: true }).waitFor();
    await screenshot(page, 'warranty-lookup-out-of-warranty.en');
  });
});

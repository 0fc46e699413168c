import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type Browser,
  openBrowser,
  type RunningProduct,
  screenshot,
  startEmbedded,
} from '@aftersales/shared-testing';
import { signInAs } from './embedded-app.js';

describe('the signed-in devices page', () => {
  let app: RunningProduct;
  let laptop: Browser;
  let phone: Browser;

  beforeAll(async () => {
    app = await startEmbedded();
    [laptop, phone] = await Promise.all([openBrowser(), openBrowser()]);
    for (const { page } of [phone, laptop]) {
      await page.goto(app.url);
      await signInAs(page, 'customer@example.com');
    }
  });

  afterAll(async () => {
    await Promise.all([laptop?.close(), phone?.close()]);
    await app?.stop();
  });

  it('lists both browsers from the user menu, this one marked', async () => {
    const { page } = laptop;
    await page.getByRole('button', { name: /演示客户/ }).click();
    await page.getByRole('menuitem', { name: '登录设备' }).click();
    await page.getByRole('heading', { name: '登录设备' }).waitFor();
    const rows = page.getByTestId('sessions').locator('tbody tr');
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2);
    expect(await rows.filter({ hasText: '当前浏览器' }).count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Chrome · Linux');
    await screenshot(page, 'sessions.zh-CN');
  });

  it('signs the other browser out, which then has to sign in again', async () => {
    const { page } = laptop;
    await page.getByRole('button', { name: '退出登录：Chrome · Linux' }).click();
    expect(await page.getByRole('status').textContent()).toBe('Chrome · Linux 已退出登录。');
    const rows = page.getByTestId('sessions').locator('tbody tr');
    await rows.nth(1).waitFor({ state: 'detached' });
    expect(await rows.first().textContent()).toContain('当前浏览器');
    await screenshot(page, 'sessions-signed-out-other.zh-CN');

    await phone.page.goto(app.url);
    await phone.page.getByRole('heading', { name: '登录售后系统' }).waitFor();
    expect(new URL(phone.page.url()).pathname).toBe('/sign-in');

    await page.reload();
    await page.getByTestId('sessions').locator('tbody tr').first().waitFor();
    expect(await page.getByTestId('sessions').locator('tbody tr').count()).toBe(1);
  });

  it('speaks English too', async () => {
    const { page } = laptop;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Where you are signed in' }).waitFor();
    expect(await page.getByTestId('sessions').locator('thead').textContent()).toContain('Last active');
    await screenshot(page, 'sessions.en');
  });
});

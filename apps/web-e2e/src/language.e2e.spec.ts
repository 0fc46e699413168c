import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openBrowser, type RunningProduct, screenshot, startEmbedded } from '@aftersales/shared-testing';
import type { Page } from 'playwright-core';

/** The demo customer's email: registering it again is refused by the identity service, not the page. */
const TAKEN_EMAIL = 'customer@example.com';

describe('the language of the web app', () => {
  let app: RunningProduct;

  beforeAll(async () => {
    app = await startEmbedded();
  });

  afterAll(() => app?.stop());

  async function registerTakenEmail(page: Page, labels: Record<string, string>) {
    await page.goto(`${app.url}/register`);
    await page.getByLabel(labels.displayName!).fill('Someone');
    await page.getByLabel(labels.email!).fill(TAKEN_EMAIL);
    await page.getByLabel(labels.password!).fill('a long enough password');
    await page.getByRole('button', { name: labels.submit!, exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    return alert.textContent();
  }

  it("follows an English browser on a first visit, and remembers the toggle's choice over it", async () => {
    const browser = await openBrowser('en-US');
    try {
      const { page } = browser;
      await page.goto(app.url);
      await page.getByRole('heading', { name: 'Sign in to after-sales support' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await screenshot(page, 'language-first-visit.en');
      await page.getByRole('button', { name: '中文' }).click();
      await page.getByRole('heading', { name: '登录售后系统' }).waitFor();
      await page.reload();
      await page.getByRole('heading', { name: '登录售后系统' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    } finally {
      await browser.close();
    }
  });

  it("shows the server's refusal in Chinese, and in English to an English browser", async () => {
    const chinese = await openBrowser('zh-CN');
    const english = await openBrowser('en-GB');
    try {
      expect(
        await registerTakenEmail(chinese.page, {
          displayName: '姓名或公司名称',
          email: '邮箱',
          password: '密码',
          submit: '注册',
        }),
      ).toBe('该邮箱已注册，请直接登录。');
      await screenshot(chinese.page, 'error-email-taken.zh-CN');
      expect(
        await registerTakenEmail(english.page, {
          displayName: 'Your name or company',
          email: 'Email',
          password: 'Password',
          submit: 'Create account',
        }),
      ).toBe('This email has an account already; please sign in.');
      await screenshot(english.page, 'error-email-taken.en');
    } finally {
      await chinese.close();
      await english.close();
    }
  });
});

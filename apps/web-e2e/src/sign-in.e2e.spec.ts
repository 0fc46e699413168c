import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type RunningProduct, screenshot } from '@aftersales/shared-testing';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, openProductInBrowser, signInAs } from './embedded-app.js';

describe('signing in and out in the browser', () => {
  let app: RunningProduct;
  let page: Page;
  let close: () => Promise<void>;
  /** What Chromium refused under the Content Security Policy while the tests used the app. */
  const refusedByPolicy: string[] = [];

  beforeAll(async () => {
    ({ app, page, close } = await openProductInBrowser());
    page.context().on('console', (message) => {
      if (message.text().includes('Content Security Policy')) refusedByPolicy.push(message.text());
    });
  });

  afterAll(() => close?.());

  it('sends a visitor to the sign-in page', async () => {
    await page.goto(app.url);
    await page.getByRole('heading', { name: '登录售后系统' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await screenshot(page, 'sign-in.zh-CN');
  });

  it('says plainly when the password is wrong', async () => {
    await page.getByLabel('邮箱').fill('customer@example.com');
    await page.getByLabel('密码').fill('not the password');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    expect(await page.getByRole('alert').textContent()).toBe('邮箱或密码错误。');
    await screenshot(page, 'sign-in-wrong-password.zh-CN');
  });

  it('lands a signed-in customer on "Start a ticket", with the name in the user menu', async () => {
    await signInAs(page, 'customer@example.com', DEMO_PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByRole('button', { name: /演示客户/ }).count()).toBe(1);
    await screenshot(page, 'start-a-ticket-signed-in.zh-CN');
  });

  it('keeps the session across a reload, and sends the sign-in page back to "Start a ticket"', async () => {
    await page.reload();
    await page.getByRole('heading', { name: '发起工单' }).waitFor();
    await page.goto(`${app.url}/sign-in`);
    await page.getByRole('heading', { name: '发起工单' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
  });

  it('keeps the session when several tabs of the browser reload at the same moment', async () => {
    const tabs = [page, await page.context().newPage(), await page.context().newPage()];
    await Promise.all(tabs.map((tab) => tab.goto(app.url)));
    await Promise.all(tabs.map((tab) => tab.getByRole('heading', { name: '发起工单' }).waitFor()));
    await Promise.all(tabs.map((tab) => tab.reload()));
    for (const tab of tabs) await tab.getByRole('heading', { name: '发起工单' }).waitFor();
    await Promise.all(tabs.slice(1).map((tab) => tab.close()));
  });

  it('signs out from the user menu, and a protected page then asks to sign in again', async () => {
    await page.getByRole('button', { name: /演示客户/ }).click();
    await screenshot(page, 'user-menu.zh-CN');
    await page.getByRole('menuitem', { name: '退出' }).click();
    await page.getByRole('heading', { name: '登录售后系统' }).waitFor();
    await page.goto(app.url);
    await page.getByRole('heading', { name: '登录售后系统' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    const refresh = await page.evaluate(
      async () => (await fetch('/api/auth/refresh', { method: 'POST' })).status,
    );
    expect(refresh).toBe(401);
  });

  it('registers a new customer, in English too', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Create account' }).click();
    await page.getByLabel('Your name or company').fill('Hashrate Farm Ltd');
    await page.getByLabel('Email').fill('ops@hashrate.example');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    expect(await page.getByRole('alert').textContent()).toBe('The password needs at least 10 characters.');
    await page.getByLabel('Password').fill('a long enough password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Start a ticket' }).waitFor();
    expect(await page.getByRole('button', { name: /Hashrate Farm Ltd/ }).count()).toBe(1);
    await screenshot(page, 'registered.en');
  });

  it('broke no rule of the Content Security Policy on the way', () => {
    expect(refusedByPolicy).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { demoGuides } from '@aftersales/consultation-data-access';
import { type RunningProduct, screenshot } from '@aftersales/shared-testing';
import { demoDevices } from '@aftersales/warranty-data-access';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, openProductInBrowser, signInAs } from './embedded-app.js';

const [inWarranty] = demoDevices(new Date());
const fans = demoGuides.find((g) => g.content.category === 'fan')!;

/** Markup a guide may hold that would run script if it were not sanitized: each sets the flag. */
const HOSTILE = [
  '正常的步骤文字。',
  '<script>window.__guideScriptRan = true</script>',
  '<img src="/favicon.ico" onerror="window.__guideScriptRan = true">',
  '<a href="javascript:window.__guideScriptRan = true">点我</a>',
  '<svg onload="window.__guideScriptRan = true"></svg>',
].join('\n\n');

describe('self-service repair in the browser', () => {
  let app: RunningProduct;
  let page: Page;
  let close: () => Promise<void>;
  let hostileId: string;
  const dialogs: string[] = [];

  async function api<T>(method: string, path: string, body?: object, token?: string): Promise<T> {
    const response = await fetch(`${app.url}${path}`, {
      method,
      headers: {
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }
  const tokenOf = async (email: string) =>
    (await api<{ accessToken: string }>('POST', '/api/auth/login', { email, password: DEMO_PASSWORD }))
      .accessToken;
  const switchLanguage = (to: 'English' | '中文') => page.getByRole('button', { name: to }).click();

  beforeAll(async () => {
    ({ app, page, close } = await openProductInBrowser());
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const agent = await tokenOf('agent@example.com');
    hostileId = randomUUID();
    await api(
      'POST',
      '/api/guides',
      {
        id: hostileId,
        title: { 'zh-CN': '含有脚本的指南', en: 'A guide with script in it' },
        body: { 'zh-CN': HOSTILE, en: HOSTILE },
        models: ['VolcMiner D1'],
        category: 'other',
        symptoms: [],
      },
      agent,
    );
    await api('POST', `/api/guides/${hostileId}/publish`, {}, agent);
  });

  afterAll(() => close?.());

  it('lets a visitor search "风扇" from the menu and read the fan guide, in Chinese and English', async () => {
    await page.goto(app.url);
    await page.getByRole('link', { name: '自助维修' }).click();
    await page.getByRole('heading', { name: '自助维修' }).waitFor();
    await page.getByLabel('故障现象、错误码或关键词').fill('风扇');
    await page.getByRole('button', { name: '搜索' }).click();
    const first = page.getByTestId('guide-card').first();
    await first.getByRole('link', { name: fans.content.title['zh-CN'] }).waitFor();
    await screenshot(page, 'self-service-repair-search.zh-CN');

    await first.getByRole('link', { name: fans.content.title['zh-CN'] }).click();
    await page.getByRole('heading', { name: fans.content.title['zh-CN'] }).waitFor();
    expect(await page.getByTestId('guide-body').textContent()).toContain('交叉测试');
    await expect(page.getByText('登录后可以告诉我们这篇指南是否有帮助。').isVisible()).resolves.toBe(true);
    await screenshot(page, 'self-service-repair-guide.zh-CN');

    await switchLanguage('English');
    await page.getByRole('heading', { name: fans.content.title.en }).waitFor();
    expect(await page.getByTestId('guide-body').textContent()).toContain('Swap test');
    await screenshot(page, 'self-service-repair-guide.en');
    await page.getByRole('link', { name: 'Back to self-service repair' }).click();
    await page.getByTestId('guide-card').first().waitFor();
    await screenshot(page, 'self-service-repair-search.en');
    await switchLanguage('中文');
  });

  it('renders a guide’s raw HTML inert: no script runs, no handler or script link is left', async () => {
    await page.goto(`${app.url}/guides/${hostileId}`);
    await page.getByRole('heading', { name: '含有脚本的指南' }).waitFor();
    const body = page.getByTestId('guide-body');
    expect(await body.textContent()).toContain('正常的步骤文字。');
    expect(await body.locator('script, svg, [onerror], [onload], a[href^="javascript"]').count()).toBe(0);
    const ran = await page.evaluate(() => (globalThis as { __guideScriptRan?: boolean }).__guideScriptRan);
    expect(ran).toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  it('suggests the fan guide to a customer starting a consultation, and "this solved it" opens none', async () => {
    await page.goto(`${app.url}/sign-in`);
    await signInAs(page, 'customer@example.com');
    const customer = await tokenOf('customer@example.com');
    const before = await api<unknown[]>('GET', '/api/consultations', undefined, customer);
    await page.goto(`${app.url}/consultations/new?sn=${inWarranty!.sn}`);
    await page.getByLabel('问题描述').fill('风扇不转了，后台报 ERROR_FAN_LOST');
    const suggestions = page.getByTestId('guide-suggestions');
    await suggestions.getByTestId('guide-card').first().getByText(fans.content.title['zh-CN']).waitFor();
    await screenshot(page, 'guide-suggestions.zh-CN');
    await switchLanguage('English');
    const first = suggestions.getByTestId('guide-card').first();
    await first.getByText(fans.content.title.en).waitFor();
    await first.getByRole('button', { name: 'Show the steps' }).click();
    await first.getByText('Swap test').waitFor();
    await screenshot(page, 'guide-suggestions.en');

    await first.getByRole('button', { name: 'This solved it' }).click();
    await page.getByRole('heading', { name: 'Problem solved' }).waitFor();
    await screenshot(page, 'guide-solved.en');
    await switchLanguage('中文');
    await page.getByRole('heading', { name: '问题已解决' }).waitFor();
    expect(await api<unknown[]>('GET', '/api/consultations', undefined, customer)).toEqual(before);
    const read = await api<{ feedback: { helpful: number } }>('GET', `/api/guides/${fans.id}`);
    expect(read.feedback.helpful).toBe(1);
  });

  it('lets an agent write a guide with a live preview, publish it and see its versions', async () => {
    await page.context().clearCookies();
    await page.goto(`${app.url}/sign-in`);
    await signInAs(page, 'agent@example.com');
    await page.goto(`${app.url}/guides/manage/new`);
    await page.getByLabel('标题 (中文)').fill('矿机噪音过大');
    await page.getByLabel('正文（Markdown） (中文)').fill('## 检查\n\n1. 清理**风扇**灰尘。');
    await page.getByTestId('guide-body').getByRole('heading', { name: '检查' }).waitFor();
    expect(await page.getByTestId('guide-body').locator('strong').textContent()).toBe('风扇');
    await page.getByRole('tab', { name: 'English' }).click();
    await page.getByLabel('标题 (English)').fill('Miner too loud');
    await page.getByLabel('正文（Markdown） (English)').fill('1. Clean the **fans**.');
    await page.getByLabel('适用机型（每行一个）').fill('VolcMiner D1\nVolcMiner D1 Mini');
    await page.getByLabel('故障类型').selectOption({ label: '风扇' });
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存，第 1 版。').waitFor();
    await page.getByRole('button', { name: '发布' }).click();
    await page.getByText('已发布：读者现在看到的就是这些内容。').waitFor();
    await page.getByTestId('guide-versions').getByText('第 2 版').waitFor();
    expect(await page.getByTestId('guide-status').textContent()).toContain('已发布');
    await screenshot(page, 'guide-editor.zh-CN');
    const found = await api<{ guides: { title: { en: string } }[] }>('GET', '/api/guides?q=loud');
    expect(found.guides[0]?.title.en).toBe('Miner too loud');
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Browser, openBrowser, type RunningProduct, screenshot } from '@aftersales/shared-testing';
import type { Page } from 'playwright-core';
import { openProductInBrowser, signInAs } from './embedded-app.js';

const agentEmail = 'night.shift@example.com';
const agentPassword = 'night shift password';

describe("the operator's accounts, API keys and audit trail in the browser", () => {
  let app: RunningProduct;
  let page: Page;
  let close: () => Promise<void>;
  let elsewhere: Browser;

  beforeAll(async () => {
    ({ app, page, close } = await openProductInBrowser('admin@example.com'));
    elsewhere = await openBrowser();
  });

  afterAll(async () => {
    await elsewhere?.close();
    await close?.();
  });

  const usersTable = () => page.getByTestId('admin-users');

  it('creates an agent account', async () => {
    await page.getByRole('link', { name: '账号管理' }).click();
    await page.getByRole('heading', { name: '账号管理' }).waitFor();
    await page.getByRole('button', { name: '新建账号' }).click();
    await page.getByLabel('邮箱', { exact: true }).fill(agentEmail);
    await page.getByLabel('姓名', { exact: true }).fill('夜班客服');
    await page.getByLabel('初始密码', { exact: true }).fill(agentPassword);
    await page.getByLabel('角色', { exact: true }).selectOption({ label: '客服' });
    await page.getByRole('button', { name: '保存' }).click();
    expect(await page.getByRole('status').textContent()).toBe(`已创建账号 ${agentEmail}。`);
    await usersTable().getByRole('cell', { name: agentEmail, exact: true }).waitFor();
    await screenshot(page, 'admin-users.zh-CN');
  });

  it('disables the agent while signed in in another browser, which lands on the sign-in page', async () => {
    await elsewhere.page.goto(app.url);
    await signInAs(elsewhere.page, agentEmail, agentPassword);

    await page.getByRole('searchbox', { name: '搜索邮箱或姓名' }).fill('night.SHIFT');
    await page.getByRole('button', { name: '搜索' }).click();
    await usersTable().locator('tbody tr').first().getByText(agentEmail).waitFor();
    expect(await usersTable().locator('tbody tr').count()).toBe(1);
    await page.getByRole('button', { name: `停用 ${agentEmail}` }).click();
    expect(await page.getByRole('status').textContent()).toBe(`已停用 ${agentEmail}，其所有登录已结束。`);
    await usersTable().getByText('已停用').waitFor();
    await screenshot(page, 'admin-user-disabled.zh-CN');

    // The next thing the agent does asks the API with the token it holds, which no longer works.
    await elsewhere.page.getByLabel('设备SN码').fill('ZH10014510045');
    await elsewhere.page.getByRole('button', { name: '查询', exact: true }).click();
    await elsewhere.page.getByRole('heading', { name: '登录售后系统' }).waitFor();
    expect(new URL(elsewhere.page.url()).pathname).toBe('/sign-in');
    await elsewhere.page.getByLabel('邮箱').fill(agentEmail);
    await elsewhere.page.getByLabel('密码').fill(agentPassword);
    await elsewhere.page.getByRole('button', { name: '登录', exact: true }).click();
    await elsewhere.page.getByText('该账号已被停用，请联系管理员。').waitFor();
    await screenshot(elsewhere.page, 'disabled-account-sign-in.zh-CN');
  });

  it("changes the account's role to engineer of a repair point", async () => {
    await page.getByRole('button', { name: `更改 ${agentEmail} 的角色或维修点` }).click();
    await page.getByLabel('角色', { exact: true }).selectOption({ label: '维修工程师' });
    await page.getByLabel('维修点', { exact: true }).selectOption('rp-dubai');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('status').getByText(`${agentEmail} 现在是维修工程师。`).waitFor();
    const row = usersTable().locator('tbody tr', { hasText: agentEmail });
    await row.getByText('rp-dubai').waitFor();
    expect(await row.textContent()).toContain('维修工程师');
  });

  it('creates an API key with an expiry, shows its secret once, and revokes it', async () => {
    await page.getByRole('link', { name: 'API 密钥' }).click();
    await page.getByRole('heading', { name: 'API 密钥', exact: true }).waitFor();
    await page.getByLabel('维修点', { exact: true }).selectOption('rp-shenzhen');
    await page.getByLabel('名称', { exact: true }).fill('ERP 对接');
    await page.getByLabel('过期时间', { exact: true }).fill('2099-12-31T18:00');
    await page.getByRole('button', { name: '创建', exact: true }).click();
    const issued = page.getByTestId('issued-key');
    await issued.waitFor();
    const secret = (await issued.locator('.mono').textContent())!;
    expect(secret).toMatch(/^ask_/);
    const row = page.getByTestId('admin-api-keys').locator('tbody tr', { hasText: 'ERP 对接' });
    await row.getByText('2099').waitFor();
    expect(await page.getByTestId('admin-api-keys').textContent()).not.toContain(secret);
    await screenshot(page, 'admin-api-keys.zh-CN');

    const me = await fetch(`${app.url}/api/repair-point/me`, { headers: { 'x-api-key': secret } });
    expect(await me.json()).toEqual({ repairPointId: 'rp-shenzhen', via: 'api-key' });
    await page.getByRole('button', { name: '吊销 ERP 对接' }).click();
    expect(await page.getByRole('status').textContent()).toBe('已吊销“ERP 对接”，它立即停止工作。');
    await row.getByText('已吊销').waitFor();
    expect((await fetch(`${app.url}/api/repair-point/me`, { headers: { 'x-api-key': secret } })).status).toBe(
      401,
    );
  });

  it('shows who did what in the audit trail, in Chinese and in English', async () => {
    await page.getByRole('link', { name: '操作记录' }).click();
    const trail = page.getByTestId('audit-trail');
    await trail.waitFor();
    const rows = trail.locator('tbody tr');
    expect(await rows.nth(0).textContent()).toContain('吊销 API 密钥');
    expect(await rows.nth(1).textContent()).toContain('创建 API 密钥');
    const disabled = rows.filter({ hasText: '停用账号' });
    expect(await disabled.textContent()).toContain('admin@example.com');
    expect(await disabled.textContent()).toContain(agentEmail);
    await screenshot(page, 'admin-audit.zh-CN');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Audit trail' }).waitFor();
    expect(await rows.filter({ hasText: 'Disabled an account' }).count()).toBe(1);
    await screenshot(page, 'admin-audit.en');
  });
});

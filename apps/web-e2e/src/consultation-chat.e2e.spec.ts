import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type Browser,
  openBrowser,
  type RunningProduct,
  screenshot,
  startDistributed,
  startEmbedded,
  waitUntil,
} from '@aftersales/shared-testing';
import { demoDevices } from '@aftersales/warranty-data-access';
import { addMonths } from '@aftersales/warranty-domain';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, signInAs } from './embedded-app.js';

const [inWarranty] = demoDevices(new Date());
const PHONE = { width: 390, height: 844 };
/** A 1 × 1 PNG: a photo as far as the gateway's sniffing of bytes is concerned. */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);
const LOG = 'fan alarm: fan 2 stopped at 10:00\n';
const DESKTOP = { width: 1280, height: 800 };

/** The canned reply the agent writes for the team, and then answers with. */
const CANNED = { title: '寄回维修', text: '您好，需要寄回维修，我为您转维修工单。' };

/** The texts of the chat's settled messages, oldest first. */
const messageTexts = (page: Page) => page.getByTestId('message').locator('.text').allTextContents();

/**
 * Every step between the two browsers runs in both modes. The distributed one starts two gateway processes
 * and puts the customer's browser on one and the agent's on the other: each live message, push and
 * attachment crosses processes through NATS.
 */
describe.each([
  { name: 'embedded', start: () => startEmbedded(), shotVariant: '' },
  { name: 'distributed', start: () => startDistributed({ gateways: 2 }), shotVariant: '.distributed' },
])('consultation chat between a customer and an agent, in two browsers, in the $name mode', (mode) => {
  let app: RunningProduct;
  /** The gateway each person's browser talks to: two processes in the distributed mode. */
  let gateways: { customer: string; agent: string };
  let customer: Page;
  let agent: Page;
  const closers: (() => Promise<void>)[] = [];
  let consultationUrl: string;
  let number: string;
  let diagnosisCode: string;
  /** The customer's consultation of last time, which support converted into a repair order. */
  let earlier: { number: string; diagnosisCode: string };

  /** A JSON POST to the product's API, as a client other than the browsers. */
  async function post<T>(path: string, body: object, token?: string): Promise<T> {
    const response = await fetch(`${app.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }
  const tokenOf = async (email: string) =>
    (await post<{ accessToken: string }>('/api/auth/login', { email, password: DEMO_PASSWORD })).accessToken;
  /** A screenshot of a step both modes take; the distributed run's are named apart. */
  const shot = (page: Page, what: string) => screenshot(page, `${what}${mode.shotVariant}.zh-CN`);

  /** Before the browsers: the customer's earlier consultation, converted, and a second agent to hand over to. */
  async function history(): Promise<void> {
    const customerToken = await tokenOf('customer@example.com');
    const agentToken = await tokenOf('agent@example.com');
    const opened = await post<{ id: string; number: string }>(
      '/api/consultations',
      { sn: inWarranty!.sn, text: '去年风扇坏过一次' },
      customerToken,
    );
    await post(`/api/consultations/${opened.id}/take`, {}, agentToken);
    const converted = await post<{ diagnosisCode: string }>(
      `/api/consultations/${opened.id}/convert`,
      {},
      agentToken,
    );
    earlier = { number: opened.number, diagnosisCode: converted.diagnosisCode };
    await waitUntil(`repair order ${earlier.diagnosisCode}`, async () => {
      const order = await fetch(`${app.url}/api/repair-orders/${earlier.diagnosisCode}`, {
        headers: { authorization: `Bearer ${agentToken}` },
      });
      return order.ok;
    });
    await post(
      '/api/admin/users',
      {
        email: 'agent2@example.com',
        password: 'a long enough password',
        displayName: '第二客服 Second Agent',
        role: 'agent',
      },
      await tokenOf('admin@example.com'),
    );
  }

  /** A person's own browser, signed in through the gateway they use. */
  async function signedIn(browser: Promise<Browser>, gateway: string, email: string): Promise<Page> {
    const { page } = await browser;
    await page.goto(gateway);
    await signInAs(page, email);
    return page;
  }

  beforeAll(async () => {
    // Chromium starts while the product does, and the two sign in while their history is written.
    const browsers = [openBrowser('zh-CN'), openBrowser('zh-CN')] as const;
    closers.push(...browsers.map((browser) => async () => (await browser).close()));
    app = await mode.start();
    closers.push(() => app.stop());
    gateways = { customer: app.url, agent: app.gatewayUrls?.at(-1) ?? app.url };
    [customer, agent] = await Promise.all([
      signedIn(browsers[0], gateways.customer, 'customer@example.com'),
      signedIn(browsers[1], gateways.agent, 'agent@example.com'),
      history(),
    ]);
  });

  afterAll(async () => {
    for (const close of closers) await close();
  });

  it('refuses a consultation for a machine out of warranty, in words the customer reads', async () => {
    const outOfWarranty = demoDevices(new Date())[1]!;
    await customer.goto(`${gateways.customer}/consultations/new?sn=${outOfWarranty.sn}`);
    await customer.getByRole('button', { name: '创建咨询工单' }).click();
    const alert = customer.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(`设备 ${outOfWarranty.sn} 已于`);
    expect(await alert.textContent()).toContain('不能创建咨询工单');
  });

  it('the agent writes a canned reply for the team', async () => {
    await agent.getByRole('link', { name: '常用回复' }).click();
    await agent.getByRole('heading', { name: '常用回复', level: 1 }).waitFor();
    await agent.getByLabel('标题').fill(CANNED.title);
    await agent.getByLabel('内容').fill(CANNED.text);
    await agent.getByRole('button', { name: '保存' }).click();
    const saved = agent.getByTestId('canned-reply').filter({ hasText: CANNED.title });
    await saved.waitFor();
    expect(await saved.locator('.canned-text').textContent()).toBe(CANNED.text);
    // The form is empty again for the next one.
    expect(await agent.getByLabel('标题').inputValue()).toBe('');
    await shot(agent, 'canned-replies');
  });

  it("the agent's console is open and live before the customer writes", async () => {
    await agent.getByRole('link', { name: '客服工作台' }).click();
    await agent.getByRole('heading', { name: '客服工作台' }).waitFor();
    await agent.getByText('暂无待接入的咨询。').waitFor();
  });

  it('opens a consultation from the lookup result with a first message, and sends another', async () => {
    const queueReads: string[] = [];
    agent.on('request', (r) => {
      if (r.url().includes('/api/consultations?status=')) queueReads.push(r.url());
    });

    await customer.goto(gateways.customer);
    await customer.getByLabel('设备SN码').fill(inWarranty!.sn);
    await customer.getByRole('button', { name: '查询', exact: true }).click();
    await customer.getByRole('link', { name: '创建咨询工单' }).click();
    await customer.getByLabel('问题描述（可选）').fill('矿机无法启动，风扇报警');
    await customer.getByRole('button', { name: '创建咨询工单' }).click();

    await customer.getByTestId('consultation-status').getByText('待接入').waitFor();
    consultationUrl = customer.url();
    expect(consultationUrl).toMatch(/\/consultations\/[0-9a-f-]{36}$/);
    number = (await customer.getByRole('heading', { level: 1 }).textContent())!.replace('咨询工单 ', '');
    expect(await customer.getByTestId('consultation-device').textContent()).toContain(inWarranty!.sn);
    // What follows arrives over the live socket: the page catches up over HTTP only while it is down.
    await customer.getByTestId('live-status').getByText('实时连接', { exact: true }).waitFor();

    await customer.getByLabel('消息').fill('电源灯也不亮');
    await customer.getByRole('button', { name: '发送' }).click();
    await customer.getByTestId('message').filter({ hasText: '电源灯也不亮' }).waitFor();
    expect(await customer.getByTestId('pending-message').count()).toBe(0);
    expect(await messageTexts(customer)).toEqual(['矿机无法启动，风扇报警', '电源灯也不亮']);

    await customer.getByLabel('消息').fill('照片和日志见附件');
    await customer.getByLabel('添加附件（最多 3 个）').setInputFiles([
      { name: 'front.png', mimeType: 'image/png', buffer: PHOTO },
      { name: 'miner.log', mimeType: 'text/plain', buffer: Buffer.from(LOG) },
    ]);
    expect(await customer.getByTestId('chosen-files').locator('li').allTextContents()).toEqual([
      'front.png ×',
      'miner.log ×',
    ]);
    await customer.getByRole('button', { name: '发送' }).click();
    const withFiles = customer.getByTestId('message').filter({ hasText: '照片和日志见附件' });
    await withFiles.waitFor();
    expect(await withFiles.getByTestId('attachment').count()).toBe(2);
    await withFiles.getByRole('img', { name: 'front.png' }).waitFor();

    // Live: the queue shows it without the console asking the server again.
    const item = agent.getByTestId('queue').getByTestId('queue-item').filter({ hasText: number });
    await item.waitFor({ timeout: 10_000 });
    expect(queueReads).toEqual([]);
    expect(await agent.title()).toBe('(1) 客服工作台');
    expect(await item.textContent()).toContain(inWarranty!.sn);
    await shot(customer, 'consultation-customer');
  });

  it("the agent takes it, sees the warranty and the customer's earlier tickets beside the chat, and answers with a canned reply; the customer sees it live", async () => {
    await agent.getByTestId('queue').getByTestId('queue-item').filter({ hasText: number }).click();
    await agent.getByRole('button', { name: '接手' }).click();
    await agent.getByTestId('conversation').getByTestId('consultation-status').getByText('处理中').waitFor();
    await agent.getByTestId('live-status').getByText('实时连接', { exact: true }).waitFor();
    expect(await agent.getByTestId('warranty-panel').textContent()).toContain(
      addMonths(inWarranty!.shippedOn, 12),
    );
    expect(await messageTexts(agent)).toEqual(['矿机无法启动，风扇报警', '电源灯也不亮', '照片和日志见附件']);
    const withFiles = agent.getByTestId('message').filter({ hasText: '照片和日志见附件' });
    await withFiles.getByRole('img', { name: 'front.png' }).waitFor();
    const [download] = await Promise.all([
      agent.waitForEvent('download'),
      withFiles.getByRole('button', { name: /^miner\.log/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('miner.log');
    expect(readFileSync((await download.path())!, 'utf8')).toBe(LOG);

    // The customer's consultation of last time and the repair order it became, beside this one.
    const earlierTickets = agent.getByTestId('earlier-tickets');
    const earlierOrder = earlierTickets.getByTestId('earlier-repair-orders').locator('li');
    await earlierOrder.first().waitFor();
    expect(await earlierOrder.count()).toBe(1);
    expect(await earlierOrder.textContent()).toContain(earlier.diagnosisCode);
    expect(await earlierOrder.textContent()).toContain('待提交');
    expect(await earlierOrder.getByRole('link', { name: earlier.diagnosisCode }).getAttribute('href')).toBe(
      `/agent/orders/${earlier.diagnosisCode}`,
    );
    const earlierConsultation = earlierTickets.getByTestId('earlier-consultations').locator('li');
    expect(await earlierConsultation.count()).toBe(1);
    expect(await earlierConsultation.textContent()).toContain(earlier.number);
    expect(await earlierConsultation.textContent()).toContain('已完结 · 已转维修');

    // Hand-over picks from the other agents by name; the agent keeps it this time.
    await agent.getByRole('button', { name: '转交', exact: true }).click();
    const toAgent = agent.getByLabel('接收客服');
    await toAgent.waitFor();
    expect(await toAgent.locator('option').allTextContents()).toEqual([
      '请选择客服',
      '第二客服 Second Agent',
    ]);
    await agent.getByRole('button', { name: '转交', exact: true }).click();

    await agent.getByRole('button', { name: '常用回复' }).click();
    await agent.getByLabel('搜索常用回复').fill('寄回');
    await shot(agent, 'canned-reply-picker');
    await agent
      .getByTestId('canned-replies')
      .getByRole('button', { name: new RegExp(CANNED.title) })
      .click();
    expect(await agent.getByLabel('消息').inputValue()).toBe(CANNED.text);
    await agent.getByRole('button', { name: '发送' }).click();
    await customer.getByTestId('message').filter({ hasText: '需要寄回维修' }).waitFor({ timeout: 10_000 });
    await shot(agent, 'consultation-agent-console');
  });

  it('the agent converts it and reads the diagnosis code; the customer sees the reminder, closes it and chats on', async () => {
    await agent.getByRole('button', { name: '转维修工单' }).click();
    const code = agent.getByTestId('diagnosis-code');
    await code.waitFor();
    diagnosisCode = (await code.textContent())!;
    expect(diagnosisCode).toMatch(/^[0-9A-Za-z]{8}$/);

    const reminder = customer.getByRole('dialog', { name: '咨询工单已完结，请提交寄修工单' });
    await reminder.waitFor({ timeout: 10_000 });
    expect(await reminder.textContent()).toContain(diagnosisCode);
    expect(await reminder.getByRole('link', { name: '发起寄修工单' }).getAttribute('href')).toBe(
      `/repair-orders/${diagnosisCode}/mail-in`,
    );
    expect(await customer.getByTestId('consultation-status').textContent()).toBe('已完结 · 已转维修');
    await shot(customer, 'consultation-reminder');

    await reminder.getByRole('button', { name: '关闭提醒' }).click();
    expect(await reminder.count()).toBe(0);
    await customer.getByLabel('消息').fill('好的，我明天寄出');
    await customer.getByRole('button', { name: '发送' }).click();
    await customer.getByTestId('message').filter({ hasText: '我明天寄出' }).waitFor();
    await agent.getByTestId('message').filter({ hasText: '我明天寄出' }).waitFor({ timeout: 10_000 });
  });

  it('the agent opens the order from its diagnosis code and reads it, without the customer’s actions', async () => {
    await agent.getByTestId('diagnosis-code').click();
    await agent.getByRole('heading', { name: `寄修详情 · 初诊代码 ${diagnosisCode}` }).waitFor();
    expect(await agent.getByTestId('order-status').textContent()).toBe('待提交');
    await agent.getByTestId('live-status').getByText('实时连接', { exact: true }).waitFor();
    expect(await agent.getByTestId('order-line').textContent()).toContain(inWarranty!.sn);
    await agent.getByTestId('timeline-entry').getByText('您', { exact: true }).waitFor();
    expect(await agent.getByRole('link', { name: '填写寄修单' }).count()).toBe(0);
    expect(await agent.getByRole('button', { name: '取消工单' }).count()).toBe(0);
    await shot(agent, 'agent-order');

    expect(await agent.getByRole('link', { name: '返回客服工作台' }).getAttribute('href')).toBe('/agent');
    await agent.goBack();
    await agent.getByTestId('conversation').getByTestId('diagnosis-code').waitFor();
  });

  it('"My tickets" lists the repair order by its diagnosis code and the completed consultation', async () => {
    await customer.getByRole('link', { name: '我的工单' }).click();
    const line = customer
      .getByTestId('repair-order-lines')
      .locator('tbody tr')
      .filter({ hasText: diagnosisCode });
    await line.waitFor();
    const cells = await line.locator('td').allTextContents();
    expect(cells[0]).toMatch(/^[0-9a-f]{32}$/);
    // Not submitted and not shipped back yet: no submission time, no return parcel.
    expect(cells.slice(1)).toEqual([diagnosisCode, inWarranty!.model, inWarranty!.sn, '—', '—', '待提交']);
    const consultation = customer
      .getByTestId('consultation-rows')
      .locator('tbody tr')
      .filter({ hasText: number });
    expect(await consultation.textContent()).toContain('已完结 · 已转维修');
    expect(await consultation.textContent()).toContain('好的，我明天寄出');
    await shot(customer, 'my-tickets');

    await customer.getByRole('link', { name: diagnosisCode }).click();
    await customer.getByRole('heading', { name: '自助寄修' }).waitFor();
  });

  // Phone widths and English are the same pages whichever mode serves them: the embedded run looks at them.
  if (mode.name === 'embedded') {
    it('fits a phone: the top bar folds into a menu, the chat and the list fit the width', async () => {
      await customer.setViewportSize(PHONE);
      await customer.goto(consultationUrl);
      await customer.getByTestId('message').first().waitFor();
      expect(await customer.getByRole('link', { name: '我的工单' }).isVisible()).toBe(false);
      // Nothing wider than the screen: no sideways scrolling.
      const fitsWidth = () =>
        customer.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');
      expect(await fitsWidth()).toBe(true);
      await screenshot(customer, 'consultation-customer.phone.zh-CN');

      await customer.getByRole('button', { name: '菜单' }).click();
      await customer.getByRole('link', { name: '我的工单' }).click();
      await customer.getByTestId('repair-order-lines').waitFor();
      expect(await customer.getByRole('link', { name: '我的工单' }).isVisible()).toBe(false);
      expect(await fitsWidth()).toBe(true);
      await screenshot(customer, 'my-tickets.phone.zh-CN');

      await customer.getByRole('button', { name: '菜单' }).click();
      await customer.getByRole('link', { name: '发起工单' }).click();
      await customer.getByLabel('设备SN码').fill(inWarranty!.sn);
      const lookUp = customer.getByRole('button', { name: '查询', exact: true });
      await lookUp.click();
      await customer.getByTestId('warranty-result').waitFor();
      // The button keeps its label on one line rather than one character per line.
      expect((await lookUp.boundingBox())!.height).toBeLessThan(50);
      expect(await fitsWidth()).toBe(true);
      await screenshot(customer, 'warranty-lookup.phone.zh-CN');
      await customer.getByRole('button', { name: '菜单' }).click();
      await customer.getByRole('link', { name: '我的工单' }).click();
    });

    it('speaks English after the switch, on a phone and on a desktop', async () => {
      await customer.getByRole('button', { name: 'English' }).click();
      await customer.getByRole('heading', { name: 'My tickets' }).waitFor();
      expect(
        await customer.getByTestId('repair-order-lines').locator('tbody tr td').last().textContent(),
      ).toBe('Awaiting submission');
      await screenshot(customer, 'my-tickets.phone.en');
      await customer.goto(consultationUrl);
      await customer
        .getByRole('dialog', { name: 'Consultation completed: please submit the mail-in form' })
        .waitFor();
      await screenshot(customer, 'consultation-reminder.phone.en');
      await customer.setViewportSize(DESKTOP);
      await screenshot(customer, 'consultation-reminder.en');

      await agent.getByRole('button', { name: 'English' }).click();
      await agent.getByRole('heading', { name: 'Agent console' }).waitFor();
      await screenshot(agent, 'consultation-agent-console.en');
      await agent.setViewportSize(PHONE);
      await screenshot(agent, 'consultation-agent-console.phone.en');
    });
  }
});

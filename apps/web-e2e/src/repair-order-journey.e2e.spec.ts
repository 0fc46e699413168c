import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHmac, randomUUID } from 'node:crypto';
import { openBrowser, type RunningProduct, screenshot, startEmbedded } from '@aftersales/shared-testing';
import { demoDevices } from '@aftersales/warranty-data-access';
import type { Page } from 'playwright-core';
import QRCode from 'qrcode';
import { signInAs } from './embedded-app.js';
import { ProductSteps } from './product-steps.js';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const OUTBOUND = 'SF1234567890123';
const RETURN = 'SF9876543210987';
const outOfWarranty = demoDevices(new Date())[1]!;
const WEBHOOK_SECRET = 'the-journey-webhook-secret';
/** A photo as a phone sends one: a PNG big enough to see in a screenshot. */
const photo = (text: string) =>
  QRCode.toBuffer(text, { width: 240 }).then((buffer) => ({
    name: `${text}.png`,
    mimeType: 'image/png',
    buffer,
  }));

/** Machines of this run only, shipped a month ago: in warranty, and in no other order. */
const run = String(Date.now()).slice(-8);
const [first, second, third] = [0, 1, 2].map((i) => `WJ${run}${i}`) as [string, string, string];

/** Nothing wider than the screen: no sideways scrolling. */
const fitsWidth = (page: Page) =>
  page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');

/**
 * The manual's whole journey, section 2.4 onwards: the customer's consultation becomes a repair order,
 * the customer mails three machines in, the repair point receives, repairs and ships them back, and the
 * customer follows it all in "My tickets" and the order's detail.
 */
describe('a repair order from the mail-in form to the return, in the browser', () => {
  let app: RunningProduct;
  let customer: Page;
  let engineer: Page;
  const closers: (() => Promise<void>)[] = [];
  let diagnosisCode: string;
  let consultationUrl: string;

  const steps = new ProductSteps(() => app.url);

  /** The carrier's progress as AfterShip pushes it, signed with the product's secret: one checkpoint a tag. */
  async function aftershipPush(trackingNumber: string, tags: string[]) {
    const now = Date.now();
    const body = JSON.stringify({
      event: 'tracking_update',
      event_id: randomUUID(),
      ts: Math.floor(now / 1000),
      msg: {
        tracking_number: trackingNumber,
        slug: 'sf-express',
        tag: tags.at(-1),
        checkpoints: tags.map((tag, i) => ({
          // A second apart from now on: after anything recorded by hand before.
          checkpoint_time: new Date(now + i * 1000).toISOString(),
          message: `${tag}: 顺丰 ${trackingNumber}`,
          location: i === 0 ? '深圳市' : '成都市',
          tag,
        })),
      },
    });
    const signature = createHmac('sha256', WEBHOOK_SECRET).update(body).digest('base64');
    const response = await fetch(`${app.url}/api/logistics/webhooks/aftership`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'aftership-hmac-sha256': signature },
      body,
    });
    expect(await response.json()).toEqual({ recorded: tags.length });
  }

  const lineOf = (page: Page, sn: string) => page.getByTestId('order-line').filter({ hasText: sn });
  const parcelOf = (page: Page, direction: 'outbound' | 'return') =>
    page.locator(`[data-testid="parcel"][data-direction="${direction}"]`);
  const mailInLine = (sn: string) => customer.getByTestId('mail-in-line').filter({ hasText: sn });

  beforeAll(async () => {
    app = await startEmbedded({ env: { AFTERSHIP_WEBHOOK_SECRET: WEBHOOK_SECRET } });
    closers.push(() => app.stop());
    await steps.register([first, second, third]);
    for (const [email, assign] of [
      ['customer@example.com', (p: Page) => (customer = p)],
      ['engineer@example.com', (p: Page) => (engineer = p)],
    ] as const) {
      const browser = await openBrowser('zh-CN');
      closers.unshift(browser.close);
      await browser.page.goto(app.url);
      await signInAs(browser.page, email);
      assign(browser.page);
    }
  });

  afterAll(async () => {
    for (const close of closers) await close();
  });

  it('the customer looks up the SN and opens a consultation; support converts it and the reminder leads to the mail-in form', async () => {
    await customer.getByLabel('设备SN码').fill(first);
    await customer.getByRole('button', { name: '查询', exact: true }).click();
    await customer.getByRole('link', { name: '创建咨询工单' }).click();
    await customer.getByLabel('问题描述（可选）').fill('三台矿机算力异常');
    await customer.getByRole('button', { name: '创建咨询工单' }).click();
    await customer.getByTestId('consultation-status').getByText('待接入').waitFor();
    consultationUrl = customer.url();

    diagnosisCode = await steps.convert(consultationUrl.split('/').pop()!);
    const reminder = customer.getByRole('dialog', { name: '咨询工单已完结，请提交寄修工单' });
    await reminder.waitFor({ timeout: 10_000 });
    await reminder.getByRole('link', { name: '发起寄修工单' }).click();
    await customer.getByRole('heading', { name: '自助寄修' }).waitFor();
  });

  it('the mail-in form starts with the consultation’s machine, checks each added line, and shows a problem on its own line', async () => {
    await mailInLine(first).getByTestId('line-check').getByText('可寄修').waitFor();
    await customer.getByLabel(`${first} 的故障描述`).fill('算力板 2 不识别');
    // A photo of the fault goes with the line; a file that is no photo is refused on the line.
    const addPhotos = mailInLine(first).getByLabel(`为 ${first} 添加照片`);
    await addPhotos.setInputFiles({
      name: 'board.png',
      mimeType: 'image/png',
      buffer: Buffer.from('not a png'),
    });
    await mailInLine(first).getByText('只能上传 JPEG、PNG 或 WebP 格式的照片。').waitFor();
    await addPhotos.setInputFiles(await photo('board'));
    await mailInLine(first)
      .getByRole('img', { name: `${first} 的照片 1` })
      .waitFor();

    // One by one…
    await customer.getByLabel('设备SN码').fill(second);
    await customer.getByLabel('故障描述', { exact: true }).fill('风扇报警');
    await customer.getByRole('button', { name: '添加', exact: true }).click();
    // …and many at once, one of them out of warranty.
    await customer.getByText('批量添加（粘贴 SN 或上传 CSV）').click();
    await customer.getByLabel('粘贴 SN 列表（每行一个，或用逗号、空格分隔）').fill(outOfWarranty.sn);
    await customer.getByLabel('这些设备的故障描述（可在各行再修改）').fill('不开机');
    await customer.getByRole('button', { name: '全部添加' }).click();
    await customer.getByLabel('上传 CSV 文件').setInputFiles({
      name: 'farm.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`设备SN码,故障描述\n${third},电源不上电\n`),
    });
    await mailInLine(third).waitFor();
    expect(await customer.getByLabel(`${third} 的故障描述`).inputValue()).toBe('电源不上电');

    await mailInLine(outOfWarranty.sn).getByText('已过保，请联系三方维修点自费维修').waitFor();
    for (const sn of [second, third]) await mailInLine(sn).getByText('可寄修').waitFor();
    expect(await mailInLine(second).getByRole('cell', { name: 'VolcMiner D1' }).count()).toBe(1);

    // The nearest official point that repairs the models is chosen; the parcel's tracking number is entered,
    // and one that cannot be the carrier's is named as soon as the field is left, before anything is sent.
    expect(await customer.getByRole('radio', { name: /VolcMiner 深圳售后维修中心/ }).isChecked()).toBe(true);
    await customer.getByLabel('物流名称').selectOption({ label: '顺丰速运' });
    await customer.getByLabel('物流单号').fill('SF12345');
    await customer.getByLabel('物流单号').press('Tab');
    const trackingField = customer.locator('.field').filter({ has: customer.getByLabel('物流单号') });
    await trackingField.getByText('这不是顺丰速运的单号格式，请核对。').waitFor();
    expect(await trackingField.getByText('例如 SF1234567890123').count()).toBe(1);
    await screenshot(customer, 'mail-in-tracking-format.zh-CN');
    await customer.getByLabel('物流单号').fill(OUTBOUND);
    expect(await trackingField.getByText('这不是顺丰速运的单号格式，请核对。').count()).toBe(0);
    await screenshot(customer, 'mail-in-form.zh-CN');

    // Submitting with the refused line is refused on the page, naming the line.
    await customer.getByRole('button', { name: '提交寄修单' }).click();
    await customer.getByText('有 1 台设备不能寄修，请移除或更正这些行。').waitFor();
    await customer.getByRole('button', { name: `移除 ${outOfWarranty.sn}` }).click();
    expect(await customer.getByTestId('mail-in-line').count()).toBe(3);
  });

  it('submits the form: the order awaits receipt at the chosen point and the packing slip prints its code as a QR code', async () => {
    await customer.getByRole('button', { name: '提交寄修单' }).click();
    await customer.getByRole('heading', { name: `寄修详情 · 初诊代码 ${diagnosisCode}` }).waitFor();
    expect(await customer.getByTestId('order-status').textContent()).toBe('待收货');
    await customer.getByTestId('order-point').getByText('VolcMiner 深圳售后维修中心').waitFor();
    expect(await parcelOf(customer, 'outbound').textContent()).toContain(`顺丰速运 ${OUTBOUND}`);
    expect(await customer.getByTestId('order-line').getByTestId('line-status').allTextContents()).toEqual([
      '待收货',
      '待收货',
      '待收货',
    ]);
    await screenshot(customer, 'order-detail-submitted.zh-CN');

    await customer.getByRole('link', { name: '打印装箱单' }).click();
    const slip = customer.getByTestId('packing-slip');
    await slip.getByRole('img', { name: `初诊代码 ${diagnosisCode} 的二维码` }).waitFor();
    expect(await slip.getByTestId('slip-code').textContent()).toBe(diagnosisCode);
    expect(await slip.getByTestId('slip-lines').locator('tbody tr').count()).toBe(3);
    await screenshot(customer, 'packing-slip.zh-CN');
    await customer.emulateMedia({ media: 'print' });
    expect(await customer.locator('header.topbar').isVisible()).toBe(false);
    await screenshot(customer, 'packing-slip.print.zh-CN');
    await customer.emulateMedia({ media: 'screen' });

    // The consultation's reminder is gone: the form is in.
    const orderRead = customer.waitForResponse((r) =>
      r.url().endsWith(`/api/repair-orders/${diagnosisCode}`),
    );
    await customer.goto(consultationUrl);
    await orderRead;
    await customer.getByTestId('message').first().waitFor();
    expect(await customer.getByRole('dialog', { name: '咨询工单已完结，请提交寄修工单' }).count()).toBe(0);
  });

  it('the engineer opens the order by scanning its code and receives two machines by scanning their SNs', async () => {
    await engineer.getByRole('link', { name: '维修点工作台' }).click();
    await engineer.getByRole('heading', { name: '维修点工作台' }).waitFor();
    await engineer.getByRole('button', { name: '待收货 1', exact: true }).waitFor();
    await screenshot(engineer, 'repair-point-queue.zh-CN');

    // The scan field has the focus: a USB scanner types the code and Enter.
    await engineer.keyboard.type(diagnosisCode);
    await engineer.keyboard.press('Enter');
    await engineer.getByRole('heading', { name: `工单 ${diagnosisCode}` }).waitFor();
    await engineer.getByTestId('live-status').getByText('实时连接', { exact: true }).waitFor();
    // The customer follows along on the order's page.
    await customer.goto(`${app.url}/repair-orders/${diagnosisCode}`);
    await customer.getByTestId('live-status').getByText('实时连接', { exact: true }).waitFor();

    const expected = engineer.getByTestId('still-expected');
    expect(await expected.textContent()).toBe('还有 3 台待收货');
    await engineer.keyboard.type(first);
    await engineer.keyboard.press('Enter');
    await engineer.getByTestId('scan-outcome').getByText(`已收货：${first}。还有 2 台待收货。`).waitFor();
    await engineer.keyboard.type(second.toLowerCase());
    await engineer.keyboard.press('Enter');
    await expected.getByText('还有 1 台待收货').waitFor();
    await engineer.keyboard.type(outOfWarranty.sn);
    await engineer.keyboard.press('Enter');
    await engineer
      .getByTestId('scan-outcome')
      .getByText(`${outOfWarranty.sn} 不在此工单中，请核对设备。`)
      .waitFor();
    await screenshot(engineer, 'repair-point-receive.zh-CN');

    await lineOf(customer, second)
      .getByTestId('line-status')
      .getByText('已收货')
      .waitFor({ timeout: 10_000 });
    expect(await customer.getByTestId('order-status').textContent()).toBe('已收货');
  });

  it('marks the third machine missing with a note, records a hash-board fault and the repair, and ships back', async () => {
    await lineOf(engineer, third).getByRole('button', { name: '收货异常' }).click();
    const issue = engineer.getByTestId('issue-form');
    await issue.getByLabel('未收到').check();
    await issue.getByLabel('说明').fill('包裹中没有这台');
    await issue.getByRole('button', { name: '确认' }).click();
    await lineOf(engineer, third).getByTestId('line-status').getByText('未收到').waitFor();

    await engineer.getByRole('button', { name: `记录 ${first} 的维修` }).click();
    const progress = engineer.getByTestId('progress-form');
    await progress.getByRole('button', { name: '添加故障' }).click();
    await progress.getByLabel('部件', { exact: true }).selectOption({ label: '算力板' });
    await progress.getByLabel('位置', { exact: true }).fill('2');
    await progress.getByLabel('故障芯片', { exact: true }).fill('U12, U13');
    await progress.getByRole('button', { name: '添加配件' }).click();
    await progress.getByLabel('配件', { exact: true }).fill('BM1366 芯片');
    await progress.getByLabel('数量', { exact: true }).fill('2');
    await progress.getByLabel('已测试', { exact: true }).check();
    await progress.getByLabel('老化时长（小时）', { exact: true }).fill('24');
    await progress.getByLabel('已修复', { exact: true }).check();
    await progress.getByLabel(`为 ${first} 添加照片`).setInputFiles(await photo('chips'));
    await progress.getByRole('img', { name: `${first} 的照片 1` }).waitFor();
    await screenshot(engineer, 'repair-point-progress.zh-CN');
    await progress.getByRole('button', { name: '保存维修记录' }).click();
    await lineOf(engineer, first).getByTestId('line-status').getByText('已修复').waitFor();

    await engineer.getByRole('button', { name: `记录 ${second} 的维修` }).click();
    await progress.getByLabel('维修备注', { exact: true }).fill('清灰，更换风扇');
    await progress.getByLabel('已修复', { exact: true }).check();
    await progress.getByRole('button', { name: '保存维修记录' }).click();
    await lineOf(engineer, second).getByTestId('line-status').getByText('已修复').waitFor();

    const shipBack = engineer.getByTestId('ship-back');
    await shipBack.getByLabel('物流名称').selectOption({ label: '顺丰速运' });
    await shipBack.getByLabel('物流单号').fill(RETURN);
    await shipBack.getByRole('button', { name: '寄回所选设备（2 台）' }).click();
    await lineOf(engineer, first).getByTestId('line-status').getByText('已寄回').waitFor();
    expect(await engineer.getByTestId('order-status').textContent()).toBe('已寄回');
    await screenshot(engineer, 'repair-point-order.zh-CN');
  });

  it('the customer sees 已寄回 with the return tracking number in "My tickets", filters and searches it', async () => {
    await lineOf(customer, first).getByTestId('line-status').getByText('已寄回').waitFor({ timeout: 10_000 });
    await customer.getByRole('link', { name: '我的工单' }).click();
    const rows = customer.getByTestId('repair-order-lines').locator('tbody tr');
    const row = (sn: string) => rows.filter({ hasText: sn });
    await row(first).waitFor();
    for (const sn of [first, second]) {
      const cells = await row(sn).locator('td').allTextContents();
      expect(cells[0]).toMatch(/^[0-9a-f]{32}$/);
      expect([cells[1], cells[2], cells[3], cells[5], cells[6]]).toEqual([
        diagnosisCode,
        'VolcMiner D1',
        sn,
        `顺丰速运 ${RETURN}`,
        '已寄回',
      ]);
    }
    expect((await row(third).locator('td').allTextContents())[6]).toBe('未收到');
    await screenshot(customer, 'my-tickets-returned.zh-CN');

    await customer.getByLabel('工单状态').selectOption({ label: '已寄回' });
    await customer.getByTestId('tickets-page').getByText('共 2 条').waitFor();
    await customer.getByLabel('工单状态').selectOption({ label: '全部状态' });
    await customer.getByLabel('搜索', { exact: true }).fill(third);
    await customer.getByRole('button', { name: '搜索' }).click();
    await customer.getByTestId('tickets-page').getByText('共 1 条').waitFor();
    expect(await rows.count()).toBe(1);
  });

  it('the detail shows the whole timeline, and the repair report what was found and done', async () => {
    await customer.getByRole('link', { name: diagnosisCode }).click();
    const entries = customer.getByTestId('timeline-entry');
    await entries.last().waitFor();
    expect(await entries.evaluateAll((li) => li.map((e) => e.getAttribute('data-type')))).toEqual([
      'RepairOrderOpened',
      'MailInSubmitted',
      'DeviceReceived',
      'DeviceReceived',
      'DeviceReceived',
      'RepairProgressRecorded',
      'RepairProgressRecorded',
      'DeviceReturned',
    ]);
    expect(await entries.nth(1).textContent()).toContain('您');
    // Staff are named as they go by here, beside their role: support converted it, the engineer received.
    await entries.nth(0).getByText('演示客服 Demo Agent（客服）', { exact: true }).waitFor();
    await entries
      .nth(2)
      .getByText('演示工程师 Demo Engineer（维修点 VolcMiner 深圳售后维修中心）', { exact: true })
      .waitFor();
    expect(await entries.nth(4).textContent()).toContain('包裹中没有这台');
    expect(await entries.nth(5).textContent()).toContain('算力板 #2，故障芯片 U12, U13');
    expect(await entries.last().textContent()).toContain(`顺丰速运 ${RETURN}`);
    expect(await parcelOf(customer, 'return').textContent()).toContain(`顺丰速运 ${RETURN}`);
    // The line shows the customer's photo and the engineer's, each loaded through the order.
    const photos = lineOf(customer, first).getByTestId('line-photos');
    await photos.getByRole('img').nth(1).waitFor();
    expect(await photos.textContent()).toMatch(/客户拍摄.*维修中/);
    await screenshot(customer, 'order-detail-returned.zh-CN');

    await customer.getByRole('link', { name: `${first} 的维修报告` }).click();
    const report = customer.getByTestId('repair-report');
    await report.getByRole('heading', { name: '维修报告' }).waitFor();
    expect(await report.getByTestId('report-faults').textContent()).toBe('算力板 #2，故障芯片 U12, U13');
    expect(await report.getByTestId('report-parts').textContent()).toBe('BM1366 芯片 × 2');
    expect(await report.getByTestId('report-result').textContent()).toBe('已修复 · 测试通过，老化 24 小时');
    await report
      .getByRole('img', { name: `${first} 的照片 1` })
      .first()
      .waitFor();
    await screenshot(customer, 'repair-report.zh-CN');
  });

  it('each parcel shows its tracking: a checkpoint the engineer records by hand, and the carrier’s pushes, live', async () => {
    // The engineer notes the pickup by hand, from the carrier's own page.
    const returned = parcelOf(engineer, 'return');
    await returned.getByRole('button', { name: '录入物流节点' }).click();
    const form = engineer.getByTestId('checkpoint-form');
    await form.getByLabel('物流状态').selectOption({ label: '运输中' });
    await form.getByLabel('地点（选填）').fill('深圳市');
    await form.getByLabel('说明', { exact: true }).fill('顺丰已揽收');
    await form.getByRole('button', { name: '保存物流节点' }).click();
    await returned.getByTestId('checkpoint').getByText('顺丰已揽收').waitFor();
    expect(await returned.getByTestId('checkpoint').textContent()).toContain('人工录入');
    expect(await returned.getByTestId('parcel-status').textContent()).toBe('运输中');
    await screenshot(engineer, 'repair-point-parcels.zh-CN');

    await customer.goto(`${app.url}/repair-orders/${diagnosisCode}`);
    await customer.getByTestId('live-status').getByText('实时连接', { exact: true }).waitFor();
    const outbound = parcelOf(customer, 'outbound');
    const link = outbound.getByRole('link', { name: '在物流公司网站查询' });
    expect(await link.getAttribute('href')).toContain(OUTBOUND);
    expect(await link.getAttribute('target')).toBe('_blank');

    // The carrier's pushes on the outbound parcel change nothing on the order (its machines are in): the
    // customer sees them on coming back to the tab.
    await aftershipPush(OUTBOUND, ['InTransit', 'OutForDelivery', 'Delivered']);
    await customer.evaluate("window.dispatchEvent(new Event('focus'))");
    await outbound.getByTestId('parcel-status').getByText('已签收').waitFor();
    expect(
      await outbound.getByTestId('checkpoint').evaluateAll((li) => li.map((e) => e.dataset.status)),
    ).toEqual(['delivered', 'out_for_delivery', 'in_transit']);
    expect(await outbound.getByTestId('checkpoint').first().textContent()).toContain(
      `Delivered: 顺丰 ${OUTBOUND}`,
    );

    // The return's delivery completes the returned machines: that change of the order arrives live, and
    // with it the parcel's news, the engineer's checkpoint among them.
    await aftershipPush(RETURN, ['InTransit', 'Delivered']);
    const back = parcelOf(customer, 'return');
    await lineOf(customer, first).getByTestId('line-status').getByText('已完成').waitFor({ timeout: 10_000 });
    await back.getByTestId('parcel-status').getByText('已签收').waitFor();
    expect(await back.getByTestId('checkpoint').evaluateAll((li) => li.map((e) => e.dataset.status))).toEqual(
      ['delivered', 'in_transit', 'in_transit'],
    );
    await screenshot(customer, 'order-detail-tracking.zh-CN');

    // Back to the report, where the English pictures begin.
    await customer.getByRole('link', { name: `${first} 的维修报告` }).click();
    await customer.getByTestId('repair-report').getByRole('heading', { name: '维修报告' }).waitFor();
  });

  it('speaks English, and the customer pages fit a phone', async () => {
    // A second order, awaiting its form, for the form's English and phone pictures.
    await steps.register([`WK${run}0`]);
    const consultation = await steps.api<{ id: string }>(
      'POST',
      '/api/consultations',
      await steps.tokenOf('customer@example.com'),
      {
        sn: `WK${run}0`,
      },
    );
    const waiting = await steps.convert(consultation.id);

    await customer.getByRole('button', { name: 'English' }).click();
    await customer.getByRole('heading', { name: 'Repair report' }).waitFor();
    await screenshot(customer, 'repair-report.en');
    const pages: [string, string, string][] = [
      [`/repair-orders/${waiting}/mail-in`, 'Mail-in repair', 'mail-in-form'],
      [`/repair-orders/${diagnosisCode}`, `Mail-in order ${diagnosisCode}`, 'order-detail-returned'],
      [`/repair-orders/${diagnosisCode}/packing-slip`, 'Mail-in packing slip', 'packing-slip'],
      ['/tickets', 'My tickets', 'my-tickets-returned'],
    ];
    for (const [path, heading, name] of pages) {
      await customer.setViewportSize(DESKTOP);
      await customer.goto(`${app.url}${path}`);
      await customer.getByRole('heading', { name: heading }).waitFor();
      await customer.getByTestId('mail-in-line').or(customer.locator('tbody tr')).first().waitFor();
      if (name === 'order-detail-returned') {
        const back = parcelOf(customer, 'return');
        await back.getByTestId('checkpoint').first().waitFor();
        expect(await back.getByTestId('parcel-status').textContent()).toBe('Delivered');
        expect(await back.getByTestId('checkpoint').last().textContent()).toContain('recorded by hand');
        await back.getByRole('link', { name: "Track on the carrier's site" }).waitFor();
      }
      await screenshot(customer, `${name}.en`);
      await customer.setViewportSize(PHONE);
      await screenshot(customer, `${name}.phone.en`);
      expect(await fitsWidth(customer)).toBe(true);
    }
    // The newest order first: the one awaiting its form, in English.
    const newest = customer.getByTestId('repair-order-lines').locator('tbody tr').first();
    expect(await newest.locator('td').last().textContent()).toBe('Awaiting submission');

    await engineer.getByRole('button', { name: 'English' }).click();
    await engineer.getByRole('heading', { name: `Order ${diagnosisCode}` }).waitFor();
    await screenshot(engineer, 'repair-point-order.en');
    await engineer.getByRole('link', { name: 'Back to the console' }).click();
    await engineer.getByRole('heading', { name: 'Repair point console' }).waitFor();
    await screenshot(engineer, 'repair-point-queue.en');
  });
});

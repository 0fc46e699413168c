import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type RunningProduct, screenshot } from '@aftersales/shared-testing';
import { demoDevices } from '@aftersales/warranty-data-access';
import { addMonths } from '@aftersales/warranty-domain';
import type { Page } from 'playwright-core';
import { openProductInBrowser, signInAs } from './embedded-app.js';

const [, outOfWarranty] = demoDevices(new Date());

describe("the operator's console in the browser", () => {
  let app: RunningProduct;
  let page: Page;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ app, page, close } = await openProductInBrowser('admin@example.com'));
  });

  afterAll(() => close?.());

  const counts = () =>
    page
      .getByTestId('import-counts')
      .locator('div')
      .evaluateAll((stats) =>
        stats.map((s) => `${s.querySelector('dt')!.textContent} ${s.querySelector('dd')!.textContent}`),
      );

  it('imports a CSV file with progress while it runs, and reports the refused row', async () => {
    await page.getByRole('link', { name: '设备导入' }).click();
    await page.getByRole('heading', { name: '设备导入' }).waitFor();
    const csv = [
      'sn,model,shipped_at,customer_ref',
      'ZH90000000001,VolcMiner D1,2026-01-05,farm-7',
      'ZH90000000002,VolcMiner D1,2026-01-05,farm-7',
      'ZH-BAD,VolcMiner D1,2026-01-05,farm-7',
      'ZH90000000003,VolcMiner D1 Hydro,2026-02-10,farm-7',
    ].join('\n');
    // The upload's reply is held back, so the page shows the progress it polls for while the upload "runs".
    let releaseUpload!: () => void;
    const uploadHeld = new Promise<void>((resolve) => (releaseUpload = resolve));
    await page.route('**/api/admin/devices/imports?id=*', async (route) => {
      const response = await route.fetch();
      await uploadHeld;
      await route.fulfill({ response });
    });
    await page
      .getByLabel('CSV 文件')
      .setInputFiles({ name: 'devices.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: '开始导入' }).click();
    await page.getByTestId('import-progress').getByText('已处理 4 / 约 4 行', { exact: false }).waitFor();
    expect(await counts()).toEqual(['已处理 4', '新增 3', '更新 0', '无变化 0', '被拒绝 1']);
    await screenshot(page, 'admin-device-import-progress.zh-CN');
    releaseUpload();
    await page.getByTestId('import-result').waitFor();
    await page.unroute('**/api/admin/devices/imports?id=*');
    expect(await page.getByRole('status').textContent()).toBe('devices.csv 导入完成，共处理 4 行。');
    expect(await counts()).toEqual(['已处理 4', '新增 3', '更新 0', '无变化 0', '被拒绝 1']);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载被拒行报告' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^rejected-rows-[0-9a-f-]{36}\.csv$/);
    expect(readFileSync(await download.path(), 'utf8')).toBe(
      'line,reason\n4,"sn: must be 6 to 32 letters and digits, such as ZH10014510045"\n',
    );
    await screenshot(page, 'admin-device-import-done.zh-CN');
  });

  it('says what is wrong with a file the server refuses', async () => {
    await page.getByLabel('CSV 文件').setInputFiles({
      name: 'wrong.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('serial,model\nZH1,D1\n'),
    });
    await page.getByRole('button', { name: '开始导入' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      '导入失败：表头必须包含 sn、model、shipped_at，可另加 customer_ref、order_ref；缺少：sn, shipped_at；无法识别：serial。',
    );
  });

  it('shows the server’s reasons next to the fields of a new repair point', async () => {
    await page.getByRole('link', { name: '维修点管理' }).click();
    await page.getByTestId('admin-repair-points').waitFor();
    await page.getByRole('button', { name: '登记维修点' }).click();
    await page.getByLabel('编号').fill('Urumqi Repair');
    await page.getByLabel('类型').selectOption({ label: '三方维修服务点' });
    await page.getByLabel('名称').fill('乌鲁木齐矿机维修');
    await page.getByLabel('国家代码').fill('China');
    await page.getByLabel('省份/州').fill('Xinjiang');
    await page.getByLabel('城市').fill('Urumqi');
    await page.getByLabel('联系人').fill('马师傅');
    await page.getByLabel('地址').fill('新疆乌鲁木齐市高新区 5 号');
    await page.getByLabel('电话').fill('+86 991 000 0005');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('请按提示修改标出的字段。').waitFor();
    expect(await page.getByLabel('编号').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('格式不正确：must be 2 to 64 lowercase letters, digits or -').count()).toBe(
      1,
    );
    expect(await page.getByText('格式不正确：must be a two-letter country code such as CN').count()).toBe(1);
    await screenshot(page, 'admin-repair-point-errors.zh-CN');
  });

  it('registers the point, and customers find it', async () => {
    await page.getByLabel('编号').fill('tp-urumqi');
    await page.getByLabel('国家代码').fill('CN');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存维修点“乌鲁木齐矿机维修”。').waitFor();
    await page.getByTestId('admin-repair-points').getByText('tp-urumqi').waitFor();
    await screenshot(page, 'admin-repair-points.zh-CN');

    await page.getByRole('link', { name: '售后维修点查询' }).click();
    const card = page.getByTestId('repair-point').filter({ hasText: '乌鲁木齐矿机维修' });
    await card.waitFor();
    expect(await card.textContent()).toContain('中国 · 新疆 · Urumqi');
  });

  it('deactivates the point, and customers no longer find it', async () => {
    await page.getByRole('link', { name: '维修点管理' }).click();
    await page.getByRole('button', { name: '修改 乌鲁木齐矿机维修' }).click();
    await page.getByLabel('启用', { exact: true }).uncheck();
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存维修点“乌鲁木齐矿机维修”。').waitFor();
    const row = page.getByRole('row').filter({ hasText: 'tp-urumqi' });
    await row.getByText('已停用').waitFor();

    await page.getByRole('link', { name: '售后维修点查询' }).click();
    await page.getByTestId('repair-point').first().waitFor();
    expect(await page.getByText('乌鲁木齐矿机维修').count()).toBe(0);
  });

  it("sets a model's warranty and extends one machine's", async () => {
    await page.getByRole('link', { name: '保修政策' }).click();
    await page.getByRole('button', { name: '修改 VolcMiner D1 Hydro 的保修月数' }).click();
    await page.getByLabel('保修月数', { exact: true }).fill('36');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已将 VolcMiner D1 Hydro 的保修期设为 36个月。').waitFor();
    await page.getByRole('row').filter({ hasText: 'VolcMiner D1 Hydro' }).getByText('36个月').waitFor();

    await page.getByLabel('设备SN码').fill(outOfWarranty!.sn);
    await page.getByLabel('延长月数').fill('24');
    await page.getByLabel('原因', { exact: true }).fill('风扇批次问题免费延保');
    await page.getByRole('button', { name: '延保' }).click();
    const result = page.getByTestId('extension-result');
    await result.waitFor();
    const text = await result.textContent();
    expect(text).toContain(
      `${outOfWarranty!.sn} 新的保修截止日期：${addMonths(outOfWarranty!.shippedOn, 36)}`,
    );
    expect(text).toContain('在保');
    expect(text).toContain('延保 24个月：风扇批次问题免费延保');
    await screenshot(page, 'admin-warranty-policies.zh-CN');
  });

  it('adds a carrier once the server takes its number format, tries numbers on it, and deactivates it', async () => {
    await page.getByRole('link', { name: '物流公司', exact: true }).click();
    await page.getByTestId('admin-carriers').locator('tr[data-code="sf-express"]').waitFor();
    await page.getByRole('button', { name: '添加物流公司' }).click();
    const form = page.getByTestId('carrier-form');
    await form.getByLabel('代码', { exact: true }).fill('kuayue');
    await form.getByLabel('中文名称').fill('跨越速运');
    await form.getByLabel('英文名称').fill('KY Express');
    await form.getByLabel('单号格式', { exact: true }).fill('KY(\\d{12}');
    await form.getByLabel('查询链接').fill('https://www.ky-express.com/track?no={number}');
    await form.getByLabel('试填单号').fill('KY123456789012');
    expect(await form.getByTestId('carrier-trial').textContent()).toBe('单号格式不是有效的正则表达式。');
    await form.getByRole('button', { name: '保存' }).click();
    await form.getByText('must be a valid regular expression').waitFor();
    expect(await form.getByLabel('单号格式', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'admin-carrier-errors.zh-CN');

    await form.getByLabel('单号格式', { exact: true }).fill('KY\\d{12}');
    expect(await form.getByTestId('carrier-trial').textContent()).toBe('符合该格式。');
    await form.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存物流公司“跨越速运”。').waitFor();
    const row = page.getByRole('row').filter({ hasText: 'kuayue' });
    await row.getByText('启用', { exact: true }).waitFor();
    await row.getByRole('button', { name: '停用 跨越速运' }).click();
    await page.getByText('已停用物流公司“跨越速运”。').waitFor();
    await row.getByText('已停用').waitFor();
    await screenshot(page, 'admin-carriers.zh-CN');
    const offered = (await fetch(`${app.url}/api/carriers`).then((r) => r.json())) as { code: string }[];
    expect(offered.map((c) => c.code)).toContain('sf-express');
    expect(offered.map((c) => c.code)).not.toContain('kuayue');
  });

  it('keeps a customer out of the console: no admin menu, and a plain refusal at its URLs', async () => {
    await page.getByRole('button', { name: /演示管理员/ }).click();
    await page.getByRole('menuitem', { name: '退出' }).click();
    await signInAs(page, 'customer@example.com');
    expect(await page.getByRole('link', { name: '维修点管理' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: '设备导入' }).count()).toBe(0);
    await page.goto(`${app.url}/admin/repair-points`);
    await page.getByRole('heading', { name: '无权访问' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toBe(
      '此页面仅对管理员开放。如需使用，请联系管理员。',
    );
    expect(await page.getByTestId('admin-repair-points').count()).toBe(0);
    expect(await page.getByRole('link', { name: '维修点管理' }).count()).toBe(0);
    await screenshot(page, 'admin-no-access-for-customer.zh-CN');
  });
});

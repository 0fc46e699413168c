import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type Browser,
  openBrowser,
  type RunningProduct,
  screenshot,
  startEmbedded,
  waitUntil,
} from '@aftersales/shared-testing';
import type { Page } from 'playwright-core';
import { signInAs } from './embedded-app.js';
import { code128, type FakeCamera, fakeCamera, qrCode } from './fake-camera.js';
import { ProductSteps } from './product-steps.js';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

/** Machines of this run only, in no other order. */
const run = String(Date.now()).slice(-8);
const [first, second] = [0, 1].map((i) => `CM${run}${i}`) as [string, string];

/** Nothing wider than the screen: no sideways scrolling. */
const fitsWidth = (page: Page) =>
  page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');

/**
 * A repair point without a USB scanner: the engineer's phone camera reads the packing slip's QR code and the
 * machines' SN labels, and each read does what the scanner's typed code does.
 */
describe("scanning with the phone's camera at the repair point", () => {
  let app: RunningProduct;
  let camera: FakeCamera;
  let browser: Browser;
  let page: Page;
  let diagnosisCode: string;
  const steps = new ProductSteps(() => app.url);

  beforeAll(async () => {
    app = await startEmbedded();
    await steps.register([first, second]);
    // The customer's consultation, converted by support, and the mail-in form sent to the engineer's point.
    const customer = await steps.tokenOf('customer@example.com');
    const consultation = await steps.api<{ id: string }>('POST', '/api/consultations', customer, {
      sn: first,
    });
    diagnosisCode = await steps.convert(consultation.id);
    await waitUntil('the repair order is open', async () => {
      const read = await fetch(`${app.url}/api/repair-orders/${diagnosisCode}`, {
        headers: { authorization: `Bearer ${customer}` },
      });
      return read.ok;
    });
    await steps.api('POST', `/api/repair-orders/${diagnosisCode}/mail-in`, customer, {
      devices: [first, second].map((sn) => ({ sn, fault: '风扇报警' })),
      repairPointId: 'rp-shenzhen',
      carrier: 'sf-express',
      trackingNumber: 'SF1234567890123',
    });

    camera = fakeCamera(qrCode(diagnosisCode));
    browser = await openBrowser('zh-CN', { args: camera.args });
    page = browser.page;
    await page.context().grantPermissions(['camera'], { origin: app.url });
    await page.goto(app.url);
    await signInAs(page, 'engineer@example.com');
  });

  afterAll(async () => {
    await browser?.close();
    camera?.remove();
    await app?.stop();
  });

  it('opens the order when the camera reads the packing slip’s QR code, on a phone', async () => {
    await page.setViewportSize(PHONE);
    await page.goto(`${app.url}/repair-point`);
    await page.getByRole('heading', { name: '维修点工作台' }).waitFor();
    // The decoder comes from the product itself, not from a CDN.
    const decoder = page.waitForRequest(
      (r) => r.url().startsWith(`${app.url}/assets/`) && r.url().endsWith('.wasm'),
    );
    await page.getByRole('button', { name: '用摄像头扫码' }).click();
    await decoder;
    await page.getByRole('heading', { name: `工单 ${diagnosisCode}` }).waitFor();
    expect(await page.getByTestId('still-expected').textContent()).toBe('还有 2 台待收货');
  });

  it('receives the machine whose SN label the camera reads, with the count still expected', async () => {
    camera.show(await code128(second));
    await page.getByRole('button', { name: '用摄像头扫码' }).click();
    await page.getByTestId('scan-outcome').getByText(`已收货：${second}。还有 1 台待收货。`).waitFor();
    expect(await page.getByTestId('still-expected').textContent()).toBe('还有 1 台待收货');
    await page.getByTestId('camera-status').getByText('将二维码或条码对准摄像头，识别后自动提交。').waitFor();
    await screenshot(page, 'repair-point-camera-scan.phone.zh-CN');
    expect(await fitsWidth(page)).toBe(true);
    // Held in front of the camera all along, the label was one scan: no "scanned before" since.
    expect(await page.getByTestId('scan-outcome').textContent()).toBe(`已收货：${second}。还有 1 台待收货。`);

    await page.setViewportSize(DESKTOP);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Close camera' }).waitFor();
    await screenshot(page, 'repair-point-camera-scan.en');
    await page.getByRole('button', { name: 'Close camera' }).click();
    expect(await page.locator('video').count()).toBe(0);
    await page.getByRole('button', { name: '中文' }).click();
  });

  it('says so when the camera is refused', async () => {
    // The permission granted at the start is taken back: the browser refuses the camera.
    await page.context().clearPermissions();
    await page.getByRole('button', { name: '用摄像头扫码' }).click();
    await page
      .getByRole('alert')
      .getByText('摄像头权限被拒绝。请在浏览器的网站设置中允许使用摄像头，然后重试。')
      .waitFor();
    await screenshot(page, 'repair-point-camera-refused.zh-CN');
  });
});

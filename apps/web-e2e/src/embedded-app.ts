import { openBrowser, type RunningProduct, startEmbedded } from '@aftersales/shared-testing';
import type { Page } from 'playwright-core';

export const DEMO_PASSWORD = 'aftersales-demo';

/** Signs in through the sign-in page, as a person would, and waits for "Start a ticket". */
export async function signInAs(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByRole('heading', { name: '发起工单' }).waitFor();
}

export interface ProductInBrowser {
  app: RunningProduct;
  page: Page;
  close: () => Promise<void>;
}

/** The product as `npm start` runs it and a fresh browser; signed in as `email` when one is given. */
export async function openProductInBrowser(email?: string): Promise<ProductInBrowser> {
  const app = await startEmbedded();
  const browser = await openBrowser();
  if (email) {
    await browser.page.goto(app.url);
    await signInAs(browser.page, email);
  }
  return {
    app,
    page: browser.page,
    close: async () => {
      await browser.close();
      await app.stop();
    },
  };
}

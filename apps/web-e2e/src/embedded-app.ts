import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '@aftersales/shared-testing';
import type { Page } from 'playwright-core';

export const DEMO_PASSWORD = 'aftersales-demo';

/** The product as `npm start` runs it, on a free port and a fresh data folder. */
export async function startProduct() {
  const dataDir = mkdtempSync(join(tmpdir(), 'aftersales-data-'));
  const app = await startApp('embedded', { PORT: '0', DATA_DIR: dataDir });
  return {
    url: app.url!,
    stop: async () => {
      await app.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the sign-in page, as a person would, and waits for "Start a ticket". */
export async function signInAs(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByRole('heading', { name: '发起工单' }).waitFor();
}

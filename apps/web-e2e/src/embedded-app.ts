import type { Page } from 'playwright-core';

export const DEMO_PASSWORD = 'aftersales-demo';

/** Signs in through the sign-in page, as a person would, and waits for "Start a ticket". */
export async function signInAs(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByRole('heading', { name: '发起工单' }).waitFor();
}

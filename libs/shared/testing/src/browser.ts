import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { workspaceRoot } from './processes.js';
import { CHROMIUM_PATH } from './services.js';

export const artefactsDir = join(workspaceRoot, 'test-artefacts');

export interface Browser {
  page: Page;
  close: () => Promise<void>;
}

/**
 * Debian's Chromium, headless, with a fresh profile and no background traffic to the outside; `args` adds
 * switches, such as a fake camera's.
 */
export async function openBrowser(
  locale = 'zh-CN',
  { args = [] }: { args?: string[] } = {},
): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'aftersales-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    locale,
    viewport: { width: 1280, height: 800 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...args,
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Saves a full-page screenshot as a test artefact and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artefactsDir, { recursive: true });
  const path = join(artefactsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

import fs from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM_PATH = process.env.PADU_CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM_PATH);

if (!hasChromium) {
  // Say plainly what is skipped and why; CI installs chromium and runs these tests.
  console.warn(
    `SKIPPED browser tests: no Chromium at ${CHROMIUM_PATH}. Install it with "apt-get install chromium" (or set PADU_CHROMIUM).`,
  );
}

/** Debian's Chromium, headless, with the flags this sandboxed machine needs (no network beyond localhost). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Logs in through the console's login page and waits until the header names the user. */
export async function logIn(
  page: Page,
  baseUrl: string,
  username: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseUrl}/#/masuk`);
  await page.getByLabel(/Nama pengguna/).fill(username);
  await page.getByLabel(/Kata sandi/).fill(password);
  await page.getByRole('button', { name: 'Masuk' }).last().click();
  await expect.poll(() => page.getByText(username).count(), { timeout: 15_000 }).toBeGreaterThan(0);
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * axe-core's serious and critical WCAG 2.1 A/AA violations on the page as it is now. The page's
 * context must bypass CSP (`browser.newContext({ bypassCSP: true })`) for axe-core to be injected.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  // Evaluated in the page, where axe-core defined the global `axe`.
  const results = await page.evaluate<{
    violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
  }>(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })`,
  );
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

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

// Starts Debian's Chromium headless (as root it needs --no-sandbox; the network flags keep it
// from calling home on this closed network) and opens a fresh page at BASE_URL.
import { chromium } from 'playwright-core';

export const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:8090';

export async function openBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** `options` go to the browser context (`{ bypassCSP: true }` lets axe-core's script into a
 * page the server's Content-Security-Policy guards). */
export async function newPage(browser, path = '/', options = {}) {
  const context = await browser.newContext({ locale: 'en-US', ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(BASE + path);
  // The start page is prerendered: its controls are there before the app is.
  await page.waitForFunction(() => window.__cspReady !== undefined);
  return page;
}

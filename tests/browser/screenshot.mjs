// A phone-sized screenshot of a page, to look at while working on the audience page:
//   node tests/browser/screenshot.mjs URL OUT.png [--dark] [--lang en|zh-Hant] [--full] [--type TEXT]
// --lang sets the page's remembered choice before loading; --type fills the question box.
import { chromium } from 'playwright-core';

const [url, out, ...rest] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: node tests/browser/screenshot.mjs URL OUT.png [--dark] [--lang en|zh-Hant] [--full] [--type TEXT]');
  process.exit(2);
}
const value = name => { const i = rest.indexOf(name); return i >= 0 ? rest[i + 1] : undefined; };
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
    locale: 'zh-TW', colorScheme: rest.includes('--dark') ? 'dark' : 'light',
  });
  const lang = value('--lang');
  if (lang) await context.addInitScript(l => localStorage.setItem('pycast-lang', l), lang);
  const page = await context.newPage();
  page.on('pageerror', e => console.error(`page error: ${e.message}`));
  await page.goto(url);
  await page.waitForTimeout(800);
  const text = value('--type');
  if (text) await page.locator('#q-text').fill(text);
  await page.screenshot({ path: out, fullPage: rest.includes('--full') });
} finally {
  await browser.close();
}

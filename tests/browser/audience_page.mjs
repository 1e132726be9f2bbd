// The audience page in a real headless Chromium at phone size: ask in Chinese, wait for approval,
// see it arrive without a reload, vote, see it on air, and show a <script> as text. Exits non-zero
// on any failure.
//
//   AUDIENCE_URL=http://127.0.0.1:P/?pin=123456 CONTROL_URL=http://127.0.0.1:Q CONTROL_TOKEN=T \
//   SCREENSHOT=/tmp/page.png node tests/browser/audience_page.mjs
//
// Optional: SCREENSHOT_EN (a second screenshot after switching to English), CHROMIUM (default
// /usr/bin/chromium). Talks only to 127.0.0.1.
import { chromium } from 'playwright-core';

const env = name => {
  const v = process.env[name];
  if (!v) fail(`set ${name} (see the top of tests/browser/audience_page.mjs)`);
  return v;
};
function fail(message) {
  console.error(`FAIL: audience page: ${message}`);
  process.exit(1);
}

const AUDIENCE_URL = env('AUDIENCE_URL');
const CONTROL_URL = env('CONTROL_URL').replace(/\/$/, '');
const CONTROL_TOKEN = env('CONTROL_TOKEN');
const SCREENSHOT = env('SCREENSHOT');
const origin = new URL(AUDIENCE_URL).origin;
for (const u of [AUDIENCE_URL, CONTROL_URL])
  if (new URL(u).hostname !== '127.0.0.1') fail(`${u} is not on 127.0.0.1: this test talks to this machine only`);

const QUESTION = '請問貴公司如何導入 Python 型別檢查？';
const SCRIPT = '<script>alert(1)</script>';

async function control(method, path) {
  let res;
  try {
    res = await fetch(CONTROL_URL + path, { method, headers: { Authorization: `Bearer ${CONTROL_TOKEN}` } });
  } catch (e) {
    throw new Error(`${method} ${CONTROL_URL}${path} failed: ${e.cause?.message || e.message}`);
  }
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} on the control API gave HTTP ${res.status}: ${text}`);
  try { return JSON.parse(text); } catch { throw new Error(`${method} ${path} did not answer JSON: ${text}`); }
}

// Finds the question with this text anywhere in the moderation view (its shape is the control
// API's); it must be there with an id and, when a state is given, be pending.
function findPending(view, text) {
  const found = [];
  const walk = v => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      if (v.text === text && typeof v.id === 'string') found.push(v);
      Object.values(v).forEach(walk);
    }
  };
  walk(view);
  if (found.length === 0) throw new Error(`"${text}" is not in GET /api/moderation: ${JSON.stringify(view).slice(0, 600)}`);
  const q = found[0];
  if (q.state !== undefined && q.state !== 'pending') throw new Error(`"${text}" is in moderation as ${q.state}, expected pending`);
  return q.id;
}

let step = 'starting';
const log = [];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
}).catch(e => fail(`could not start Chromium: ${e.message}`));

try {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
    locale: 'zh-TW', colorScheme: 'light',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10000);
  const dialogs = [];
  const pageErrors = [];
  const foreign = [];
  page.on('dialog', d => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on('pageerror', e => pageErrors.push(e.message));
  page.on('console', m => { if (m.type() === 'error') log.push(`console: ${m.text()}`); });
  page.on('request', r => { if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) foreign.push(r.url()); });

  step = 'without a PIN the page asks for one, refuses a wrong one, takes the right one';
  const pin = new URL(AUDIENCE_URL).searchParams.get('pin');
  if (!pin) throw new Error(`AUDIENCE_URL ${AUDIENCE_URL} has no ?pin=`);
  const bare = await context.newPage();
  await bare.goto(origin + '/');
  await bare.locator('#pinbox').waitFor();
  if (await bare.locator('#ask').isVisible()) throw new Error('the question form shows before a PIN was given');
  await bare.locator('#pin').fill(pin === '000000' ? '999999' : '000000');
  await bare.locator('#pinform button').tap();
  await bare.locator('#pinnote', { hasText: '不正確' }).waitFor();
  await bare.locator('#pin').fill(pin);
  await bare.locator('#pinform button').tap();
  await bare.waitForFunction(() => document.body.dataset.revision !== undefined);
  if (!(await bare.locator('#ask').isVisible()) || await bare.locator('#pinbox').isVisible()) throw new Error('the right PIN did not open the page');
  if (new URL(bare.url()).searchParams.get('pin') !== pin) throw new Error(`after the PIN the address is ${bare.url()}, expected ?pin= in it`);
  await bare.close();

  step = 'open the page at 390×844';
  const response = await page.goto(AUDIENCE_URL);
  if (!response || response.status() !== 200) throw new Error(`GET ${AUDIENCE_URL} gave ${response?.status()}`);
  await page.waitForFunction(() => document.body.dataset.revision !== undefined);
  const lang = await page.evaluate(() => document.documentElement.lang);
  if (lang !== 'zh-Hant') throw new Error(`<html lang> is "${lang}" for Accept-Language zh-TW, expected "zh-Hant"`);
  const device = await page.evaluate(() => localStorage.getItem('pycast-device'));
  if (!/^[A-Za-z0-9_-]{22,64}$/.test(device || '')) throw new Error(`localStorage pycast-device is "${device}"`);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (width > 390) throw new Error(`the page is ${width} px wide on a 390 px phone (sideways scrolling)`);
  await page.evaluate(() => { window.__sameDocument = true; });
  const untranslated = await page.evaluate(() => {
    const keys = new Set([...Object.keys(S.en), ...Object.keys(S['zh-Hant'])]);
    for (const e of document.querySelectorAll('[data-t]')) keys.add(e.dataset.t);
    for (const e of document.querySelectorAll('[data-ph]')) keys.add(e.dataset.ph);
    // English may leave the API's error codes to the API's own sentences.
    return [...keys].filter(k => !(k in S['zh-Hant']) || (!(k in S.en) && !Object.values(CODES).includes(k)));
  });
  if (untranslated.length) throw new Error(`strings missing in a language: ${untranslated.join(', ')}`);

  step = 'submit a question in Traditional Chinese';
  await page.locator('#q-text').fill(QUESTION);
  // The show's topics, when it has some, are offered; the first one goes with the question.
  let topic = '';
  if (await page.locator('#topic-box').isVisible()) {
    topic = await page.locator('#q-topic option').nth(1).getAttribute('value');
    await page.locator('#q-topic').selectOption(topic);
  }
  const counted = await page.locator('#q-count').textContent();
  if (!counted.startsWith(`${Array.from(QUESTION).length} / 500`)) throw new Error(`the counter says "${counted}"`);
  await page.locator('#send').tap();
  await page.locator('#status.ok').waitFor();
  const said = await page.locator('#status').textContent();
  if (!said.includes('審核')) throw new Error(`after sending, the page says "${said}", expected it to mention approval (審核)`);
  await page.locator('#pending li', { hasText: QUESTION }).waitFor();
  const badge = await page.locator('#pending li', { hasText: QUESTION }).locator('.badge').textContent();
  if (!badge.includes('等待審核')) throw new Error(`the pending question is marked "${badge}"`);
  if (await page.locator('#q-text').inputValue() !== '') throw new Error('the question box was not cleared after sending');

  step = 'find it pending in GET /api/moderation';
  const id = findPending(await control('GET', '/api/moderation'), QUESTION);
  if (await page.locator(`#list li[data-id="${id}"]`).count() !== 0) throw new Error('the page lists the question before it was approved');

  step = 'approve it over the control API and see it arrive without a reload';
  await page.locator('#q-text').fill('草稿：還沒寫完');
  await control('POST', `/api/questions/${encodeURIComponent(id)}/approve`);
  const item = page.locator(`#list li[data-id="${id}"]`);
  await item.waitFor({ timeout: 10000 });
  if ((await item.locator('.text').textContent()) !== QUESTION) throw new Error(`the approved item shows "${await item.locator('.text').textContent()}"`);
  if (!(await page.evaluate(() => window.__sameDocument === true))) throw new Error('the page reloaded');
  if (topic && (await item.locator('.chip').allTextContents()).join() !== topic) throw new Error(`the approved item does not show its topic "${topic}"`);
  await page.locator('#pending li', { hasText: QUESTION }).waitFor({ state: 'detached' });
  if (await page.locator('#q-text').inputValue() !== '草稿：還沒寫完') throw new Error('an update of the list lost what the user was typing');

  step = 'vote for it';
  const vote = item.locator('.vote');
  if ((await vote.getAttribute('aria-pressed')) !== 'false') throw new Error('the vote button shows voted before voting');
  const before = Number(await page.evaluate(() => document.body.dataset.revision));
  await vote.tap();
  await page.waitForFunction(([sel, rev]) => {
    const b = document.querySelector(sel);
    return Number(document.body.dataset.revision) > rev && b && b.getAttribute('aria-pressed') === 'true' && b.querySelector('.votes').textContent === '1';
  }, [`#list li[data-id="${id}"] .vote`, before]);
  await vote.tap(); // a second tap is no second vote
  await page.waitForTimeout(600);
  if ((await vote.locator('.votes').textContent()) !== '1') throw new Error('a second tap changed the vote count');
  const said2 = (await vote.textContent()).replace(/\s+/g, ' ');
  if (!said2.includes('1') || !said2.includes('已投')) throw new Error(`the voted button reads "${said2}", expected the count and 已投`);

  step = 'put it on air: it moves to the top';
  await control('POST', `/api/questions/${encodeURIComponent(id)}/on-air`);
  await page.locator('#onair #onair-text', { hasText: QUESTION }).waitFor();
  await item.waitFor({ state: 'detached' });
  const onAirMeta = await page.locator('#onair-meta').textContent();
  if (!onAirMeta.includes('1 票')) throw new Error(`the question on air reads "${onAirMeta}", expected its 1 vote`);

  step = 'a <script> question shows as text';
  await page.locator('#q-text').fill(SCRIPT);
  await page.locator('#send').tap();
  await page.locator('#pending li', { hasText: SCRIPT }).waitFor();
  const scriptId = findPending(await control('GET', '/api/moderation'), SCRIPT);
  await control('POST', `/api/questions/${encodeURIComponent(scriptId)}/approve`);
  const scriptItem = page.locator(`#list li[data-id="${scriptId}"] .text`);
  await scriptItem.waitFor();
  if ((await scriptItem.textContent()) !== SCRIPT) throw new Error(`the <script> question shows as "${await scriptItem.textContent()}"`);
  const scripts = await page.evaluate(() => document.scripts.length);
  if (scripts !== 1) throw new Error(`the page has ${scripts} <script> elements, expected its own one`);
  await page.waitForTimeout(500);
  if (dialogs.length) throw new Error(`a dialog fired: ${dialogs.join(' | ')}`);

  step = 'screenshot after the approval';
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('#q-text').fill('');
  await page.screenshot({ path: SCREENSHOT });

  step = 'too many questions: the page says when to try again';
  let limited = false;
  for (let i = 1; i <= 40 && !limited; i++) {
    const text = `限流測試 ${i}`;
    await page.locator('#q-text').fill(text);
    await page.locator('#send').tap();
    await Promise.race([
      page.locator('#pending li', { hasText: text }).first().waitFor(),
      page.locator('#status.err').waitFor(),
    ]);
    limited = await page.locator('#status.err').isVisible();
  }
  if (!limited) throw new Error('40 questions in a row from one phone were all accepted (no 429)');
  const wait = await page.locator('#status').textContent();
  if (!/請 \d+ 秒後再試/.test(wait)) throw new Error(`after a 429 the page says "${wait}", expected "請 N 秒後再試"`);
  if (!(await page.locator('#send').isDisabled())) throw new Error('Send is not disabled while the phone has to wait');
  await page.locator('#q-text').fill('');

  step = 'switch to English, keep the choice';
  await page.locator('#lang-en').tap();
  if ((await page.locator('#send').textContent()) !== 'Send') throw new Error('the Send button is not in English after the switch');
  if ((await page.evaluate(() => document.documentElement.lang)) !== 'en') throw new Error('<html lang> did not follow the switch');
  const waitEn = await page.locator('#status').textContent();
  if (!/try again in \d+ s/.test(waitEn)) throw new Error(`after the switch the wait reads "${waitEn}", expected "try again in N s"`);
  if (process.env.SCREENSHOT_EN) await page.screenshot({ path: process.env.SCREENSHOT_EN });
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.revision !== undefined);
  if ((await page.evaluate(() => document.documentElement.lang)) !== 'en') throw new Error('the language choice was not kept over a reload');
  if ((await page.evaluate(() => localStorage.getItem('pycast-device'))) !== device) throw new Error('the device id changed over a reload');
  if ((await page.locator(`#list li[data-id="${scriptId}"] .text`).textContent()) !== SCRIPT) throw new Error('after a reload the list is not there');
  if (!(await page.locator('#onair-meta').textContent()).includes('1 vote')) throw new Error('after a reload the question on air is not in English');

  if (pageErrors.length) throw new Error(`JavaScript errors on the page: ${pageErrors.join(' | ')}`);
  if (foreign.length) throw new Error(`the page loaded something from elsewhere: ${foreign.join(', ')}`);
  await browser.close();
  console.log(`ok: audience page — asked, approved (${id}), arrived without a reload, voted, <script> as text; screenshot ${SCREENSHOT}`);
} catch (e) {
  await browser.close().catch(() => {});
  for (const line of log) console.error(line);
  fail(`${step}: ${e.message.split('\n')[0]}`);
}

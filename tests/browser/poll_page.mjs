// A topic poll in three phone-sized Chromium contexts: the producer opens it over the control
// API, each phone votes (one changes its mind), the counts stay hidden while it is open, the
// producer closes it and every page shows the same final bars without a reload. Exits non-zero
// on any failure.
//
//   AUDIENCE_URL=http://127.0.0.1:P/?pin=123456 CONTROL_URL=http://127.0.0.1:Q CONTROL_TOKEN=T \
//   SCREENSHOT=/tmp/poll.png node tests/browser/poll_page.mjs
//
// Optional: CHROMIUM (default /usr/bin/chromium). Talks only to 127.0.0.1.
import { chromium } from 'playwright-core';

const env = name => {
  const v = process.env[name];
  if (!v) fail(`set ${name} (see the top of tests/browser/poll_page.mjs)`);
  return v;
};
function fail(message) {
  console.error(`FAIL: poll page: ${message}`);
  process.exit(1);
}

const AUDIENCE_URL = env('AUDIENCE_URL');
const CONTROL_URL = env('CONTROL_URL').replace(/\/$/, '');
const CONTROL_TOKEN = env('CONTROL_TOKEN');
const SCREENSHOT = env('SCREENSHOT');
const origin = new URL(AUDIENCE_URL).origin;
for (const u of [AUDIENCE_URL, CONTROL_URL])
  if (new URL(u).hostname !== '127.0.0.1') fail(`${u} is not on 127.0.0.1: this test talks to this machine only`);

const QUESTION = '下次想聽什麼主題？';
const OPTIONS = ['AI', 'Web', 'DevOps', 'Data', '職涯'];

async function control(method, path, body) {
  let res;
  try {
    res = await fetch(CONTROL_URL + path, {
      method,
      headers: { Authorization: `Bearer ${CONTROL_TOKEN}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new Error(`${method} ${CONTROL_URL}${path} failed: ${e.cause?.message || e.message}`);
  }
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} on the control API gave HTTP ${res.status}: ${text}`);
  try { return JSON.parse(text); } catch { throw new Error(`${method} ${path} did not answer JSON: ${text}`); }
}

// What one phone's poll card shows: per option its label, pressed, count text and bar width.
const cardOf = (page, id) => page.evaluate(pollId => {
  const root = document.querySelector(`#polls .poll[data-id="${pollId}"]`);
  if (!root || document.getElementById('polls').hidden) return null;
  return {
    state: root.dataset.state,
    question: root.querySelector('.pq').textContent,
    note: root.querySelector('.note').textContent,
    options: [...root.querySelectorAll('.opt')].map(b => ({
      label: b.querySelector('.lbl').textContent,
      pressed: b.getAttribute('aria-pressed') === 'true',
      disabled: b.disabled,
      n: b.querySelector('.n').textContent,
      width: parseFloat(b.querySelector('.fill').style.width) || 0,
    })),
  };
}, id);

let step = 'starting';
const log = [];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
}).catch(e => fail(`could not start Chromium: ${e.message}`));

try {
  step = 'the producer creates the poll (a draft: no phone sees it)';
  const made = await control('POST', '/api/polls', { question: QUESTION, options: OPTIONS });
  const id = made.id;
  if (typeof id !== 'string' || made.poll?.state !== 'draft') throw new Error(`POST /api/polls answered ${JSON.stringify(made).slice(0, 300)}`);

  step = 'three phones open the page';
  const phones = [];
  const pageErrors = [];
  const foreign = [];
  for (const [i, locale] of ['zh-TW', 'zh-TW', 'en-US'].entries()) {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
      locale, colorScheme: i === 2 ? 'dark' : 'light',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(10000);
    page.on('pageerror', e => pageErrors.push(`phone ${i + 1}: ${e.message}`));
    page.on('console', m => { if (m.type() === 'error') log.push(`phone ${i + 1} console: ${m.text()}`); });
    page.on('request', r => { if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) foreign.push(r.url()); });
    const response = await page.goto(AUDIENCE_URL);
    if (!response || response.status() !== 200) throw new Error(`phone ${i + 1}: GET ${AUDIENCE_URL} gave ${response?.status()}`);
    await page.waitForFunction(() => document.body.dataset.revision !== undefined);
    await page.evaluate(() => { window.__sameDocument = true; });
    phones.push(page);
  }
  for (const page of phones)
    if (await page.locator('#polls').isVisible()) throw new Error('a draft poll shows on the page');

  step = 'the producer opens it: it appears on every phone without a reload, above the questions';
  await control('POST', `/api/polls/${encodeURIComponent(id)}/open`);
  for (const page of phones) {
    await page.locator(`#polls .poll[data-id="${id}"]`).waitFor();
    const card = await cardOf(page, id);
    if (card.question !== QUESTION) throw new Error(`the poll reads "${card.question}"`);
    if (card.options.map(o => o.label).join('|') !== OPTIONS.join('|')) throw new Error(`the options read ${card.options.map(o => o.label).join('|')}`);
    if (card.options.some(o => o.pressed || o.disabled)) throw new Error('an option is chosen or disabled before any vote');
    const above = await page.evaluate(() => {
      const polls = document.getElementById('polls').getBoundingClientRect();
      const ask = document.getElementById('ask').getBoundingClientRect();
      return polls.bottom <= ask.top;
    });
    if (!above) throw new Error('the poll card is not above the question form');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 390) throw new Error(`the page is ${width} px wide on a 390 px phone`);
  }
  const anonymous = await phones[0].locator(`#polls .poll[data-id="${id}"] .note`).textContent();
  if (!anonymous.includes('匿名')) throw new Error(`the Chinese page's note reads "${anonymous}", expected it to say votes are anonymous (匿名)`);
  const anonymousEn = await phones[2].locator(`#polls .poll[data-id="${id}"] .note`).textContent();
  if (!/anonymous/i.test(anonymousEn)) throw new Error(`the English page's note reads "${anonymousEn}"`);

  step = 'each phone votes; the third changes its mind';
  const choose = async (page, label) => {
    await page.locator(`#polls .poll[data-id="${id}"] .opt[data-label="${label}"]`).tap();
    await page.waitForFunction(([pollId, l]) => {
      const b = document.querySelector(`#polls .poll[data-id="${pollId}"] .opt[data-label="${l}"]`);
      return b && b.getAttribute('aria-pressed') === 'true';
    }, [id, label]);
  };
  await choose(phones[0], 'AI');
  await choose(phones[1], 'AI');
  await choose(phones[2], 'Web');
  await choose(phones[2], 'Data');
  // What the server holds is what was asked last, whatever the pages show.
  let counts = null;
  for (let i = 0; i < 50; i++) {
    const list = await control('GET', '/api/polls');
    const p = list.polls.find(x => x.id === id);
    counts = Object.fromEntries(p.options.map(o => [o.label, o.votes]));
    if (p.votes === 3 && counts.Data === 1) break;
    await new Promise(r => setTimeout(r, 100));
  }
  if (JSON.stringify(counts) !== JSON.stringify({ AI: 2, Web: 0, DevOps: 0, Data: 1, '職涯': 0 }))
    throw new Error(`GET /api/polls counts ${JSON.stringify(counts)}, expected AI 2, Data 1 (the change replaced the Web vote)`);

  step = 'while open the counts stay hidden; each phone sees only its own choice';
  await phones[0].waitForTimeout(2800);  // one more 2.5 s update on every page
  for (const [i, want] of ['AI', 'AI', 'Data'].entries()) {
    const card = await cardOf(phones[i], id);
    const pressed = card.options.filter(o => o.pressed).map(o => o.label);
    if (pressed.join() !== want) throw new Error(`phone ${i + 1} shows ${pressed.join() || 'nothing'} chosen, expected ${want}`);
    if (card.options.some(o => /\d/.test(o.n) || o.width > 0)) throw new Error(`phone ${i + 1} shows counts while they are hidden: ${JSON.stringify(card.options)}`);
  }

  step = 'the producer closes it: every page shows the final bars';
  const closed = await control('POST', `/api/polls/${encodeURIComponent(id)}/close`);
  if (closed.poll?.state !== 'closed' || closed.poll.votes !== 3) throw new Error(`closing answered ${JSON.stringify(closed.poll)}`);
  const want = { AI: ['67% · 2', 66.7], Web: ['0% · 0', 0], DevOps: ['0% · 0', 0], Data: ['33% · 1', 33.3], '職涯': ['0% · 0', 0] };
  for (const [i, page] of phones.entries()) {
    await page.waitForFunction(pollId => {
      const root = document.querySelector(`#polls .poll[data-id="${pollId}"]`);
      return root && root.dataset.state === 'closed';
    }, id);
    const card = await cardOf(page, id);
    for (const o of card.options) {
      const [n, width] = want[o.label];
      if (o.n !== n || Math.abs(o.width - width) > 0.1) throw new Error(`phone ${i + 1}: ${o.label} reads "${o.n}" with a ${o.width}% bar, expected "${n}" and ${width}%`);
      if (!o.disabled) throw new Error(`phone ${i + 1}: ${o.label} can still be tapped after the close`);
    }
    const mine = card.options.filter(o => o.pressed).map(o => o.label).join();
    if (mine !== ['AI', 'AI', 'Data'][i]) throw new Error(`phone ${i + 1} marks ${mine} as its choice after the close`);
    if (!/3/.test(card.note)) throw new Error(`phone ${i + 1}'s note reads "${card.note}", expected the 3 votes`);
    if (!(await page.evaluate(() => window.__sameDocument === true))) throw new Error(`phone ${i + 1} reloaded`);
  }
  const final = await cardOf(phones[0], id);
  if (!final.note.includes('最終結果')) throw new Error(`the Chinese page's note reads "${final.note}", expected 最終結果`);

  step = 'a tap on a closed poll changes nothing';
  await phones[1].locator(`#polls .poll[data-id="${id}"] .opt[data-label="Web"]`).tap({ force: true });
  await phones[1].waitForTimeout(500);
  const after = (await control('GET', '/api/polls')).polls.find(x => x.id === id);
  if (after.votes !== 3 || after.options[0].votes !== 2) throw new Error(`a tap after the close changed the counts: ${JSON.stringify(after.options)}`);

  step = 'screenshot';
  await phones[0].evaluate(() => window.scrollTo(0, 0));
  await phones[0].screenshot({ path: SCREENSHOT });

  if (pageErrors.length) throw new Error(`JavaScript errors on the page: ${pageErrors.join(' | ')}`);
  if (foreign.length) throw new Error(`the page loaded something from elsewhere: ${foreign.join(', ')}`);
  await browser.close();
  console.log(`ok: poll ${id} on three phones — opened, voted, one changed its vote, hidden until closed, final bars everywhere; screenshot ${SCREENSHOT}`);
} catch (e) {
  await browser.close().catch(() => {});
  for (const line of log) console.error(line);
  fail(`${step}: ${e.message.split('\n')[0]}`);
}

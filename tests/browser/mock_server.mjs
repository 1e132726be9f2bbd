// A stand-in for `pycast live --audience`, in memory, following the audience API contract: the
// audience page and API on one port, a few control-API routes (Bearer token) on another. For
// quick work on the page and for running audience_page.mjs without the C++ build:
//
//   node tests/browser/mock_server.mjs [--pin 123456] [--token T] [--demo] [--port N] [--control-port N]
//
// It prints "audience page on http://127.0.0.1:PORT/?pin=PIN" and "control API on http://127.0.0.1:PORT".
// Listens on 127.0.0.1 only. The real rules live in src/server/audience_api.cpp; this follows them
// closely enough to exercise every state of the page, not to test the server.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const pagePath = join(here, '..', '..', 'src', 'server', 'audience_page', 'index.html');

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const PIN = opt('--pin', '123456');
const TOKEN = opt('--token', 'mock-token');
const TITLE = opt('--title', 'PyCast EP12 — Python 在企業的十年');
const TOPICS = ['職涯 Career', '技術 Tech', '徵才 Hiring', '公司文化 Culture'];

let nextId = 1;
let revision = 1;
let answered = 0;
const questions = new Map(); // id -> {id, text, name, topics, for, votes, voters:Set, state, at}
const hits = new Map(); // rate-limit key -> [times]
// Polls: id -> {id, question, options: [labels], state: draft|open|closed, live, ballots: Map device -> label, closedAt}
const polls = new Map();
let pollsRevision = 1;
function addPoll(question, options, extra = {}) {
  const p = { id: 'poll' + (polls.size + 1), question, options, state: 'draft', live: false, ballots: new Map(), closedAt: 0, ...extra };
  polls.set(p.id, p);
  return p;
}
function publicPoll(p, device) {
  const shown = p.state === 'closed' || p.live;
  const count = label => [...p.ballots.values()].filter(v => v === label).length;
  return {
    id: p.id, question: p.question, state: p.state,
    options: p.options.map(label => ({ label, votes: shown ? count(label) : null })),
    votes: shown ? p.ballots.size : null,
    voted: (device && p.ballots.get(device)) || null,
  };
}
// Open polls in creation order, then closed ones, the latest closed first; never a draft.
const roomPolls = device => [...polls.values()].filter(p => p.state === 'open')
  .concat([...polls.values()].filter(p => p.state === 'closed').sort((a, b) => b.closedAt - a.closedAt))
  .map(p => publicPoll(p, device));
const producerPoll = p => ({ id: p.id, question: p.question, state: p.state, live_results: p.live, from_show: false,
  options: p.options.map(label => ({ label, votes: [...p.ballots.values()].filter(v => v === label).length })), votes: p.ballots.size });

function add(text, extra = {}) {
  const q = { id: 'q' + nextId++, text, name: '', topics: [], for: '', votes: 0, voters: new Set(), state: 'pending', at: Date.now(), ...extra };
  questions.set(q.id, q);
  return q;
}
if (args.includes('--demo')) {
  add('Python 的型別提示在大型專案裡真的有幫助嗎？還是只是多寫字？', { name: 'Amy', topics: ['技術 Tech'], for: '陳冠宇', votes: 12, state: 'on-air' });
  add('How do you onboard engineers who have never written Python before?', { name: 'Ken', topics: ['職涯 Career'], votes: 7, state: 'approved' });
  add('貴公司今年還有開職缺嗎？實習生也可以嗎？', { topics: ['徵才 Hiring'], votes: 4, state: 'approved' });
  add('遠端工作和進辦公室的比例是怎麼決定的？', { name: '小林', topics: ['公司文化 Culture'], votes: 1, state: 'approved' });
  answered = 3;
  const p = addPoll('下次想聽什麼主題？', ['AI', 'Web', 'DevOps', 'Data', '職涯'], { state: 'open', live: true });
  ['AI', 'AI', 'Data', 'Web', 'AI', '職涯', 'Data'].forEach((v, i) => p.ballots.set('demo-device-' + i, v));
}

const publicView = (q, device) => ({ id: q.id, text: q.text, name: q.name, topics: q.topics, for: q.for, votes: q.votes, voted: device ? q.voters.has(device) : false });

function send(res, status, body, headers = {}) {
  const data = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(data);
}
const fail = (res, status, code, error, headers) => send(res, status, { error, code }, headers);

function readBody(req, limit) {
  return new Promise(resolve => {
    const chunks = [];
    let size = 0;
    let over = false;
    req.on('data', c => { size += c.length; if (size > limit) over = true; else chunks.push(c); });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks)));
  });
}

function parseJson(res, buf) {
  if (buf === null) { fail(res, 413, 'too-large', 'The request is over 8 KB: send a shorter question.'); return null; }
  let text;
  try { text = new TextDecoder('utf-8', { fatal: true }).decode(buf); } catch { fail(res, 400, 'bad-utf8', 'The request is not valid UTF-8.'); return null; }
  let body;
  try { body = JSON.parse(text); } catch { fail(res, 400, 'bad-json', 'The request is not valid JSON: send a JSON object.'); return null; }
  if (!body || typeof body !== 'object' || Array.isArray(body)) { fail(res, 400, 'bad-json', 'The request must be a JSON object.'); return null; }
  return body;
}

// 5 questions a minute per device is the mock's limit: low, so the page's 429 can be tried by hand.
function limited(res, key, max, windowMs) {
  const now = Date.now();
  const list = (hits.get(key) || []).filter(t => now - t < windowMs);
  if (list.length >= max) {
    const retry = Math.ceil((list[0] + windowMs - now) / 1000);
    fail(res, 429, 'rate-limited', `Too many questions from this device: try again in ${retry} s.`, { 'Retry-After': String(retry) });
    return true;
  }
  list.push(now);
  hits.set(key, list);
  return false;
}

const strip = (s, keepNewline) => s.replace(keepNewline ? /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g : /[\u0000-\u001f\u007f-\u009f]/g, '').trim();
const validDevice = d => typeof d === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(d);

function pickLanguage(header) {
  const ranges = String(header || '').split(',').map(part => {
    const [range, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map(p => p.trim()).find(p => p.startsWith('q='));
    return { range, q: q ? Number(q.slice(2)) : 1 };
  }).filter(r => r.range && r.q > 0).sort((a, b) => b.q - a.q);
  for (const { range } of ranges) {
    if (range === '*' || range === 'en' || range.startsWith('en-')) return 'en';
    if (range === 'zh' || /^zh-(hant|tw|hk|mo)(-|$)/.test(range)) return 'zh-Hant';
  }
  return 'en';
}

const audience = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  const path = url.pathname;
  if (req.method === 'GET' && path === '/') {
    const html = readFileSync(pagePath, 'utf8').replaceAll('{{LANG}}', pickLanguage(req.headers['accept-language']));
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    return res.end(html);
  }
  if (path === '/favicon.ico') { res.writeHead(204); return res.end(); }
  if (!path.startsWith('/api/')) return fail(res, 404, 'not-found', 'There is no such page: open the link from the QR code.');

  if (req.method === 'GET' && path === '/api/questions') {
    if (url.searchParams.get('pin') !== PIN) return fail(res, 403, 'wrong-pin', 'The PIN is wrong: ask the host\u2019s team for the PIN.');
    const device = url.searchParams.get('device') || '';
    const all = [...questions.values()];
    const onAir = all.find(q => q.state === 'on-air');
    const approved = all.filter(q => q.state === 'approved').sort((a, b) => b.votes - a.votes || a.at - b.at);
    return send(res, 200, {
      title: TITLE, accepting: true, topics: TOPICS,
      on_air: onAir ? publicView(onAir, device) : null,
      questions: approved.map(q => publicView(q, device)),
      answered, revision, polls: roomPolls(device), polls_revision: pollsRevision,
    });
  }
  if (req.method === 'GET' && path === '/api/polls') {
    if (url.searchParams.get('pin') !== PIN) return fail(res, 403, 'wrong-pin', 'The PIN is wrong: ask the host\u2019s team for the PIN.');
    return send(res, 200, { polls: roomPolls(url.searchParams.get('device') || ''), revision: pollsRevision });
  }
  if (req.method !== 'POST') return fail(res, 405, 'method-not-allowed', 'Use POST for this address.');
  const body = parseJson(res, await readBody(req, 8192));
  if (!body) return;
  if (body.pin !== PIN) return fail(res, 403, 'wrong-pin', 'The PIN is wrong: ask the host\u2019s team for the PIN.');
  if (body.device !== undefined && !validDevice(body.device)) return fail(res, 400, 'bad-device', 'The device id must be 8 to 64 letters, digits, - or _.');

  if (path === '/api/questions') {
    const text = strip(String(body.text ?? ''), true);
    const name = strip(String(body.name ?? ''), false);
    if (!text) return fail(res, 400, 'empty-question', 'The question is empty: write a question.');
    if ([...text].length > 500) return fail(res, 400, 'question-too-long', 'The question is over 500 characters: shorten it.');
    if ([...name].length > 60) return fail(res, 400, 'name-too-long', 'The name is over 60 characters: shorten it.');
    if (body.topic !== undefined && body.topic !== '' && !TOPICS.includes(body.topic)) return fail(res, 400, 'unknown-topic', 'That topic is not one of the show\u2019s topics: pick another.');
    if (limited(res, 'd:' + (body.device || req.socket.remoteAddress), 5, 60000)) return;
    const q = add(text, { name, topics: body.topic ? [body.topic] : [] });
    return send(res, 201, { id: q.id, state: 'pending' });
  }
  const m = path.match(/^\/api\/questions\/([^/]+)\/vote$/);
  if (m) {
    if (!validDevice(body.device)) return fail(res, 400, 'bad-device', 'The device id must be 8 to 64 letters, digits, - or _.');
    const q = questions.get(decodeURIComponent(m[1]));
    if (!q || (q.state !== 'approved' && q.state !== 'on-air')) return fail(res, 404, 'no-such-question', 'That question is not on the list any more.');
    if (q.voters.has(body.device)) return fail(res, 409, 'already-voted', 'You voted for this question already.');
    q.voters.add(body.device);
    q.votes++;
    revision++;
    return send(res, 200, { id: q.id, votes: q.votes });
  }
  const pv = path.match(/^\/api\/polls\/([^/]+)\/vote$/);
  if (pv) {
    if (!validDevice(body.device)) return fail(res, 400, 'bad-device', 'The device id must be 8 to 64 letters, digits, - or _.');
    const p = polls.get(decodeURIComponent(pv[1]));
    if (!p || p.state === 'draft') return fail(res, 404, 'no-such-poll', 'There is no such poll to vote in.');
    if (p.state === 'closed') return fail(res, 409, 'poll-closed', 'The poll has closed; votes are final.');
    const label = p.options.find(o => o.toLowerCase() === String(body.option ?? '').trim().toLowerCase());
    if (!label) return fail(res, 400, 'unknown-option', `That is not an option; choose one of: ${p.options.join(', ')}.`);
    if (p.ballots.get(body.device) !== label) { p.ballots.set(body.device, label); pollsRevision++; }
    return send(res, 200, publicPoll(p, body.device));
  }
  return fail(res, 404, 'not-found', 'There is no such API address.');
});

const control = createServer(async (req, res) => {
  if (req.headers.authorization !== 'Bearer ' + TOKEN) return fail(res, 401, 'unauthorized', 'Send "Authorization: Bearer TOKEN".');
  const path = new URL(req.url, 'http://127.0.0.1').pathname;
  if (req.method === 'GET' && path === '/api/moderation') {
    // The shape of docs/control-api.md, trimmed to what the page's test reads.
    const all = [...questions.values()].map(q => ({ id: q.id, text: q.text, name: q.name, source: 'web', state: q.state, votes: q.votes, topics: q.topics, for: q.for }));
    const counts = {};
    for (const q of all) counts[q.state.replace('-', '_')] = (counts[q.state.replace('-', '_')] || 0) + 1;
    return send(res, 200, { counts, topics: TOPICS, questions: all });
  }
  if (req.method === 'GET' && path === '/api/polls') return send(res, 200, { polls: [...polls.values()].map(producerPoll) });
  if (req.method === 'POST' && path === '/api/polls') {
    const body = parseJson(res, await readBody(req, 65536));
    if (!body) return;
    if (typeof body.question !== 'string' || !Array.isArray(body.options) || body.options.length < 2 || body.options.length > 8)
      return fail(res, 400, 'bad-poll', 'A poll needs a question and 2 to 8 options.');
    const p = addPoll(body.question, body.options.map(String), { live: body.live_results === true });
    return send(res, 201, { id: p.id, poll: producerPoll(p) });
  }
  const pc = path.match(/^\/api\/polls\/([^/]+)\/(open|close|live-results)$/);
  if (req.method === 'POST' && pc) {
    const body = await readBody(req, 65536);
    const p = polls.get(decodeURIComponent(pc[1]));
    if (!p) return fail(res, 404, 'no-such-poll', 'No poll has that id.');
    if (pc[2] === 'open') { if (p.state === 'open') return fail(res, 409, 'wrong-state', 'The poll is open already.'); p.state = 'open'; }
    if (pc[2] === 'close') { if (p.state !== 'open') return fail(res, 409, 'wrong-state', 'Only an open poll closes.'); p.state = 'closed'; p.closedAt = Date.now(); }
    if (pc[2] === 'live-results') { try { p.live = JSON.parse(String(body)).live === true; } catch { return fail(res, 400, 'bad-json', 'Send {"live": true}.'); } }
    pollsRevision++;
    return send(res, 200, { poll: producerPoll(p) });
  }
  const m = path.match(/^\/api\/questions\/([^/]+)\/(approve|dismiss|on-air|answered)$/);
  if (req.method === 'POST' && m) {
    await readBody(req, 65536);
    const q = questions.get(decodeURIComponent(m[1]));
    if (!q) return fail(res, 404, 'no-such-question', 'No question has that id.');
    if (m[2] === 'on-air') for (const o of questions.values()) if (o.state === 'on-air') o.state = 'approved';
    if (m[2] === 'answered') answered++;
    q.state = { approve: 'approved', dismiss: 'dismissed', 'on-air': 'on-air', answered: 'answered' }[m[2]];
    revision++;
    return send(res, 200, { question: { id: q.id, text: q.text, state: q.state, votes: q.votes } });
  }
  return fail(res, 404, 'not-found', 'There is no such API address.');
});

audience.listen(Number(opt('--port', 0)), '127.0.0.1', () => {
  control.listen(Number(opt('--control-port', 0)), '127.0.0.1', () => {
    console.log(`audience page on http://127.0.0.1:${audience.address().port}/?pin=${PIN}`);
    console.log(`control API on http://127.0.0.1:${control.address().port} (token ${TOKEN})`);
  });
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { audience.close(); control.close(); process.exit(0); });

// Several feeds in one widget: a JSON Feed, WordPress posts and an RSS feed on another origin,
// merged newest first; one failing beside the others; chips by source; load more across feeds;
// the reader naming the source; more than 12 feeds cut with a warning.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { startServer, launchBrowser, openPage, waitForState, inShadow } from './harness.mjs';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server;
let browser;
let rssUp = false;
let other; // the RSS feed's origin: localhost instead of 127.0.0.1, so another site and host

const day = (d) => `2026-11-${String(d).padStart(2, '0')}`;

function jsonFeed(items, next) {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Dinas Kesehatan',
    items: items.map(([id, d]) => ({
      id, url: `${server.url}/dinkes/${id}`, title: `Dinkes ${id}`, content_text: `Isi ${id}.`,
      date_published: `${day(d)}T08:00:00+07:00`,
    })),
    ...(next ? { next_url: next } : {}),
  });
}

function wordpressPosts(items) {
  // Numeric ids, as WordPress has them: they must not clash with another feed's.
  return JSON.stringify(items.map(([id, d]) => ({
    id, date: `${day(d)}T09:00:00`, date_gmt: `${day(d)}T02:00:00`, link: `${server.url}/?p=${id}`,
    title: { rendered: `Bappeda ${id}` }, content: { rendered: `<p>Isi ${id}.</p>`, protected: false },
    excerpt: { rendered: '', protected: false },
  })));
}

const rss = () => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Kecamatan Sukamaju</title><link>${other}/</link>
<item><title>Kecamatan r1</title><link>${other}/r1</link><guid>r1</guid><pubDate>Fri, 27 Nov 2026 01:00:00 GMT</pubDate><description>Isi r1.</description></item>
<item><title>Kecamatan r2</title><link>${other}/r2</link><guid>r2</guid><pubDate>Mon, 23 Nov 2026 01:00:00 GMT</pubDate><description>Isi r2.</description></item>
</channel></rss>`;

before(async () => {
  server = await startServer();
  other = server.url.replace('127.0.0.1', 'localhost');
  browser = await launchBrowser();
  const send = (res, type, body, headers = {}) =>
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...headers }).end(body);
  server.route('/m/feed.json', (req, res) => send(res, 'application/feed+json', jsonFeed([['j1', 28], ['j2', 24]], '/m/feed-2.json')));
  server.route('/m/feed-2.json', (req, res) => send(res, 'application/feed+json', jsonFeed([['j3', 21], ['j4', 19]])));
  server.route('/m/wp', (req, res, url) => {
    const page = url.searchParams.get('page') || '1';
    const posts = page === '1' ? [[1, 26], [2, 22]] : [[3, 20], [4, 18]];
    send(res, 'application/json', wordpressPosts(posts), { 'x-wp-totalpages': '2', 'access-control-expose-headers': 'X-WP-TotalPages' });
  });
  server.route('/m/rss', (req, res) => {
    const cors = { 'access-control-allow-origin': '*' };
    if (!rssUp) {
      res.writeHead(500, { 'content-type': 'text/html', ...cors }).end('<h1>500</h1>');
      return;
    }
    send(res, 'application/rss+xml', rss(), cors);
  });
  server.route('/m/one.json', (req, res) => send(res, 'application/feed+json', jsonFeed([['one', 1]])));
});
after(async () => { await browser?.close(); await server?.close(); });

const feeds = () => `/m/feed.json /m/wp ${other}/m/rss`;
const cards = (page) => inShadow(page, '#w', (root) =>
  [...root.querySelectorAll('article .card-title')].map((t) => t.textContent.trim()));

test('three feeds, one failing: the others show, a note names it, retry brings it in', async () => {
  rssUp = false;
  const { page, consoleMessages, pageErrors } = await openPage(browser, server.page(
    `<kabar-news id="w" feed="${feeds()}" limit="12" show="date,source" cache="0"></kabar-news>`));
  await waitForState(page, '#w', 'ready');
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelector('[part~="source-error"]')
    && document.querySelector('#w').shadowRoot.querySelectorAll('article').length === 4);
  // Newest first across the two feeds that answered; WordPress's ids did not clash.
  assert.deepEqual(await cards(page), ['Dinkes j1', 'Bappeda 1', 'Dinkes j2', 'Bappeda 2']);
  const note = await inShadow(page, '#w', (root) => root.querySelector('[part~="source-error"]').textContent);
  assert.match(note, /^Tidak dapat dimuat: localhost:\d+ Coba lagi$/);
  // With several feeds a card names its feed: the title, else the site's host.
  const sources = await inShadow(page, '#w', (root) =>
    [...root.querySelectorAll('.card-source')].map((s) => s.textContent));
  assert.deepEqual(sources.slice(0, 2), ['Dinas Kesehatan', '127.0.0.1:' + new URL(server.url).port]);
  assert.equal(await page.locator('#w').getAttribute('data-state'), 'ready');
  // The note and its button pass the same WCAG rules as the rest of the widget.
  await page.evaluate(axeSource);
  const axe = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } }));
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`), []);
  // The webmaster's console names the failed feed.
  assert.ok(consoleMessages.some((m) => m.type === 'warning' && m.text.includes(`${other}/m/rss`) && /HTTP 500/.test(m.text)),
    JSON.stringify(consoleMessages));

  rssUp = true;
  await page.locator('#w [part~="source-error"] button').click();
  await page.waitForFunction(() => !document.querySelector('#w').shadowRoot.querySelector('[part~="source-error"]'));
  assert.deepEqual(await cards(page),
    ['Dinkes j1', 'Kecamatan r1', 'Bappeda 1', 'Dinkes j2', 'Kecamatan r2', 'Bappeda 2']);
  const articles = await page.evaluate(() => document.querySelector('#w').articles.map((a) => a.source));
  assert.deepEqual(articles[1], { feed: `${other}/m/rss`, name: 'Kecamatan Sukamaju' });
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('every feed failing is the error state', async () => {
  const { page } = await openPage(browser, server.page(
    '<kabar-news id="w" feed="/m/missing-1.json /m/missing-2.json" cache="0"></kabar-news>'));
  await waitForState(page, '#w', 'error');
  assert.equal(await inShadow(page, '#w', (root) => !!root.querySelector('.error button')), true);
  await page.close();
});

test('chips by source filter the merged list', async () => {
  rssUp = true;
  const { page } = await openPage(browser, server.page(
    `<kabar-news id="w" feed="${feeds()}" limit="12" chips="source" cache="0"></kabar-news>`));
  await waitForState(page, '#w', 'ready');
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelectorAll('.chip').length === 4);
  const chips = await inShadow(page, '#w', (root) => ({
    names: [...root.querySelectorAll('.chip')].map((c) => c.textContent.trim()),
    label: root.querySelector('.chips').getAttribute('aria-label'),
  }));
  assert.deepEqual(chips, {
    names: ['Semua', 'Dinas Kesehatan', '127.0.0.1:' + new URL(server.url).port, 'Kecamatan Sukamaju'],
    label: 'Sumber',
  });
  await page.locator('#w .chip', { hasText: 'Kecamatan Sukamaju' }).click();
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelectorAll('article').length === 2);
  assert.deepEqual(await cards(page), ['Kecamatan r1', 'Kecamatan r2']);
  await page.close();
});

test('load more continues every feed that has more, in the merged order', async () => {
  rssUp = true;
  const { page } = await openPage(browser, server.page(
    `<kabar-news id="w" feed="${feeds()}" limit="6" cache="0"></kabar-news>`));
  await waitForState(page, '#w', 'ready');
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelectorAll('article').length === 6);
  const asked = (path, query = '') => server.log.filter((e) => e.path === path && e.query.startsWith(query)).length;
  assert.equal(asked('/m/feed-2.json'), 0);
  await page.locator('#w .more-button').click();
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelectorAll('article').length === 10);
  assert.equal(asked('/m/feed-2.json'), 1);
  assert.equal(asked('/m/wp', '?page=2'), 1);
  assert.deepEqual(await cards(page), [
    'Dinkes j1', 'Kecamatan r1', 'Bappeda 1', 'Dinkes j2', 'Kecamatan r2', 'Bappeda 2',
    'Dinkes j3', 'Bappeda 3', 'Dinkes j4', 'Bappeda 4',
  ]);
  // Nothing further: no feed has a next page.
  assert.equal(await inShadow(page, '#w', (root) => !!root.querySelector('.more-button')), false);
  await page.close();
});

test('the reader and kabar:open name the source', async () => {
  rssUp = true;
  const { page } = await openPage(browser, server.page(
    `<kabar-news id="w" feed="${feeds()}" limit="12" cache="0"></kabar-news>`));
  await waitForState(page, '#w', 'ready');
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelectorAll('article').length === 6);
  await page.locator('#w article', { hasText: 'Kecamatan r1' }).locator('.card-open').click();
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelector('dialog[open]'));
  const name = await inShadow(page, '#w', (root) => root.querySelector('dialog .reader-source-name')?.textContent);
  assert.equal(name, 'Kecamatan Sukamaju');
  const [open] = await page.evaluate(() => window.__kabarEvents.filter((e) => e.name === 'kabar:open'));
  assert.deepEqual(open.detail.source, { feed: `${other}/m/rss`, name: 'Kecamatan Sukamaju' });
  await page.close();
});

test('with one feed, show=source keeps the link host and no note appears', async () => {
  const { page } = await openPage(browser, server.page(
    '<kabar-news id="w" feed="/m/one.json" show="source" cache="0"></kabar-news>'));
  await waitForState(page, '#w', 'ready');
  const source = await inShadow(page, '#w', (root) => root.querySelector('.card-source').textContent);
  assert.equal(source, '127.0.0.1:' + new URL(server.url).port);
  assert.equal(await inShadow(page, '#w', (root) => root.querySelector('.reader-source-name, [part~="source-error"]')), null);
  await page.close();
});

test('more than 12 feeds: a warning names the count and the first 12 are read', async () => {
  const urls = Array.from({ length: 14 }, (_, i) => `/m/one.json?n=${i + 1}`);
  const { page, consoleMessages } = await openPage(browser, server.page(
    `<kabar-news id="w" feed="${urls.join(' ')}" cache="0"></kabar-news>`));
  await waitForState(page, '#w', 'ready');
  assert.ok(consoleMessages.some((m) => m.type === 'warning' && /lists 14 feeds; only the first 12 are read/.test(m.text)),
    JSON.stringify(consoleMessages));
  const asked = server.log.filter((e) => e.path === '/m/one.json').map((e) => e.query);
  assert.ok(asked.includes('?n=12') && !asked.includes('?n=13') && !asked.includes('?n=14'), asked.join(' '));
  // The same article in every feed shows once.
  assert.equal(await inShadow(page, '#w', (root) => root.querySelectorAll('article').length), 1);
  await page.close();
});

test('Kabar.mount takes an array of feeds', async () => {
  const { page } = await openPage(browser, server.page('<div id="w"></div>'));
  await page.evaluate(() => window.Kabar.mount(document.querySelector('#w'), { feed: ['/m/one.json', '/m/feed.json'], cache: 0 }));
  await waitForState(page, '#w', 'ready');
  assert.equal(await page.locator('#w').getAttribute('data-feed'), '/m/one.json /m/feed.json');
  assert.equal(await inShadow(page, '#w', (root) => root.querySelectorAll('article').length), 3);
  await page.close();
});

test('a repeat visit shows every feed from its saved copy without asking the network', async () => {
  rssUp = true;
  const url = server.page(`<kabar-news id="w" feed="${feeds()}" limit="12"></kabar-news>`);
  const first = await openPage(browser, url);
  await waitForState(first.page, '#w', 'ready');
  await first.page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelectorAll('article').length === 6);
  // Copies are saved just after the cards are drawn.
  await first.page.waitForFunction((n) => Object.keys(localStorage).filter((k) => k.startsWith('kabar:')).length === n, 3);
  await first.page.close();
  const asked = () => server.log.filter((e) => e.path.startsWith('/m/')).length;
  const before = asked();
  const { page } = await openPage(browser, url);
  await waitForState(page, '#w', 'ready');
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelectorAll('article').length === 6);
  assert.equal(asked(), before, 'fresh copies: no request');
  assert.deepEqual(await cards(page),
    ['Dinkes j1', 'Kecamatan r1', 'Bappeda 1', 'Dinkes j2', 'Kecamatan r2', 'Bappeda 2']);
  await page.close();
});

test('a repeat visit reads each saved copy once, each in a task of its own', async () => {
  // Twelve copies read in one go blocked the page for over 50 ms (cargo xtask bench, "Several
  // feeds"): the loader only checks that a copy exists, and the widget reads one copy per task.
  rssUp = true;
  const url = server.page(`<kabar-news id="w" feed="${feeds()}" limit="12"></kabar-news>`);
  const first = await openPage(browser, url);
  await waitForState(first.page, '#w', 'ready');
  await first.page.waitForFunction((n) => Object.keys(localStorage).filter((k) => k.startsWith('kabar:')).length === n, 3);
  await first.page.close();
  const page = await browser.context.newPage();
  await page.addInitScript(() => {
    // Each read of a saved copy, numbered by the uninterrupted run of script it happened in: a
    // run ends when the stack empties (the microtask below), so reads in one loop share a number.
    window.__copyReads = [];
    let run = 0;
    let inRun = false;
    const getItem = Storage.prototype.getItem;
    Storage.prototype.getItem = function (key) {
      if (String(key).startsWith('kabar:')) {
        if (!inRun) {
          inRun = true;
          run += 1;
          queueMicrotask(() => { inRun = false; });
        }
        window.__copyReads.push({ run, key: String(key).replace(/^.*\//, '') });
      }
      return getItem.call(this, key);
    };
  });
  await page.goto(url);
  await waitForState(page, '#w', 'ready');
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelectorAll('article').length === 6);
  const reads = await page.evaluate(() => window.__copyReads);
  assert.equal(reads.length, 3, `one read per saved copy: ${JSON.stringify(reads)}`);
  assert.equal(new Set(reads.map((r) => r.run)).size, 3, `each in a run of its own: ${JSON.stringify(reads)}`);
  await page.close();
});

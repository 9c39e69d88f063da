// The configurator (www/configurator.html, issue 14 §4): its pre-flight check runs the widget
// itself on the feed and reports in plain language; network problems (no CORS, 404, an HTML
// page) are classified with a fix; options come from dist/contract.json; the snippet it writes
// renders the same widget on a fresh page, its CSP line lets it render, and its address holds
// the whole configuration.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { startServer, launchBrowser, openPage, waitForState, inShadow } from './harness.mjs';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server;
let other; // a second loopback origin that sends no CORS header
let browser;
before(async () => {
  server = await startServer();
  other = await startServer();
  browser = await launchBrowser();
  // A WordPress site's REST URL, answered from a fixture.
  server.route('/wp-json/wp/v2/posts', (req, res) => res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' })
    .end(server.fixture('wordpress-embed.json')));
  server.route('/wp-off/wp-json/wp/v2/posts', (req, res) => res.writeHead(404, { 'content-type': 'application/json' })
    .end(server.fixture('wp-rest-no-route.json')));
});
after(async () => {
  await browser?.close();
  await server?.close();
  await other?.close();
});

/** Opens the configurator (Indonesian or English) with a query, waits until its options are built. */
async function openConfigurator(query = '', file = 'configurator.html') {
  const opened = await openPage(browser, `${server.url}/${file}${query}`);
  await opened.page.waitForFunction(() => document.documentElement.getAttribute('data-configurator') === 'ready');
  return opened;
}

/** Types an address, presses Check and waits until the report is no longer "checking". */
async function checkFeed(page, address) {
  await page.fill('#kc-feed', address);
  await page.click('#kc-check');
  await page.waitForFunction(() => {
    const text = document.getElementById('kc-report').textContent;
    return text && !/Memeriksa…|Checking…|Mencari feed|Looking for feeds/.test(text);
  }, null, { timeout: 15000 });
  return page.textContent('#kc-report');
}

test('a same-origin JSON Feed: the widget reads it, the report names the format, count and titles', async () => {
  const { page, pageErrors } = await openConfigurator();
  const report = await checkFeed(page, '/feeds/berita.json');
  const feed = JSON.parse(fs.readFileSync(new URL('../../www/feeds/berita.json', import.meta.url)));
  assert.match(report, /Status HTTP: 200/);
  assert.match(report, /Format: JSON Feed/);
  assert.match(report, /Widget dapat membaca feed ini/);
  // The count is the widget's own (element.articles), so it equals the feed's items.
  assert.match(report, new RegExp(`Artikel: ${feed.items.length}(?!\\d)`));
  assert.ok(report.includes(feed.items[0].title.trim()), report);
  // This test page is http, so the demo's images (relative URLs) are http too: mixed content on https.
  assert.match(report, /Gambar lewat http \(.*konten campuran\): \d+/);
  // The preview is the real widget, rendered.
  await waitForState(page, '#kc-widget', 'ready');
  // A path relative to the page is a path, not a site address.
  assert.match(await checkFeed(page, 'feeds/berita.json'), /Widget dapat membaca feed ini/);
  assert.equal(await page.inputValue('#kc-feed'), 'feeds/berita.json');
  assert.deepEqual(pageErrors, []);
});

test('skipped items: the report quotes the widget\'s own first warning', async () => {
  const { page, consoleMessages } = await openConfigurator();
  const report = await checkFeed(page, '/fixtures/partial.json');
  const warnings = consoleMessages.filter((m) => m.type === 'warning' && m.text.startsWith('Kabar'));
  assert.ok(warnings.length > 0);
  assert.match(report, /Peringatan widget \(\d+\): Kabar/);
  assert.ok(report.includes(warnings[0].text), report);
  // One widget ran the check: its warnings, counted once.
  assert.ok(report.includes(`Peringatan widget (${warnings.length})`), report);
});

test('a WordPress REST URL and an RSS feed are read by the widget and named by their format', async () => {
  const { page } = await openConfigurator();
  const report = await checkFeed(page, `${server.url}/wp-json/wp/v2/posts?_embed`);
  assert.match(report, /Format: WordPress REST API/);
  assert.match(report, /Widget dapat membaca feed ini/);
  assert.match(report, /Sekolah Ramah Anak/);
  // The format is the one the widget's parser read it as (kabar:ready's detail), RSS here.
  assert.match(await checkFeed(page, '/fixtures/rss.xml'), /Format: RSS/);
});

test('an RSS URL on another origin without CORS: the check says a browser cannot tell, and shows the fix', async () => {
  const { page } = await openConfigurator('', 'configurator-en.html');
  const report = await checkFeed(page, `${other.url}/fixtures/rss.xml`);
  assert.match(report, /does not send a CORS header/);
  assert.match(report, /a browser cannot tell which/);
  assert.match(report, /Header set Access-Control-Allow-Origin "\*"/);
  assert.match(report, /add_header Access-Control-Allow-Origin/);
  assert.match(report, /REST URL \(\/wp-json\/wp\/v2\/posts\) already sends CORS/);
  assert.match(report, /own domain/);
  assert.match(report, /kabar check/);
  // A site typed without https:// is taken as https://, in the field and so in the snippet.
  await checkFeed(page, 'desa.contoh.invalid/feed');
  assert.equal(await page.inputValue('#kc-feed'), 'https://desa.contoh.invalid/feed');
  assert.match(await page.inputValue('#kc-self'), /feed="https:\/\/desa\.contoh\.invalid\/feed"/);
});

test('a 404, a WordPress error code and an HTML page are each reported with a fix', async () => {
  const { page } = await openConfigurator();
  let report = await checkFeed(page, '/tidak-ada.json');
  assert.match(report, /Status HTTP: 404/);
  assert.match(report, /tidak ada apa-apa di alamat ini/);
  report = await checkFeed(page, '/wp-off/wp-json/wp/v2/posts');
  assert.match(report, /Kata WordPress: rest_no_route/);
  report = await checkFeed(page, '/index.html');
  assert.match(report, /Ini halaman web, bukan feed/);
});

test('a site address: the usual feed places are tried and those that answer are offered', async () => {
  const { page } = await openConfigurator();
  // Another origin with CORS on the WordPress path only: what answers is offered.
  other.route('/wp-json/wp/v2/posts', (req, res) => res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' })
    .end(other.fixture('wordpress-embed.json')));
  other.route('/index.php/feed', (req, res) => res.writeHead(500, { 'content-type': 'text/html', 'access-control-allow-origin': '*' }).end('<h1>Error</h1>'));
  const report = await checkFeed(page, `${other.url}/`);
  assert.match(report, /Feed yang menjawab di situs ini/);
  assert.match(report, /WordPress – .*\/wp-json\/wp\/v2\/posts\?_embed/);
  assert.match(report, /bug OpenSID/);
  // Choosing it checks it with the widget.
  await page.click('#kc-report button');
  await page.waitForFunction(() => /Widget dapat membaca/.test(document.getElementById('kc-report').textContent), null, { timeout: 15000 });
});

test('options change the live preview; only non-default values go into the snippet; the address round-trips', async () => {
  const { page } = await openConfigurator();
  await checkFeed(page, '/feeds/berita.json');
  await page.selectOption('#kc-opt-layout', 'list');
  await page.fill('#kc-opt-limit', '3');
  await page.press('#kc-opt-limit', 'Tab');
  await page.check('#kc-opt-search');
  await page.waitForFunction(() => document.querySelector('#kc-widget')?.getAttribute('layout') === 'list'
    && document.querySelector('#kc-widget')?.getAttribute('limit') === '3');
  await waitForState(page, '#kc-widget', 'ready');
  assert.equal(await inShadow(page, '#kc-widget', (root) => root.querySelectorAll('.cards.list > li').length), 3);
  const snippet = await page.inputValue('#kc-self');
  assert.equal(snippet, '<script src="/kabar/kabar.js" defer></script>\n'
    + '<kabar-news feed="/feeds/berita.json" layout="list" limit="3" search><a href="/">Baca berita di situs kami</a></kabar-news>');
  assert.equal(await page.inputValue('#kc-div'),
    '<div data-kabar-news data-feed="/feeds/berita.json" data-layout="list" data-limit="3" data-search><a href="/">Baca berita di situs kami</a></div>');
  const cdn = await page.inputValue('#kc-cdn');
  assert.match(cdn, /src="https:\/\/cdn\.jsdelivr\.net\/npm\/kabar-news@\d+\.\d+\.\d+\/kabar\.js" integrity="sha384-[A-Za-z0-9+/=]{64}" crossorigin="anonymous"/);
  // The integrity is that of the kabar.js served next to the page.
  const expected = 'sha384-' + (await import('node:crypto')).createHash('sha384').update(fs.readFileSync(new URL('../../dist/kabar.js', import.meta.url))).digest('base64');
  assert.ok(cdn.includes(expected), cdn);

  // The address holds the configuration: reopened, the same controls and snippet.
  const shared = page.url();
  assert.match(shared, /layout=list/);
  const { page: reopened } = await openConfigurator(new URL(shared).search);
  assert.equal(await reopened.inputValue('#kc-opt-layout'), 'list');
  assert.equal(await reopened.inputValue('#kc-opt-limit'), '3');
  assert.equal(await reopened.isChecked('#kc-opt-search'), true);
  assert.equal(await reopened.inputValue('#kc-self'), snippet);

  // The copy button confirms visibly, in a status region.
  await page.click('[data-copy="kc-self"]');
  await page.waitForFunction(() => document.getElementById('kc-copied').textContent.length > 0);
  assert.equal(await page.getAttribute('#kc-copied', 'role'), 'status');
});

test('the snippet pasted into a fresh page renders the same widget, and its CSP line lets it render', async () => {
  const { page } = await openConfigurator();
  await checkFeed(page, '/feeds/berita.json');
  await page.selectOption('#kc-opt-layout', 'compact');
  await page.fill('#kc-base', '/dist/');
  await page.press('#kc-base', 'Tab');
  await page.waitForFunction(() => document.getElementById('kc-self').value.includes('layout="compact"')
    && document.getElementById('kc-self').value.includes('/dist/kabar.js'));
  const snippet = await page.inputValue('#kc-self');
  const csp = (await page.inputValue('#kc-csp')).split('\n')[0].replace(/^Content-Security-Policy: /, '');
  assert.equal(csp, "script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; img-src 'self' https: data:");
  await waitForState(page, '#kc-widget', 'ready');
  const previewTitles = await inShadow(page, '#kc-widget', (root) => [...root.querySelectorAll('.card-title')].map((t) => t.textContent));

  const [scriptTag, widgetTag] = snippet.split('\n');
  const fresh = server.page({ body: widgetTag.replace('<kabar-news', '<kabar-news id="pasted"'), script: scriptTag.match(/src="([^"]+)"/)[1], headers: { 'content-security-policy': csp } });
  const { page: pasted, pageErrors } = await openPage(browser, fresh);
  await waitForState(pasted, '#pasted', 'ready');
  const pastedTitles = await inShadow(pasted, '#pasted', (root) => [...root.querySelectorAll('.card-title')].map((t) => t.textContent));
  assert.deepEqual(pastedTitles, previewTitles);
  assert.equal(await inShadow(pasted, '#pasted', (root) => root.querySelectorAll('.cards.compact').length), 1);
  assert.deepEqual(await pasted.evaluate(() => window.__violations), []);
  assert.deepEqual(pageErrors, []);
});

test('both languages: axe finds no violations, and the page works at 320 px with the keyboard only', async () => {
  for (const file of ['configurator.html', 'configurator-en.html']) {
    const { page } = await openConfigurator('?feed=%2Ffeeds%2Fberita.json&layout=grid', file);
    await waitForState(page, '#kc-widget', 'ready');
    await page.waitForFunction(() => document.getElementById('kc-report').querySelector('ol'));
    await page.evaluate(axeSource);
    const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } }));
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), [], file);
    // Every control has a label.
    const unlabelled = await page.evaluate(() => [...document.querySelectorAll('main input, main select, main textarea')]
      .filter((c) => !c.labels || c.labels.length === 0).map((c) => c.id));
    assert.deepEqual(unlabelled, [], file);

    await page.setViewportSize({ width: 320, height: 700 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${file}: ${overflow}px wider than 320`);

    // Keyboard only: Tab reaches the address field, Enter runs the check.
    await page.goto(`${server.url}/${file}`);
    await page.waitForFunction(() => document.documentElement.getAttribute('data-configurator') === 'ready');
    for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.id)) !== 'kc-feed'; i++) await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'kc-feed');
    await page.keyboard.type('/feeds/berita.json');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('kc-report').querySelector('ol'), null, { timeout: 15000 });
    await page.setViewportSize({ width: 1280, height: 900 });
  }
});

test('the released configurator (cargo xtask release) loads kabar.js from beside itself and checks a feed', async () => {
  const release = new URL('../../target/release-kabar/', import.meta.url).pathname;
  const folder = fs.readdirSync(release).find((name) => /^kabar-\d+\.\d+\.\d+$/.test(name));
  assert.ok(folder, 'target/release-kabar/ is missing: run cargo xtask release');
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json' };
  for (const name of fs.readdirSync(path.join(release, folder))) {
    server.route(`/released/${name}`, (req, res) => res.writeHead(200, { 'content-type': types[path.extname(name)] || 'text/plain' })
      .end(fs.readFileSync(path.join(release, folder, name))));
  }
  const start = server.log.length;
  const { page, pageErrors } = await openConfigurator('?feed=%2Ffeeds%2Fberita.json&layout=list', 'released/configurator.html');
  await waitForState(page, '#kc-widget', 'ready');
  await page.waitForFunction(() => /Widget dapat membaca/.test(document.getElementById('kc-report').textContent), null, { timeout: 15000 });
  assert.equal(await page.inputValue('#kc-opt-layout'), 'list');
  // The CDN snippet pins the released kabar.js by the hash integrity.txt lists.
  const listed = fs.readFileSync(path.join(release, 'integrity.txt'), 'utf8').split('\n')
    .find((line) => line.endsWith(`${folder}/kabar.js`)).split(/\s+/)[0];
  assert.ok((await page.inputValue('#kc-cdn')).includes(`kabar-news@${folder.slice(6)}/kabar.js" integrity="${listed}"`));
  const requests = server.log.slice(start);
  assert.ok(requests.some((e) => e.path === '/released/kabar.js' && e.status === 200));
  assert.ok(requests.some((e) => e.path === '/released/contract.json' && e.status === 200));
  assert.ok(!requests.some((e) => e.path.startsWith('/dist/')), 'nothing loaded from dist/');
  assert.deepEqual(pageErrors, []);
});

test('several feeds: each is checked on its own, the preview merges the ones that answer', async () => {
  const { page, pageErrors } = await openConfigurator();
  const report = await checkFeed(page, '/feeds/berita.json   /wp-json/wp/v2/posts /tidak-ada.json');
  // One section per feed, in the order typed, the missing one explained.
  const heads = await page.$$eval('#kc-report h3', (hs) => hs.map((h) => new URL(h.textContent).pathname));
  assert.deepEqual(heads, ['/feeds/berita.json', '/wp-json/wp/v2/posts', '/tidak-ada.json']);
  assert.match(report, /Status HTTP: 404/);
  assert.match(report, /Widget dapat membaca feed ini/);
  // Articles per feed, named as the cards name them.
  const counts = await page.$$eval('#kc-report li', (items) => items.map((li) => li.textContent));
  assert.equal(counts.length, 2, counts.join(' | '));
  // The snippet keeps the list, space-separated.
  assert.match(await page.inputValue('#kc-self'), /feed="\/feeds\/berita\.json \/wp-json\/wp\/v2\/posts \/tidak-ada\.json"/);
  await waitForState(page, '#kc-widget', 'ready');
  assert.deepEqual(pageErrors, []);
  await page.close();
});

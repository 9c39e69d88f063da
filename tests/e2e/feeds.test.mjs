// Real agency feeds (issue 3): every format side by side, faults with their messages, retry,
// the saved copy, paging and background refresh, as a visitor and a webmaster would meet them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, waitForState, inShadow } from './harness.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const cards = (page, selector) => inShadow(page, selector, (root) => [...root.querySelectorAll('.card-title')].map((t) => t.textContent));
const events = (page, name) => page.evaluate((n) => window.__kabarEvents.filter((e) => e.name === n), name);
const warnings = (messages) => messages.filter((m) => m.type === 'warning').map((m) => m.text);
const requests = (routePath) => server.log.filter((e) => e.path === routePath);

/** A JSON Feed with items numbered from..to (higher is newer), optionally with a next_url. */
function jsonFeed(from, to, next) {
  const items = [];
  for (let i = to; i >= from; i--) {
    items.push({ id: `b${i}`, title: `Berita nomor ${i}`, content_text: `Isi berita ${i}.`, date_published: `2026-11-${String(i).padStart(2, '0')}T08:00:00+07:00` });
  }
  return JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items, ...(next ? { next_url: next } : {}) });
}

test('the formats demo shows WordPress, JSON Feed, RSS, Atom and custom JSON side by side', async () => {
  const { page, pageErrors, consoleMessages } = await openPage(browser, `${server.url}/formats.html`);
  const widgets = ['wp-posts.json', 'berita.json', 'rss.xml', 'atom.xml', 'custom-api.json'];
  // The widgets further down are lazy: each starts when scrolled near.
  for (const feed of widgets) {
    await page.locator(`kabar-news[feed="feeds/${feed}"]`).scrollIntoViewIfNeeded();
    await waitForState(page, `kabar-news[feed="feeds/${feed}"]`, 'ready');
  }
  for (const feed of widgets) {
    const titles = await cards(page, `kabar-news[feed="feeds/${feed}"]`);
    assert.equal(titles.length, 4, feed);
    // Entities are decoded and no markup leaks into titles.
    for (const title of titles) assert.doesNotMatch(title, /&#|&amp;|<\w/, `${feed}: ${title}`);
  }
  // WordPress: the featured image comes from _embedded with its sizes as srcset.
  const wpImage = await inShadow(page, 'kabar-news[feed="feeds/wp-posts.json"]', (root) => root.querySelector('.card-media img')?.getAttribute('src'));
  assert.match(wpImage, /\/img\/\w+\.jpg$/);
  // An RSS article opens in the reader with its content:encoded body.
  await page.locator('kabar-news[feed="feeds/rss.xml"] .card-open').first().click();
  const reader = await inShadow(page, 'kabar-news[feed="feeds/rss.xml"]', (root) => ({
    open: root.querySelector('dialog')?.open,
    paragraphs: root.querySelectorAll('.reader-body p').length,
  }));
  assert.equal(reader.open, true);
  assert.ok(reader.paragraphs >= 2, JSON.stringify(reader));
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(consoleMessages.filter((m) => m.type === 'error'), []);
  await page.close();
});

test('a password-protected WordPress post shows its note and a link to the original', async () => {
  const posts = JSON.parse(server.fixture('wordpress-embed.json'));
  server.route('/wp-protected/posts', (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(posts)));
  const { page, pageErrors } = await openPage(browser, server.page('<kabar-news id="w" feed="/wp-protected/posts" cache="0"></kabar-news>'));
  await waitForState(page, '#w', 'ready');
  await page.locator('#w .card-open', { hasText: 'Notulen Rapat Internal' }).click();
  const view = await inShadow(page, '#w', (root) => ({
    note: root.querySelector('.reader-protected')?.textContent,
    original: root.querySelector('.reader-original')?.getAttribute('href'),
  }));
  assert.equal(view.note, 'Isi berita ini dilindungi kata sandi. Bacalah di situs aslinya.');
  assert.equal(view.original, 'https://contoh.go.id/2026/11/27/rapat-internal/');
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('a JSON feed behind a byte order mark loads', async () => {
  server.route('/bom/feed.json', (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('\uFEFF' + jsonFeed(1, 3)));
  const { page } = await openPage(browser, server.page('<kabar-news id="w" feed="/bom/feed.json" cache="0"></kabar-news>'));
  await waitForState(page, '#w', 'ready');
  assert.deepEqual(await cards(page, '#w'), ['Berita nomor 3', 'Berita nomor 2', 'Berita nomor 1']);
  await page.close();
});

test('a 5xx is retried once after a pause, then the feed shows', async () => {
  let calls = 0;
  server.route('/flaky/feed.json', (req, res) => {
    calls += 1;
    if (calls === 1) res.writeHead(503).end('busy');
    else res.writeHead(200, { 'content-type': 'application/json' }).end(jsonFeed(1, 2));
  });
  const { page, pageErrors } = await openPage(browser, server.page('<kabar-news id="w" feed="/flaky/feed.json" cache="0"></kabar-news>'));
  await waitForState(page, '#w', 'ready');
  assert.equal(calls, 2);
  assert.equal((await events(page, 'kabar:error')).length, 0);
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('each fault shows a polite message with a retry and tells the webmaster what to fix', async () => {
  server.route('/fault/500', (req, res) => res.writeHead(500).end('oops'));
  server.route('/fault/html', (req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><html><body>Login</body></html>'));
  server.route('/fault/unknown', (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok","rows":[]}'));
  server.route('/fault/slow', () => {}); // never answers
  const cases = [
    { feed: '/fault/500', attrs: '', message: /HTTP 500 \(a server error\), also when asked again/, visitor: 'Server berita sedang tidak dapat diakses.', requests: 2 },
    { feed: '/fault/missing', attrs: '', message: /HTTP 404 Not Found; check the address/, visitor: 'Server berita sedang tidak dapat diakses.', requests: 1 },
    { feed: '/fault/html', attrs: '', message: /neither JSON nor XML; it starts with "<!DOCTYPE html><html><body>Login/, visitor: 'Format sumber berita tidak dikenali.', requests: 1 },
    { feed: '/fault/unknown', attrs: '', message: /a JSON object with the keys rows, status/, visitor: 'Format sumber berita tidak dikenali.', requests: 1 },
    { feed: '/fault/slow', attrs: 'timeout="1"', message: /did not answer within 1 s/, visitor: 'Server berita terlalu lama merespons.', requests: 1 },
  ];
  for (const c of cases) {
    const { page, pageErrors, consoleMessages } = await openPage(browser, server.page(`<kabar-news id="w" feed="${c.feed}" cache="0" ${c.attrs}></kabar-news>`));
    await waitForState(page, '#w', 'error');
    const view = await inShadow(page, '#w', (root) => ({ detail: root.querySelector('.error-detail')?.textContent, retry: root.querySelector('.error button')?.textContent }));
    assert.deepEqual(view, { detail: c.visitor, retry: 'Coba lagi' }, c.feed);
    const [error] = await events(page, 'kabar:error');
    assert.match(error.detail.message, c.message, c.feed);
    assert.ok(warnings(consoleMessages).some((w) => c.message.test(w)), `${c.feed}: console says it too`);
    assert.equal(requests(c.feed).length, c.requests, c.feed);
    assert.deepEqual(pageErrors, [], c.feed);
    server.log.length = 0;
    await page.close();
  }
});

test('a feed on a second port: refused without CORS headers (with the fix in the console), shown with them', async () => {
  const other = await startServer();
  try {
    const refused = await openPage(browser, server.page(`<kabar-news id="w" feed="${other.url}/feeds/rss.xml" cache="0"></kabar-news>`));
    await waitForState(refused.page, '#w', 'error');
    const [error] = await events(refused.page, 'kabar:error');
    assert.match(error.detail.message, new RegExp(`Access-Control-Allow-Origin: ${server.url}`));
    assert.match(error.detail.message, /nginx: add_header .* Apache \(\.htaccess\): Header set .* functions\.php/);
    assert.equal(await inShadow(refused.page, '#w', (root) => root.querySelector('.error-detail').textContent),
      'Sumber berita tidak dapat dihubungi. Periksa koneksi Anda atau coba lagi nanti.');
    assert.deepEqual(refused.pageErrors, []);
    await refused.page.close();

    const allowed = await openPage(browser, server.page(`<kabar-news id="w" feed="${other.url}/cors/feeds/rss.xml" limit="3" cache="0"></kabar-news>`));
    await waitForState(allowed.page, '#w', 'ready');
    assert.equal((await cards(allowed.page, '#w')).length, 3);
    await allowed.page.close();
  } finally {
    await other.close();
  }
});

test('a cached feed renders at once on the next visit, and while the server is down', async () => {
  let up = true;
  server.route('/cached/feed.json', (req, res) => {
    if (up) res.writeHead(200, { 'content-type': 'application/json' }).end(jsonFeed(1, 4));
    else req.socket.destroy();
  });
  // First visit: fetched and saved.
  const first = await openPage(browser, server.page('<kabar-news id="w" feed="/cached/feed.json" cache="300"></kabar-news>'));
  await waitForState(first.page, '#w', 'ready');
  // The copy is written just after the cards are drawn, not in the same task.
  await first.page.waitForFunction(() => Object.keys(localStorage).some((key) => key.startsWith('kabar:v2:') && key.endsWith('/cached/feed.json')));
  await first.page.close();
  assert.equal(requests('/cached/feed.json').length, 1);

  // Second visit within the cache time: rendered from the copy, the network is not asked.
  up = false;
  const second = await openPage(browser, server.page('<kabar-news id="w" feed="/cached/feed.json" cache="300"></kabar-news>'));
  await waitForState(second.page, '#w', 'ready');
  assert.equal((await cards(second.page, '#w')).length, 4);
  assert.equal(requests('/cached/feed.json').length, 1);
  await second.page.close();

  // A visit after the copy went stale, with the server down: the copy stays, with a quiet note.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const third = await openPage(browser, server.page('<kabar-news id="w" feed="/cached/feed.json" cache="1"></kabar-news>'));
  await waitForState(third.page, '#w', 'ready');
  await third.page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelector('.saved-note'), null, { timeout: 10000 });
  const note = await inShadow(third.page, '#w', (root) => root.querySelector('.saved-note').textContent);
  assert.match(note, /^Sedang luring\. Berita tersimpan pukul \d\d\.\d\d$/);
  assert.equal((await cards(third.page, '#w')).length, 4);
  assert.equal(await third.page.locator('#w').getAttribute('data-state'), 'ready');
  assert.deepEqual(third.pageErrors, []);
  await third.page.close();
});

test('load more pages through loaded articles, then WordPress pages, and focuses the first new card', async () => {
  const posts = (from, to) => {
    const list = [];
    for (let i = to; i >= from; i--) list.push({ id: i, date_gmt: `2026-11-${String(i).padStart(2, '0')}T01:00:00`, link: `https://contoh.go.id/?p=${i}`, title: { rendered: `Pos &#8211; ${i}` }, content: { rendered: `<p>Isi ${i}</p>`, protected: false }, excerpt: { rendered: '', protected: false } });
    return JSON.stringify(list);
  };
  server.route('/wp-json/wp/v2/posts', (req, res, url) => {
    const pageNumber = Number(url.searchParams.get('page') || 1);
    const body = pageNumber === 1 ? posts(4, 7) : posts(1, 3);
    res.writeHead(200, { 'content-type': 'application/json', 'x-wp-total': '7', 'x-wp-totalpages': '2' }).end(body);
  });
  const { page, pageErrors } = await openPage(browser, server.page('<kabar-news id="w" feed="/wp-json/wp/v2/posts?_embed&per_page=4" limit="3" cache="0"></kabar-news>'));
  await waitForState(page, '#w', 'ready');
  assert.deepEqual(await cards(page, '#w'), ['Pos – 7', 'Pos – 6', 'Pos – 5']);
  const more = page.locator('#w .more-button');
  assert.equal(await more.textContent(), 'Muat lebih banyak');
  // The fourth post is already loaded: shown without a request.
  await more.click();
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelectorAll('.card').length === 4);
  assert.equal(await inShadow(page, '#w', (root) => root.activeElement?.textContent), 'Pos – 4');
  assert.equal(requests('/wp-json/wp/v2/posts').length, 1);
  // Then page 2 is fetched.
  await more.click();
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelectorAll('.card').length === 7);
  // gloo-net adds a harmless trailing "&" to URLs that already have a query.
  const pages = requests('/wp-json/wp/v2/posts').map((r) => r.query.replace(/&$/, ''));
  assert.deepEqual(pages, ['?_embed&per_page=4', '?_embed&per_page=4&page=2']);
  assert.equal(await inShadow(page, '#w', (root) => root.activeElement?.textContent), 'Pos – 3');
  // Everything is shown: the button goes away.
  assert.equal(await page.locator('#w .more-button').count(), 0);
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('JSON Feed next_url is followed by load more', async () => {
  server.route('/paged/1.json', (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(jsonFeed(3, 4, '/paged/2.json')));
  server.route('/paged/2.json', (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(jsonFeed(1, 2)));
  const { page } = await openPage(browser, server.page('<kabar-news id="w" feed="/paged/1.json" limit="2" cache="0"></kabar-news>'));
  await waitForState(page, '#w', 'ready');
  await page.locator('#w .more-button').click();
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelectorAll('.card').length === 4);
  assert.deepEqual(await cards(page, '#w'), ['Berita nomor 4', 'Berita nomor 3', 'Berita nomor 2', 'Berita nomor 1']);
  await page.close();
});

test('a timed refresh offers new articles without moving the list, and announces them', async () => {
  let version = 1;
  server.route('/refresh/feed.json', (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(version === 1 ? jsonFeed(1, 3) : jsonFeed(1, 5)));
  const page = await browser.context.newPage();
  await page.clock.install();
  await page.goto(server.page('<kabar-news id="w" feed="/refresh/feed.json" refresh="30" cache="0"></kabar-news>'));
  await waitForState(page, '#w', 'ready');
  assert.deepEqual(await cards(page, '#w'), ['Berita nomor 3', 'Berita nomor 2', 'Berita nomor 1']);
  version = 2;
  await page.clock.fastForward(31_000);
  const button = page.locator('#w .new-articles');
  await button.waitFor();
  assert.equal(await button.textContent(), 'Tampilkan 2 berita baru');
  // Nothing moved yet, and screen readers heard about it.
  assert.deepEqual(await cards(page, '#w'), ['Berita nomor 3', 'Berita nomor 2', 'Berita nomor 1']);
  assert.equal(await inShadow(page, '#w', (root) => root.querySelector('.visually-hidden[role=status]').textContent), 'Tampilkan 2 berita baru');
  await button.click();
  assert.deepEqual((await cards(page, '#w')).slice(0, 2), ['Berita nomor 5', 'Berita nomor 4']);
  assert.equal(await inShadow(page, '#w', (root) => root.activeElement?.textContent), 'Berita nomor 5');
  assert.equal(await inShadow(page, '#w', (root) => root.querySelector('.visually-hidden[role=status]').textContent), '2 berita baru ditampilkan');
  await page.close();
});

test('a fields path that matches nothing is named in the console', async () => {
  const { page, consoleMessages } = await openPage(browser, server.page('<kabar-news id="w" feed="/feeds/custom-api.json" cache="0" fields="items: data.posts; id: slug; title: judul; url: link; content: body_html"></kabar-news>'));
  await waitForState(page, '#w', 'ready');
  assert.ok(warnings(consoleMessages).some((w) => w.includes('fields: "title: judul" matched nothing')), warnings(consoleMessages).join('\n'));
  await page.close();
});

test('storage that throws (privacy mode, full quota) only means no cache', async () => {
  const page = await browser.context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.addInitScript(() => {
    const refuse = () => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
    Storage.prototype.setItem = refuse;
    Storage.prototype.getItem = refuse;
  });
  await page.goto(server.page('<kabar-news id="w" feed="/feeds/rss.xml" limit="2"></kabar-news>'));
  await waitForState(page, '#w', 'ready');
  assert.equal((await cards(page, '#w')).length, 2);
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('the reader body carries the feed language for screen readers', async () => {
  const { page } = await openPage(browser, server.page('<kabar-news id="w" feed="/feeds/news-en.json" lang="en" limit="1"></kabar-news>'));
  await waitForState(page, '#w', 'ready');
  await page.locator('#w .card-open').first().click();
  assert.equal(await inShadow(page, '#w', (root) => root.querySelector('.reader-body').getAttribute('lang')), 'en');
  await page.close();
});

// Issue 12 (6): titles, categories and alt texts made only of characters that draw nothing.
test('a feed of invisible titles and names leaves no button or link without a name', async () => {
  const invisible = ['\u202e', '\u200b\u2060\ufeff\u00ad', '\u200e\u200f\u2066\u2069', '\ufe0f\u034f', '\u3164'];
  server.route('/invisible/feed.json', (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    items: [
      { id: 'irigasi', title: invisible[0], date_published: '2026-11-27T08:00:00+07:00', image: '/img/pasar.jpg',
        content_text: 'Warga Desa Sukamaju bergotong royong membersihkan saluran irigasi.', tags: [invisible[1], 'Desa'] },
      { id: 'kosong', title: invisible[1], date_published: '2026-11-26T08:00:00+07:00', content_html: `<p>${invisible[2]}</p>` },
      { id: 'pasar', title: 'Pasar Murah Jelang Natal', summary: invisible[2], date_published: '2026-11-25T08:00:00+07:00',
        content_html: '<p>Pasar murah digelar di alun-alun.</p>', tags: [invisible[3], invisible[4]] },
    ],
  })));
  const { page, pageErrors } = await openPage(browser, server.page('<kabar-news id="w" feed="/invisible/feed.json" cache="0" chips show="image,category,date,excerpt"></kabar-news>'));
  await waitForState(page, '#w', 'ready');
  // The name each control offers, with everything that draws nothing taken out.
  const namelessControls = () => inShadow(page, '#w', (root) => {
    const drawsNothing = /[\p{Cf}\p{Z}\s\u034f\u115f\u1160\u2800\u3164\uffa0\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/gu;
    const visibleName = (el) => [el.getAttribute('aria-label') || '', el.textContent,
      ...[...el.querySelectorAll('img[alt]')].map((img) => img.alt)].join('').replace(drawsNothing, '');
    return [...root.querySelectorAll('button, a[href], [role="button"], [role="link"]')]
      .filter((el) => el.getClientRects().length > 0)
      .filter((el) => visibleName(el) === '' || el.getBoundingClientRect().width < 1)
      .map((el) => el.outerHTML.slice(0, 120));
  });
  assert.deepEqual(await cards(page, '#w'), ['Warga Desa Sukamaju bergotong royong membersihkan saluran irigasi.', 'Pasar Murah Jelang Natal']);
  assert.deepEqual(await namelessControls(), []);
  await page.locator('#w .card-open').first().click();
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelector('dialog[open]'));
  assert.deepEqual(await namelessControls(), []);
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('an OpenDK JSON:API feed shows without fields, asks for published articles only, and pages', async () => {
  const first = JSON.parse(server.fixture('opendk-artikel.json'));
  // Served from this host: its images are the demo's, its next link relative.
  first.data[0].attributes.gambar = '/img/puskesmas.jpg';
  first.data[2].attributes.gambar = '/img/sawah.jpg';
  for (const item of first.data) delete item.attributes.gambar_src;
  first.links.next = '/api/frontend/v1/artikel?page[number]=2';
  const second = {
    data: [{ type: null, id: '30', attributes: { judul: 'Pelatihan Kader Posyandu Se-Kecamatan', isi: '<p>Kader dari sebelas desa berlatih.</p>', gambar: '/img/sekolah.jpg', status: 1, tanggal_terbit: '2026-08-05', tanggal: '05 Agustus 2026', link: '/berita/pelatihan-kader-posyandu' } }],
    meta: { pagination: { total: 4, count: 1, per_page: 3, current_page: 2, total_pages: 2 } },
    links: {},
  };
  server.route('/api/frontend/v1/artikel', (req, res, url) => {
    const body = url.searchParams.get('page[number]') === '2' ? second : first;
    res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end(JSON.stringify(body));
  });
  const { page, pageErrors, consoleMessages } = await openPage(browser, server.page(
    '<kabar-news id="w" feed="/api/frontend/v1/artikel" limit="3" timezone="Asia/Jakarta" cache="0"></kabar-news>' +
    '<kabar-news id="mars" feed="/api/frontend/v1/artikel" limit="1" feed-timezone="Mars/Olympus" cache="0"></kabar-news>'));
  await waitForState(page, '#w', 'ready');
  const shown = () => inShadow(page, '#w', (root) => [...root.querySelectorAll('.card')].map((card) => ({
    title: card.querySelector('.card-title')?.textContent,
    image: card.querySelector('.card-media img')?.getAttribute('src') ?? null,
    datetime: card.querySelector('time')?.getAttribute('datetime'),
    date: card.querySelector('time')?.textContent,
  })));
  let list = await shown();
  assert.deepEqual(list.map((c) => [c.title, c.image, c.datetime]), [
    ['Posyandu Remaja Dibuka di Desa Sukamaju', `${server.url}/img/puskesmas.jpg`, '2026-11-24'],
    // OpenDK's no-image placeholder is not shown as a picture.
    ['Jadwal Pelayanan Administrasi Kependudukan Keliling', null, '2026-11-20'],
    ['Lomba Desa Tingkat Kecamatan Diikuti 12 Desa', `${server.url}/img/sawah.jpg`, '2026-08-17'],
  ]);
  assert.match(list[0].date, /^24 Nov/);
  assert.match(list[2].date, /^17 Agu/);
  // The draft never shows.
  assert.ok(!list.some((c) => c.title.startsWith('Draf')));
  await page.locator('#w .more-button').click();
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelectorAll('.card').length === 4);
  list = await shown();
  assert.deepEqual([list[3].title, list[3].image, list[3].datetime], ['Pelatihan Kader Posyandu Se-Kecamatan', `${server.url}/img/sekolah.jpg`, '2026-08-05']);
  // Every request, the next page's too, carried filter[status]=1.
  const asked = requests('/api/frontend/v1/artikel').map((r) => new URLSearchParams(r.query));
  assert.ok(asked.length >= 3, JSON.stringify(asked.length));
  for (const query of asked) assert.equal(query.get('filter[status]'), '1', JSON.stringify(requests('/api/frontend/v1/artikel')));
  assert.ok(asked.some((query) => query.get('page[number]') === '2'));
  // A feed-timezone that is not one warns, naming the attribute and the zone used instead.
  assert.ok(warnings(consoleMessages).some((m) => m.startsWith('Kabar: attribute feed-timezone="Mars/Olympus" is not') && m.includes('Asia/Jakarta (+07:00) is used')), warnings(consoleMessages).join('\n'));
  assert.deepEqual(pageErrors, []);
  await page.close();
});

/** An RSS feed with `£ “ ”` and é in its text, as a string to encode. */
function charsetRss(declaration) {
  return `${declaration}<rss version="2.0"><channel><title>Pasar Kafé</title>`
    + '<item><title>“Harga Kopi” naik £2</title><link>https://contoh.go.id/kopi</link><description>Harga kopi di kafé desa naik.</description></item>'
    + '<item><title>Kafé Baru di Alun-alun</title><link>https://contoh.go.id/kafe</link><description>Buka setiap sore.</description></item>'
    + '</channel></rss>';
}

/** windows-1252 bytes for the characters the fixtures use. */
function windows1252(text) {
  const high = { '“': 0x93, '”': 0x94, '€': 0x80 };
  return Buffer.from([...text].map((c) => high[c] ?? (c.charCodeAt(0) < 0x100 ? c.charCodeAt(0) : 0x3f)));
}

/** UTF-16 bytes, little- or big-endian, with or without a byte order mark. */
function utf16(text, littleEndian, bom) {
  const le = Buffer.from((bom ? '\uFEFF' : '') + text, 'utf16le');
  if (littleEndian) return le;
  const be = Buffer.alloc(le.length);
  for (let i = 0; i + 1 < le.length; i += 2) { be[i] = le[i + 1]; be[i + 1] = le[i]; }
  return be;
}

test('feeds in ISO-8859-1, windows-1252 and UTF-16 read right, with and without a header charset, and are saved decoded', async () => {
  const cases = [
    { path: '/charset/latin1-declared.xml', type: 'application/rss+xml', body: windows1252(charsetRss('<?xml version="1.0" encoding="ISO-8859-1"?>')) },
    { path: '/charset/latin1-header.xml', type: 'text/xml; charset=ISO-8859-1', body: windows1252(charsetRss('')) },
    { path: '/charset/cp1252-header.xml', type: 'application/xml; charset=windows-1252', body: windows1252(charsetRss('<?xml version="1.0"?>')) },
    { path: '/charset/utf16le-bom.xml', type: 'application/rss+xml', body: utf16(charsetRss('<?xml version="1.0" encoding="UTF-16"?>'), true, true) },
    { path: '/charset/utf16be-header.xml', type: 'application/rss+xml; charset=utf-16be', body: utf16(charsetRss(''), false, false) },
  ];
  for (const c of cases) server.route(c.path, (req, res) => res.writeHead(200, { 'content-type': c.type }).end(c.body));
  const widgets = cases.map((c, i) => `<kabar-news id="w${i}" feed="${c.path}" cache="300"></kabar-news>`).join('');
  const { page, pageErrors } = await openPage(browser, server.page(widgets));
  for (const [i, c] of cases.entries()) {
    await waitForState(page, `#w${i}`, 'ready');
    assert.deepEqual(await cards(page, `#w${i}`), ['“Harga Kopi” naik £2', 'Kafé Baru di Alun-alun'], c.path);
  }
  // The saved copy is the decoded text, so the next visit reads it right too.
  await page.waitForFunction((n) => Object.keys(localStorage).filter((key) => key.includes('/charset/')).length === n, cases.length);
  const saved = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.includes('/charset/')).map((key) => localStorage.getItem(key)));
  for (const text of saved) assert.ok(text.includes('“Harga Kopi” naik £2'), text.slice(0, 300));
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('an RSS item without a link opens in the reader and shows no link to an original', async () => {
  const body = '<rss version="2.0"><channel><title>Pengumuman</title>'
    + '<item><title>Posyandu Pindah ke Balai RW 04</title><description>Mulai bulan depan posyandu diadakan di Balai RW 04.</description></item>'
    + '</channel></rss>';
  server.route('/nolink/rss.xml', (req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body));
  const { page, pageErrors } = await openPage(browser, server.page('<kabar-news id="w" feed="/nolink/rss.xml" reader="link" cache="0"></kabar-news>'));
  await waitForState(page, '#w', 'ready');
  const card = await inShadow(page, '#w', (root) => ({ tag: root.querySelector('.card-open').tagName, links: root.querySelectorAll('.card a[href]').length }));
  assert.deepEqual(card, { tag: 'BUTTON', links: 0 });
  await page.locator('#w .card-open').first().click();
  const reader = await inShadow(page, '#w', (root) => ({
    open: root.querySelector('dialog')?.open,
    body: root.querySelector('.reader-body')?.textContent,
    original: root.querySelectorAll('.reader-original').length,
  }));
  assert.equal(reader.open, true);
  assert.match(reader.body, /Balai RW 04/);
  assert.equal(reader.original, 0);
  assert.deepEqual(pageErrors, []);
  await page.close();
});

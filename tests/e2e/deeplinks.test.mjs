// The reader as a visitor uses it: deep links in the URL hash, Back, two widgets on one page,
// previous/next by button and arrow key, sharing, larger text, and cards that link out instead.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, waitForState, inShadow } from './harness.mjs';

let server;
let browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const FIRST = 'kua-ppas-2027-disepakati'; // the newest article of /feeds/berita.json
const SECOND = 'festival-pacu-perahu-2026-ditutup';
const dialogOpen = (page, host = '#w') => page.waitForFunction((h) => document.querySelector(h).shadowRoot.querySelector('dialog[open]'), host);
const dialogGone = (page, host = '#w') => page.waitForFunction((h) => !document.querySelector(h).shadowRoot.querySelector('dialog'), host);
const readerTitle = (page, host = '#w') => inShadow(page, host, (root) => root.querySelector('.reader-title')?.textContent);
const hash = (page) => page.evaluate(() => location.hash);

test('opening an article puts it in the URL; Back closes the reader and focus returns to the card', async () => {
  const { page, pageErrors } = await openPage(browser, server.page('<kabar-news id="w" feed="/feeds/berita.json" limit="3"></kabar-news>'));
  await waitForState(page, '#w', 'ready');
  const historyLength = await page.evaluate(() => history.length);
  await page.locator('#w .card-open').first().click();
  await dialogOpen(page);
  assert.equal(await hash(page), `#kabar-${FIRST}`);
  assert.equal(await page.evaluate(() => history.length), historyLength + 1);
  await page.goBack();
  await dialogGone(page);
  assert.equal(await hash(page), '');
  assert.equal(await inShadow(page, '#w', (root) => root.activeElement?.textContent), await inShadow(page, '#w', (root) => root.querySelector('.card-open').textContent));
  const events = await page.evaluate(() => window.__kabarEvents.map((e) => e.name));
  assert.deepEqual(events.filter((n) => n !== 'kabar:ready'), ['kabar:open', 'kabar:close']);
  // Forward opens it again.
  await page.goForward();
  await dialogOpen(page);
  // Closing with the button also leaves history as before: the hash goes.
  await page.locator('#w .reader-close').click();
  await dialogGone(page);
  await page.waitForFunction(() => location.hash === '');
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('a shared link opens that article once the feed is in, and closing it removes the hash', async () => {
  const url = server.page('<kabar-news id="w" feed="/slow/300/feeds/berita.json" limit="3"></kabar-news>');
  const { page, pageErrors } = await openPage(browser, `${url}#kabar-${SECOND}`);
  await dialogOpen(page);
  assert.equal(await readerTitle(page), 'Festival Pacu Perahu Sungai Jernih 2026 Ditutup, Perahu “Bujang Muara” Juara Umum');
  // The page hears about it as about any other opening.
  const opened = await page.evaluate(() => window.__kabarEvents.filter((e) => e.name === 'kabar:open').map((e) => e.detail.id));
  assert.deepEqual(opened, [SECOND]);
  await page.keyboard.press('Escape');
  await dialogGone(page);
  await page.waitForFunction(() => location.hash === '');
  assert.equal(new URL(page.url()).pathname, new URL(url).pathname, 'still on the same page');
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('two widgets with the same feed do not fight over the hash', async () => {
  const body = '<kabar-news id="a" feed="/feeds/berita.json" limit="3"></kabar-news><div id="b" data-kabar-news data-feed="/feeds/berita.json" data-limit="3"></div>';
  const { page } = await openPage(browser, `${server.page(body)}#kabar2-${FIRST}`);
  await dialogOpen(page, '#b');
  assert.equal(await inShadow(page, '#a', (root) => root.querySelector('dialog')), null);
  await page.keyboard.press('Escape');
  await dialogGone(page, '#b');
  // The first widget uses the plain prefix.
  await page.locator('#a .card-open').nth(1).click();
  await dialogOpen(page, '#a');
  assert.equal(await hash(page), `#kabar-${SECOND}`);
  assert.equal(await inShadow(page, '#b', (root) => root.querySelector('dialog')), null);
  await page.close();
});

test('previous and next move through the articles by button and arrow key', async () => {
  const { page } = await openPage(browser, server.page('<kabar-news id="w" feed="/feeds/berita.json" limit="3"></kabar-news>'));
  await waitForState(page, '#w', 'ready');
  const titles = await inShadow(page, '#w', (root) => [...root.querySelectorAll('.card-title')].map((t) => t.textContent));
  await page.locator('#w .card-open').first().click();
  await dialogOpen(page);
  assert.equal(await page.locator('#w .reader-prev').count(), 0, 'no previous before the first');
  assert.equal(await page.locator('#w .reader-next .reader-nav-title').textContent(), titles[1]);
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((t) => document.querySelector('#w').shadowRoot.querySelector('.reader-title').textContent === t, titles[1]);
  assert.equal(await hash(page), `#kabar-${SECOND}`);
  // The new title has focus, so a screen reader reads it.
  assert.equal(await inShadow(page, '#w', (root) => root.activeElement?.className), 'reader-title');
  await page.locator('#w .reader-next').click();
  await page.waitForFunction((t) => document.querySelector('#w').shadowRoot.querySelector('.reader-title').textContent === t, titles[2]);
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction((t) => document.querySelector('#w').shadowRoot.querySelector('.reader-title').textContent === t, titles[1]);
  await page.locator('#w .reader-prev').click();
  await page.waitForFunction((t) => document.querySelector('#w').shadowRoot.querySelector('.reader-title').textContent === t, titles[0]);
  // Moving does not add history: one Back closes the reader.
  await page.goBack();
  await dialogGone(page);
  await page.close();
});

test('share: copy link with a visible confirmation, WhatsApp and the other channels', async () => {
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const { page } = await openPage(browser, server.page('<kabar-news id="w" feed="/feeds/berita.json" limit="3"></kabar-news>'));
  await waitForState(page, '#w', 'ready');
  await page.locator('#w .card-open').first().click();
  await dialogOpen(page);
  const shareUrl = page.url();
  assert.ok(shareUrl.endsWith(`#kabar-${FIRST}`));
  await page.locator('#w .share-copy').click();
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelector('.share-status').textContent === 'Tautan disalin');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), shareUrl);
  const links = await inShadow(page, '#w', (root) => Object.fromEntries([...root.querySelectorAll('.share-link')].map((a) => [a.textContent, a.getAttribute('href')])));
  assert.deepEqual(Object.keys(links), ['WhatsApp', 'Facebook', 'X', 'Email']);
  assert.ok(links.WhatsApp.startsWith('https://wa.me/?text=Pemkab%20dan%20DPRD'), links.WhatsApp);
  assert.ok(links.WhatsApp.endsWith(encodeURIComponent(shareUrl)), links.WhatsApp);
  assert.equal(links.Facebook, `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(shareUrl)}`);
  assert.ok(links.Email.startsWith('mailto:?subject='));
  // Reading comfort: reading time, and a larger-text toggle that says whether it is on.
  assert.match(await inShadow(page, '#w', (root) => root.querySelector('.reading-time').textContent), /^\d+ menit baca$/);
  const size = () => inShadow(page, '#w', (root) => parseFloat(getComputedStyle(root.querySelector('.reader-body')).fontSize));
  const normal = await size();
  await page.locator('#w .text-size').click();
  assert.equal(await page.locator('#w .text-size').getAttribute('aria-pressed'), 'true');
  assert.ok(await size() > normal * 1.15);
  await page.close();
});

test('when copying is refused the link is shown to copy by hand', async () => {
  const page = await browser.context.newPage();
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
  });
  await page.goto(server.page('<kabar-news id="w" feed="/feeds/berita.json" limit="3" lang="en"></kabar-news>'));
  await waitForState(page, '#w', 'ready');
  await page.locator('#w .card-open').first().click();
  await dialogOpen(page);
  await page.locator('#w .share-copy').click();
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelector('.share-url'));
  const status = await inShadow(page, '#w', (root) => root.querySelector('.share-status').textContent);
  assert.equal(status, `The link could not be copied automatically. Copy it here: ${page.url()}`);
  await page.close();
});

test('reader="link" and reader="new-tab" make cards links to the original', async () => {
  const { page } = await openPage(browser, server.page('<kabar-news id="a" feed="/feeds/berita.json" limit="2" reader="link"></kabar-news><kabar-news id="b" feed="/feeds/berita.json" limit="2" reader="new-tab"></kabar-news>'));
  await waitForState(page, '#a', 'ready');
  await waitForState(page, '#b', 'ready');
  const a = await inShadow(page, '#a', (root) => { const l = root.querySelector('a.card-open'); return [l.getAttribute('href'), l.getAttribute('target')]; });
  const b = await inShadow(page, '#b', (root) => { const l = root.querySelector('a.card-open'); return [l.getAttribute('href'), l.getAttribute('target'), l.getAttribute('rel')]; });
  assert.deepEqual(a, [`https://sungaijernih.go.id/berita/${FIRST}`, null]);
  assert.deepEqual(b, [`https://sungaijernih.go.id/berita/${FIRST}`, '_blank', 'noopener noreferrer']);
  assert.equal(await page.locator('#a button.card-open').count(), 0);
  await page.close();
});

test('on a 320 px phone long URLs wrap, wide tables scroll and captions sit under their figures', async () => {
  const longUrl = `https://sungaijernih.go.id/dokumen/${'anggaran-pendapatan-dan-belanja-daerah-'.repeat(6)}2027.pdf`;
  const body = `<p>Unduh dokumen di <a href="${longUrl}">${longUrl}</a> atau kantor Bappeda.</p>`
    + '<figure><img src="/img/pasar.jpg" alt="Pasar" width="640" height="360"><figcaption>Pasar Muara Teduh.</figcaption></figure>'
    + `<table><tr>${'<th>Kecamatan Sungai Jernih Hilir</th>'.repeat(8)}</tr></table>`;
  server.route('/comfort/feed.json', (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    items: [{ id: 'dokumen', title: 'Dokumen APBD 2027', content_html: body }],
  })));
  const { page } = await openPage(browser, server.page('<kabar-news id="w" feed="/comfort/feed.json" cache="0"></kabar-news>'));
  await page.setViewportSize({ width: 320, height: 640 });
  await waitForState(page, '#w', 'ready');
  await page.locator('#w .card-open').click();
  await dialogOpen(page);
  const layout = await inShadow(page, '#w', (root) => {
    const dialog = root.querySelector('dialog');
    const table = dialog.querySelector('.reader-body table');
    const figure = dialog.querySelector('figure').getBoundingClientRect();
    const caption = dialog.querySelector('figcaption').getBoundingClientRect();
    return {
      dialogFits: dialog.getBoundingClientRect().right <= window.innerWidth && dialog.scrollWidth <= dialog.clientWidth,
      tableScrolls: table.scrollWidth > table.clientWidth,
      captionBelowImage: caption.top >= dialog.querySelector('figure img').getBoundingClientRect().bottom - 1 && caption.bottom <= figure.bottom + 1,
    };
  });
  assert.deepEqual(layout, { dialogFits: true, tableScrolls: true, captionBelowImage: true });
  await page.close();
});

// Issue 12 (4): closing calls the asynchronous history.back(); a reader opened again before it
// lands must neither pile up entries nor be closed by it, and the pending Back must never take
// the visitor off the page.
const THIRD = 'bulan-imunisasi-anak-sekolah-2026';
/** Waits until the reader and the hash agree: `slug` open with `#kabar-slug`, or closed and no hash. */
const settledOn = (page, slug) => page.waitForFunction((s) => {
  const root = document.querySelector('#w').shadowRoot;
  const open = root.querySelector('dialog[open]');
  if (s === null) return !root.querySelector('dialog') && location.hash === '';
  return open && location.hash === `#kabar-${s}`;
}, slug);

/** Opens the widget page after another page of the site, so leaving it is observable. */
async function widgetAfterAnotherPage() {
  const before = server.page('<p>Halaman sebelumnya</p>');
  const { page, pageErrors } = await openPage(browser, before);
  await page.goto(server.page('<kabar-news id="w" feed="/feeds/berita.json" limit="4"></kabar-news>'));
  await waitForState(page, '#w', 'ready');
  return { page, pageErrors, before, historyLength: await page.evaluate(() => history.length) };
}

/** One Back from the page, with the reader closed, returns to the page before it. */
async function oneBackLeaves(page, before) {
  await settledOn(page, null);
  await page.goBack();
  assert.equal(page.url(), before);
}

test('close() then open() from a script, in one task and in quick succession, keeps one history entry at most', async () => {
  const { page, pageErrors, before, historyLength } = await widgetAfterAnotherPage();
  const growth = async () => (await page.evaluate(() => history.length)) - historyLength;
  const api = (calls) => page.evaluate((list) => {
    const w = document.querySelector('#w');
    for (const [method, id] of list) w[method](id);
  }, calls);
  await api([['open', FIRST]]);
  await settledOn(page, FIRST);
  // In one task: the Back of the close has not landed when the next article opens.
  await api([['close'], ['open', SECOND]]);
  await settledOn(page, SECOND);
  assert.ok(await growth() <= 1, `history grew by ${await growth()}`);
  await api([['close'], ['open', FIRST], ['close'], ['open', THIRD], ['close'], ['open', THIRD]]);
  await settledOn(page, THIRD);
  assert.ok(await growth() <= 1, `history grew by ${await growth()}`);
  // Separate tasks a few milliseconds apart (one protocol round trip each), racing the Back.
  const ids = [FIRST, SECOND, THIRD];
  for (let i = 0; i < 12; i++) {
    await api(i % 2 ? [['open', ids[i % 3]]] : [['close']]);
  }
  await api([['close'], ['open', SECOND]]);
  await settledOn(page, SECOND);
  assert.ok(await growth() <= 1, `history grew by ${await growth()}`);
  assert.equal(await readerTitle(page), await inShadow(page, '#w', (root) => root.querySelectorAll('.card-title')[1].textContent));
  // One Back closes the reader, the next leaves the page.
  await page.goBack();
  await settledOn(page, null);
  await oneBackLeaves(page, before);
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('double clicks on a card and on the close button leave history and the hash in step', async () => {
  const { page, pageErrors, before, historyLength } = await widgetAfterAnotherPage();
  const growth = async () => (await page.evaluate(() => history.length)) - historyLength;
  const card = page.locator('#w .card-open').first();
  // Whatever the second click hits (the backdrop, the card under the close button), the reader
  // and the hash end up agreeing; then the reader is closed for the next step.
  const agreeThenClose = async (label) => {
    await page.waitForFunction(() => {
      const open = document.querySelector('#w').shadowRoot.querySelector('dialog[open]');
      return open ? location.hash.startsWith('#kabar-') : location.hash === '';
    });
    await page.evaluate(() => document.querySelector('#w').close());
    await settledOn(page, null);
    assert.ok(await growth() <= 1, `${label}: history grew by ${await growth()}`);
  };
  for (let round = 0; round < 3; round++) {
    await card.dblclick();
    await agreeThenClose(`round ${round}, card`);
    await card.click();
    await settledOn(page, FIRST);
    await page.locator('#w .reader-close').dblclick();
    await agreeThenClose(`round ${round}, close button`);
  }
  await oneBackLeaves(page, before);
  assert.deepEqual(pageErrors, []);
  await page.close();
});

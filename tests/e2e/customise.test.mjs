// Customising what a card shows and how the widget fits the page (issue 5, first part): show,
// excerpt, image-ratio, fallback-image, heading, heading-level, target, the page's language as
// the default, warnings for bad values, and live attribute changes without a new request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, waitForState, inShadow } from './harness.mjs';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  server.route('/custom/feed.json', (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    items: [
      { id: 'a', url: 'https://www.sungaijernih.go.id/berita/a', title: 'Jembatan Gantung Diresmikan', summary: 'Bupati meresmikan jembatan gantung sepanjang enam puluh meter yang menghubungkan dua desa di tepi sungai.', content_text: 'Isi.', image: '/img/jembatan.jpg', authors: [{ name: 'Humas Setda' }], tags: ['Infrastruktur'], date_published: '2026-11-26T09:00:00+07:00' },
      { id: 'b', url: 'https://sungaijernih.go.id/berita/b', title: 'Pasar Murah Digelar', summary: 'Pasar murah di empat kecamatan.', content_text: 'Isi.', date_published: '2026-11-25T09:00:00+07:00' },
    ],
  })));
});
after(async () => { await browser?.close(); await server?.close(); });

const requests = () => server.log.filter((e) => e.path === '/custom/feed.json').length;

test('show, excerpt, image-ratio, fallback-image, heading, heading-level and target shape the cards', async () => {
  const { page, consoleMessages } = await openPage(browser, server.page(
    '<kabar-news id="w" feed="/custom/feed.json" cache="0" show="image,author,source,excerpt" excerpt="40" image-ratio="1" fallback-image="/img/logo.svg" heading="Berita Terkini" heading-level="4" target="_self"></kabar-news>'));
  await waitForState(page, '#w', 'ready');
  const view = await inShadow(page, '#w', (root) => {
    const cards = [...root.querySelectorAll('.card')];
    return {
      region: root.querySelector('section').getAttribute('aria-labelledby'),
      heading: [root.querySelector('#kabar-heading').localName, root.querySelector('#kabar-heading').textContent],
      titles: cards.map((c) => c.querySelector('.card-title').localName),
      categories: root.querySelectorAll('.card-category').length,
      dates: root.querySelectorAll('.card-meta time').length,
      authors: cards.map((c) => c.querySelector('.card-author')?.textContent ?? null),
      sources: cards.map((c) => c.querySelector('.card-source')?.textContent ?? null),
      excerpts: cards.map((c) => c.querySelector('.card-excerpt')?.textContent),
      images: cards.map((c) => c.querySelector('.card-media img')?.getAttribute('src')),
      ratio: getComputedStyle(root.querySelector('.card-media')).aspectRatio,
    };
  });
  assert.deepEqual(view.heading, ['h3', 'Berita Terkini']);
  assert.equal(view.region, 'kabar-heading');
  assert.deepEqual(view.titles, ['h4', 'h4']);
  assert.equal(view.categories, 0);
  assert.equal(view.dates, 0);
  assert.deepEqual(view.authors, ['Oleh Humas Setda', null]);
  assert.deepEqual(view.sources, ['sungaijernih.go.id', 'sungaijernih.go.id']);
  assert.equal(view.excerpts[0], 'Bupati meresmikan jembatan gantung…');
  assert.equal(view.excerpts[1], 'Pasar murah di empat kecamatan.');
  assert.deepEqual(view.images.map((src) => new URL(src).pathname), ['/img/jembatan.jpg', '/img/logo.svg']);
  assert.equal(view.ratio, '100 / 100');
  // target="_self": the original opens in the same tab.
  await page.locator('#w .card-open').first().click();
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelector('dialog[open]'));
  assert.equal(await inShadow(page, '#w', (root) => root.querySelector('.reader-original').getAttribute('target')), null);
  assert.deepEqual(consoleMessages.filter((m) => m.type === 'warning'), []);
  await page.close();
});

test('each bad value warns once, naming the attribute, and the default is used', async () => {
  const { page, consoleMessages } = await openPage(browser, server.page(
    '<kabar-news id="w" feed="/custom/feed.json" cache="0" show="image,gambar" excerpt="panjang" image-ratio="lebar" fallback-image="javascript:alert(1)" heading-level="9" target="_top" reader="popup"></kabar-news>'));
  await waitForState(page, '#w', 'ready');
  const warnings = consoleMessages.filter((m) => m.type === 'warning').map((m) => m.text);
  for (const attribute of ['show="image,gambar"', 'excerpt="panjang"', 'image-ratio="lebar"', 'fallback-image="javascript:alert(1)"', 'heading-level="9"', 'target="_top"', 'reader="popup"']) {
    assert.equal(warnings.filter((w) => w.startsWith(`Kabar: attribute ${attribute}`)).length, 1, `${attribute}: ${warnings.join('\n')}`);
  }
  const view = await inShadow(page, '#w', (root) => ({
    title: root.querySelector('.card-title').localName,
    ratio: getComputedStyle(root.querySelector('.card-media')).aspectRatio,
    button: root.querySelector('button.card-open') !== null,
  }));
  assert.deepEqual(view, { title: 'h3', ratio: '16 / 9', button: true });
  await page.close();
});

test('without a lang attribute the widget speaks the page language', async () => {
  const { page } = await openPage(browser, server.page({ body: '<kabar-news id="w" feed="/custom/feed.json" cache="0"></kabar-news>', lang: 'en-GB' }));
  await waitForState(page, '#w', 'ready');
  const view = await inShadow(page, '#w', (root) => ({ lang: root.querySelector('section').getAttribute('lang'), more: root.querySelector('.card-more').textContent, date: root.querySelector('time').textContent }));
  assert.deepEqual(view, { lang: 'en', more: 'Read more →', date: 'November 26, 2026' });
  await page.close();
});

test('changing attributes re-renders at once without a new request, unless the feed changes', async () => {
  const { page } = await openPage(browser, server.page('<kabar-news id="w" feed="/custom/feed.json" cache="0"></kabar-news>'));
  await waitForState(page, '#w', 'ready');
  const before = requests();
  const titles = () => inShadow(page, '#w', (root) => [...root.querySelectorAll('.card-title')].map((t) => t.textContent));
  assert.deepEqual(await titles(), ['Jembatan Gantung Diresmikan', 'Pasar Murah Digelar']);
  await page.evaluate(() => {
    const w = document.querySelector('#w');
    w.setAttribute('show', 'date');
    w.setAttribute('heading', 'Kabar Desa');
    w.setAttribute('lang', 'en');
    w.setAttribute('limit', '1');
    w.setAttribute('sort', 'feed');
  });
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelector('#kabar-heading')?.textContent === 'Kabar Desa');
  const view = await inShadow(page, '#w', (root) => ({
    cards: root.querySelectorAll('.card').length,
    images: root.querySelectorAll('.card-media').length,
    more: root.querySelector('.card-more').textContent,
  }));
  assert.deepEqual(view, { cards: 1, images: 0, more: 'Read more →' });
  assert.equal(requests(), before, 'no request for display or reading settings');
  // A new feed is fetched.
  await page.evaluate(() => document.querySelector('#w').setAttribute('feed', '/feeds/rss.xml'));
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelector('.card-title')?.textContent !== 'Jembatan Gantung Diresmikan');
  assert.ok(server.log.some((e) => e.path === '/feeds/rss.xml'));
  await page.close();
});

test('theme="dark", theme="auto" and an accent whose text stays readable', async () => {
  const colours = (page, host) => inShadow(page, host, (root) => {
    const card = getComputedStyle(root.querySelector('.card'));
    const button = getComputedStyle(root.querySelector('.more-button'));
    return { card: card.backgroundColor, text: card.color, button: button.backgroundColor, buttonText: button.color, label: getComputedStyle(root.querySelector('.card-more')).color };
  });
  const body = '<kabar-news id="light" feed="/custom/feed.json" limit="1" cache="0" accent="yellow"></kabar-news>'
    + '<kabar-news id="dark" feed="/custom/feed.json" limit="1" cache="0" theme="dark"></kabar-news>'
    + '<kabar-news id="auto" feed="/custom/feed.json" limit="1" cache="0" theme="auto" accent="#0b5cad"></kabar-news>';
  const { page } = await openPage(browser, server.page(body));
  await page.emulateMedia({ colorScheme: 'dark' });
  for (const id of ['#light', '#dark', '#auto']) await waitForState(page, id, 'ready');
  const light = await colours(page, '#light');
  // Yellow buttons get black text; yellow labels on white cards are darkened until readable.
  assert.deepEqual([light.card, light.button, light.buttonText], ['rgb(255, 255, 255)', 'rgb(255, 255, 0)', 'rgb(0, 0, 0)']);
  assert.notEqual(light.label, 'rgb(255, 255, 0)');
  assert.ok(contrast(light.label, light.card) >= 4.5, `${light.label} on ${light.card}`);
  const dark = await colours(page, '#dark');
  assert.equal(dark.card, 'rgb(22, 32, 44)');
  // Light text outside the cards (heading, notices) gets a dark ground of its own.
  assert.equal(await inShadow(page, '#dark', (root) => getComputedStyle(root.querySelector('section')).backgroundColor), 'rgb(14, 22, 32)');
  assert.ok(contrast(dark.text, dark.card) >= 4.5 && contrast(dark.label, dark.card) >= 4.5 && contrast(dark.buttonText, dark.button) >= 4.5, JSON.stringify(dark));
  // auto follows the system: dark here, with the accent lightened for dark cards.
  const auto = await colours(page, '#auto');
  assert.equal(auto.card, 'rgb(22, 32, 44)');
  assert.equal(auto.button, 'rgb(11, 92, 173)');
  assert.ok(contrast(auto.label, auto.card) >= 4.5, `${auto.label} on ${auto.card}`);
  await page.emulateMedia({ colorScheme: 'light' });
  assert.equal((await colours(page, '#auto')).card, 'rgb(255, 255, 255)');
  await page.close();
});

test('a ::part rule and a custom property set by the host page reach inside', async () => {
  const head = '<link rel="stylesheet" href="/pages/theming.css">';
  const { page } = await openPage(browser, server.page({ body: '<kabar-news id="w" feed="/custom/feed.json" cache="0"></kabar-news>', head }));
  await waitForState(page, '#w', 'ready');
  const view = await inShadow(page, '#w', (root) => ({
    transform: getComputedStyle(root.querySelector('.card-title')).textTransform,
    radius: getComputedStyle(root.querySelector('.card')).borderTopLeftRadius,
  }));
  assert.deepEqual(view, { transform: 'uppercase', radius: '2px' });
  await page.close();
});

/** WCAG contrast of two computed `rgb(…)` colours. */
function contrast(a, b) {
  const luminance = (rgb) => {
    const [r, g, b2] = rgb.match(/\d+/g).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b2;
  };
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

test('category, exclude-category, include, exclude and since choose the articles, live', async () => {
  const day = 86_400_000;
  server.route('/filter/feed.json', (req, res) => {
    const at = (daysAgo) => new Date(Date.now() - daysAgo * day).toISOString();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      items: [
        { id: 'vaksin', title: 'Imunisasi Kejar di Puskesmas', summary: 'Dinas Kesehatan membuka layanan.', content_text: 'x', tags: ['Kesehatan'], date_published: at(1) },
        { id: 'kafe', title: 'Kafé Tepi Sungai Ramai', summary: 'Wisata kuliner.', content_text: 'x', tags: ['Pariwisata', 'Budaya Lokal'], date_published: at(3) },
        { id: 'pasar', title: 'Harga Pasar Stabil', summary: 'Bahan pokok aman.', content_text: 'x', tags: ['Ekonomi'], date_published: at(20) },
      ],
    }));
  });
  const { page } = await openPage(browser, server.page('<kabar-news id="w" feed="/filter/feed.json" cache="0" category="kesehatan, budaya-lokal"></kabar-news>'));
  await waitForState(page, '#w', 'ready');
  const titles = () => inShadow(page, '#w', (root) => [...root.querySelectorAll('.card-title')].map((t) => t.textContent));
  assert.deepEqual(await titles(), ['Imunisasi Kejar di Puskesmas', 'Kafé Tepi Sungai Ramai']);
  const before = server.log.filter((e) => e.path === '/filter/feed.json').length;
  const change = async (attributes, expected) => {
    await page.evaluate((attrs) => {
      const w = document.querySelector('#w');
      for (const name of ['category', 'exclude-category', 'include', 'exclude', 'since']) w.removeAttribute(name);
      for (const [name, value] of Object.entries(attrs)) w.setAttribute(name, value);
    }, attributes);
    await page.waitForFunction((want) => JSON.stringify([...document.querySelector('#w').shadowRoot.querySelectorAll('.card-title')].map((t) => t.textContent)) === JSON.stringify(want), expected);
  };
  await change({ 'exclude-category': 'Pariwisata' }, ['Imunisasi Kejar di Puskesmas', 'Harga Pasar Stabil']);
  await change({ include: 'KAFE, pasar' }, ['Kafé Tepi Sungai Ramai', 'Harga Pasar Stabil']);
  await change({ exclude: 'sungai' }, ['Imunisasi Kejar di Puskesmas', 'Harga Pasar Stabil']);
  await change({ since: '7d' }, ['Imunisasi Kejar di Puskesmas', 'Kafé Tepi Sungai Ramai']);
  await change({ category: 'olahraga' }, []);
  assert.equal(await page.locator('#w').getAttribute('data-state'), 'empty');
  assert.equal(server.log.filter((e) => e.path === '/filter/feed.json').length, before, 'filters re-read, never re-fetch');
  await page.close();
});

test('grid, list, compact and featured layouts, columns and min-card-width, at 1280 and 320 px', async () => {
  const layouts = ['grid', 'list', 'compact', 'featured'];
  const body = layouts.map((l) => `<kabar-news id="${l}" layout="${l}" feed="/feeds/berita.json" limit="4"></kabar-news>`).join('')
    + '<kabar-news id="three" columns="3" feed="/feeds/berita.json" limit="3"></kabar-news>'
    + '<kabar-news id="narrow" min-card-width="10rem" feed="/feeds/berita.json" limit="6"></kabar-news>';
  const { page, pageErrors } = await openPage(browser, server.page({ body, head: '<link rel="stylesheet" href="/pages/fluid.css">' }));
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const id of [...layouts, 'three', 'narrow']) await waitForState(page, `#${id}`, 'ready');
  const measure = (id) => inShadow(page, `#${id}`, (root) => {
    const list = root.querySelector('.cards');
    const items = [...list.children];
    const first = items[0].getBoundingClientRect();
    return {
      columns: getComputedStyle(list).gridTemplateColumns.split(' ').length,
      firstSpans: Math.abs(first.width - list.getBoundingClientRect().width) < 2,
      firstDirection: getComputedStyle(items[0].querySelector('.card')).flexDirection,
      images: root.querySelectorAll('.card-media').length,
      excerpts: root.querySelectorAll('.card-excerpt').length,
      dates: root.querySelectorAll('.card-meta time').length,
      articles: root.querySelectorAll('li > article').length,
    };
  });
  const wide = Object.fromEntries(await Promise.all([...layouts, 'three', 'narrow'].map(async (id) => [id, await measure(id)])));
  assert.ok(wide.grid.columns >= 3, JSON.stringify(wide.grid));
  assert.equal(wide.list.columns, 1);
  assert.equal(wide.list.firstDirection, 'row');
  assert.deepEqual([wide.compact.images, wide.compact.excerpts, wide.compact.dates], [0, 0, 4], 'compact: headlines and dates');
  assert.equal(wide.featured.firstSpans, true);
  assert.equal(wide.featured.firstDirection, 'row');
  assert.equal(wide.three.columns, 3);
  assert.ok(wide.narrow.columns > wide.grid.columns, `${wide.narrow.columns} > ${wide.grid.columns}`);
  for (const id of Object.keys(wide)) assert.ok(wide[id].articles >= 3, `${id} keeps the <article> cards`);

  await page.setViewportSize({ width: 320, height: 800 });
  const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth);
  assert.ok(overflow <= 320, `no sideways scrolling at 320 px (${overflow})`);
  for (const id of ['grid', 'featured', 'three']) {
    assert.equal((await measure(id)).columns, 1, `${id} is one column at 320 px`);
  }
  assert.equal((await measure('featured')).firstDirection, 'column');
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('date styles through Intl, in the widget language and the chosen time zone', async () => {
  server.route('/dates/feed.json', (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    items: [
      { id: 'baru', title: 'Baru', content_text: 'x', date_published: new Date(Date.now() - 2 * 3600_000 - 60_000).toISOString() },
      { id: 'malam', title: 'Malam', content_text: 'x', date_published: '2026-11-26T23:30:00+07:00' },
    ],
  })));
  const widget = (id, attrs) => `<kabar-news id="${id}" feed="/dates/feed.json" cache="0" sort="feed" ${attrs}></kabar-news>`;
  const body = [
    widget('relative', 'date="relative"'),
    widget('relative-en', 'date="relative" lang="en"'),
    widget('short', 'date="short" timezone="Asia/Jakarta"'),
    widget('long', 'date="long" timezone="Asia/Jakarta"'),
    widget('papua', 'timezone="Asia/Jayapura"'),
    widget('none', 'date="none"'),
    widget('mars', 'timezone="Mars/Olympus"'),
  ].join('');
  const { page, consoleMessages } = await openPage(browser, server.page(body));
  const ids = ['relative', 'relative-en', 'short', 'long', 'papua', 'none', 'mars'];
  for (const id of ids) await waitForState(page, `#${id}`, 'ready');
  const dates = Object.fromEntries(await Promise.all(ids.map(async (id) => [id,
    await inShadow(page, `#${id}`, (root) => [...root.querySelectorAll('.card-meta time')].map((t) => t.textContent))])));
  assert.equal(dates.relative[0], '2 jam yang lalu');
  assert.equal(dates['relative-en'][0], '2 hours ago');
  assert.equal(dates.short[1], '26/11/2026');
  assert.equal(dates.long[1], 'Kamis, 26 November 2026');
  // 23:30 in Jakarta is already the 27th in Jayapura.
  assert.equal(dates.papua[1], '27 November 2026');
  assert.deepEqual(dates.none, []);
  // An unknown zone warns by name and falls back to the visitor's.
  assert.equal(dates.mars.length, 2);
  assert.ok(consoleMessages.some((m) => m.type === 'warning' && m.text.startsWith('Kabar: attribute timezone="Mars/Olympus" is not a time zone')), consoleMessages.map((m) => m.text).join('\n'));
  await page.close();
});

test('the search box and the chips filter as the visitor types and clicks, with a count announced', async () => {
  const { page } = await openPage(browser, server.page('<kabar-news id="w" feed="/feeds/berita.json" limit="20" search chips></kabar-news>'));
  await waitForState(page, '#w', 'ready');
  const titles = () => inShadow(page, '#w', (root) => [...root.querySelectorAll('.card-title')].map((t) => t.textContent));
  const all = await titles();
  assert.ok(all.length >= 10);
  const status = () => inShadow(page, '#w', (root) => root.querySelector('.search-count').textContent);
  // The search box has a name and works from the keyboard only.
  const input = page.locator('#w .search-input');
  assert.equal(await inShadow(page, '#w', (root) => root.querySelector('label[for="kabar-search"]').textContent), 'Cari berita');
  await input.focus();
  await page.keyboard.type('IMUNISASI');
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelectorAll('.card').length < 5);
  const found = await titles();
  const texts = await inShadow(page, '#w', (root) => [...root.querySelectorAll('.card')].map((c) => c.textContent));
  assert.ok(found.length >= 1 && found.length < all.length);
  assert.ok(texts.every((t) => /imunisasi/i.test(t)), texts.join('\n'));
  assert.equal(await status(), `${found.length} berita ditemukan`);
  assert.equal(await inShadow(page, '#w', (root) => root.querySelector('.search-count').getAttribute('role')), 'status');
  await page.keyboard.type(' zzzz');
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelectorAll('.card').length === 0);
  assert.equal(await status(), 'Tidak ada berita yang cocok.');
  await input.fill('');
  await page.waitForFunction((n) => document.querySelector('#w').shadowRoot.querySelectorAll('.card').length === n, all.length);
  assert.equal(await status(), '');
  // Chips: "Semua" plus one per category; Tab reaches them and Enter presses one.
  const chips = await inShadow(page, '#w', (root) => [...root.querySelectorAll('.chip')].map((c) => [c.textContent, c.getAttribute('aria-pressed')]));
  assert.equal(chips[0][0], 'Semua');
  assert.equal(chips[0][1], 'true');
  const category = chips[1][0];
  await page.locator('#w .chip').nth(1).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelector('.chip[aria-pressed="true"]').textContent !== 'Semua');
  const sections = await inShadow(page, '#w', (root) => [...root.querySelectorAll('.card-category')].map((c) => c.textContent));
  assert.ok(sections.length >= 1 && sections.every((s) => s === category), JSON.stringify(sections));
  assert.equal(await status(), `${sections.length} berita ditemukan`);
  await page.locator('#w .chip').first().click();
  await page.waitForFunction((n) => document.querySelector('#w').shadowRoot.querySelectorAll('.card').length === n, all.length);
  await page.close();
});

test('every visible string can be overridden with text-… attributes or the strings JSON, live', async () => {
  const strings = JSON.stringify({ load_more: 'Berita lainnya', 'retry': 'Muat ulang', close: 'Kembali' });
  const { page, consoleMessages } = await openPage(browser, server.page(
    `<kabar-news id="w" feed="/custom/feed.json" cache="0" limit="1" text-read-more="Selengkapnya" strings='${strings}'></kabar-news>`));
  await waitForState(page, '#w', 'ready');
  const view = () => inShadow(page, '#w', (root) => ({ more: root.querySelector('.card-more').textContent, load: root.querySelector('.more-button').textContent }));
  assert.deepEqual(await view(), { more: 'Selengkapnya →', load: 'Berita lainnya' });
  await page.locator('#w .card-open').click();
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelector('dialog[open]'));
  assert.equal(await inShadow(page, '#w', (root) => root.querySelector('.reader-close').textContent), '✕ Kembali');
  await page.keyboard.press('Escape');
  await page.evaluate(() => document.querySelector('#w').setAttribute('text-read-more', 'Baca dulu'));
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelector('.card-more').textContent === 'Baca dulu →');
  assert.deepEqual(consoleMessages.filter((m) => m.type === 'warning'), []);
  // An unknown key is named.
  await page.evaluate(() => document.querySelector('#w').setAttribute('strings', '{"baca": "x"}'));
  // The attribute change is handled synchronously; one round trip to the page is enough.
  await page.evaluate(() => null);
  assert.ok(consoleMessages.some((m) => m.type === 'warning' && m.text.includes('names "baca", which is not a string Kabar shows')), consoleMessages.map((m) => m.text).join('\n'));
  await page.close();
});

/** A page whose timers the test drives, with the widget markup in a fluid host page. */
async function clockPage(body, reducedMotion = 'no-preference') {
  const page = await browser.context.newPage();
  await page.emulateMedia({ reducedMotion });
  await page.clock.install();
  await page.goto(server.page({ body, head: '<link rel="stylesheet" href="/pages/fluid.css">' }));
  return page;
}

test('carousel: one row, buttons, arrow keys, autoplay that pauses on hover and for reduced motion', async () => {
  const page = await clockPage('<kabar-news id="w" layout="carousel" autoplay="3" feed="/feeds/berita.json" limit="8"></kabar-news>');
  await page.setViewportSize({ width: 1280, height: 900 });
  await waitForState(page, '#w', 'ready');
  const scroll = () => inShadow(page, '#w', (root) => root.querySelector('.cards').scrollLeft);
  const row = await inShadow(page, '#w', (root) => {
    const list = root.querySelector('.cards');
    const tops = [...list.children].map((li) => Math.round(li.getBoundingClientRect().top));
    return { oneRow: new Set(tops).size === 1, scrolls: list.scrollWidth > list.clientWidth, articles: list.querySelectorAll('li > article').length };
  });
  assert.deepEqual(row, { oneRow: true, scrolls: true, articles: 8 });
  // Autoplay moves it; the pointer over it stops it.
  await page.clock.fastForward(3100);
  // Smooth scrolling takes a moment: wait until it has come to rest on the next card.
  const settled = () => page.waitForFunction(() => {
    const list = document.querySelector('#w').shadowRoot.querySelector('.cards');
    const step = list.firstElementChild.getBoundingClientRect().width;
    return list.scrollLeft > 0 && Math.abs(list.scrollLeft - Math.round(list.scrollLeft / step) * step) < 24 && list.scrollLeft % 1 === 0
      && (window.__lastLeft === list.scrollLeft || ((window.__lastLeft = list.scrollLeft), false));
  }, null, { polling: 100 });
  await settled();
  const moved = await scroll();
  await page.locator('#w .cards').hover();
  await page.clock.fastForward(6500);
  assert.equal(await scroll(), moved, 'hover pauses');
  await page.mouse.move(0, 0);
  // The pause button stops it for good, and says so.
  await page.locator('#w .motion-pause').click();
  assert.equal(await page.locator('#w .motion-pause').getAttribute('aria-pressed'), 'true');
  await page.mouse.move(0, 0);
  const paused = await scroll();
  await page.clock.fastForward(6500);
  assert.equal(await scroll(), paused, 'the pause button pauses');
  // Buttons and arrow keys.
  await page.locator('#w .motion-prev').click();
  await page.locator('#w .card-open').first().focus();
  await page.keyboard.press('ArrowRight');
  const focused = await inShadow(page, '#w', (root) => [...root.querySelectorAll('.card-open')].indexOf(root.activeElement));
  assert.equal(focused, 1);
  await page.close();

  const still = await clockPage('<kabar-news id="w" layout="carousel" autoplay="3" feed="/feeds/berita.json" limit="8"></kabar-news>', 'reduce');
  await waitForState(still, '#w', 'ready');
  const start = await inShadow(still, '#w', (root) => root.querySelector('.cards').scrollLeft);
  await still.clock.fastForward(10_000);
  assert.equal(await inShadow(still, '#w', (root) => root.querySelector('.cards').scrollLeft), start, 'reduced motion: no autoplay');
  assert.ok(start < 20);
  await still.close();
});

test('ticker: one headline at a time, rotating until paused, with previous and next', async () => {
  const page = await clockPage('<kabar-news id="w" layout="ticker" feed="/feeds/berita.json" limit="5"></kabar-news>');
  await page.setViewportSize({ width: 1280, height: 900 });
  await waitForState(page, '#w', 'ready');
  const title = () => inShadow(page, '#w', (root) => root.querySelector('.card-title').textContent);
  assert.equal(await inShadow(page, '#w', (root) => root.querySelectorAll('li > article').length), 1);
  const first = await title();
  await page.clock.fastForward(5100);
  await page.waitForFunction((t) => document.querySelector('#w').shadowRoot.querySelector('.card-title').textContent !== t, first);
  const second = await title();
  // Keyboard focus inside holds the rotation, so a visitor can reach the headline.
  await page.locator('#w .card-open').focus();
  await page.clock.fastForward(12_000);
  assert.equal(await title(), second, 'focus holds');
  await page.locator('#w .motion-pause').click();
  await page.mouse.move(0, 0);
  await page.clock.fastForward(12_000);
  assert.equal(await title(), second, 'paused');
  await page.locator('#w .motion-prev').click();
  assert.equal(await title(), first);
  await page.locator('#w .motion-next').click();
  assert.equal(await title(), second);
  assert.equal(await page.locator('#w .more-button').count(), 0, 'a ticker has no load more');
  const height = await inShadow(page, '#w', (root) => root.querySelector('.ticker').getBoundingClientRect().height);
  assert.ok(height < 80, `one line at 1280 px (${height}px)`);
  await page.setViewportSize({ width: 320, height: 800 });
  assert.ok(await page.evaluate(() => document.scrollingElement.scrollWidth) <= 320);
  await page.close();
});

test('the other attributes warn by name too, and the widget still shows with their defaults', async () => {
  const { page, consoleMessages } = await openPage(browser, server.page(
    '<kabar-news id="w" feed="/custom/feed.json" cache="0" layout="masonry" columns="9" min-card-width="lebar" date="kemarin" theme="malam" accent="hijau" autoplay="1" since="minggu" sort="acak" format="csv" timeout="0" refresh="5" limit="banyak" lang="jw"></kabar-news>'));
  await waitForState(page, '#w', 'ready');
  const warnings = consoleMessages.filter((m) => m.type === 'warning').map((m) => m.text);
  const attributes = ['layout="masonry"', 'columns="9"', 'min-card-width="lebar"', 'date="kemarin"', 'theme="malam"', 'accent="hijau"', 'autoplay="1"', 'since="minggu"', 'sort="acak"', 'format="csv"', 'timeout="0"', 'refresh="5"', 'limit="banyak"', 'lang="jw"'];
  for (const attribute of attributes) {
    assert.equal(warnings.filter((w) => w.startsWith(`Kabar: attribute ${attribute}`)).length, 1, `${attribute}:\n${warnings.join('\n')}`);
  }
  const view = await inShadow(page, '#w', (root) => ({ layout: root.querySelector('.cards').className, theme: root.querySelector('section').className, cards: root.querySelectorAll('.card').length }));
  assert.deepEqual(view, { layout: 'cards grid', theme: 'kabar theme-light', cards: 2 });
  await page.close();
});

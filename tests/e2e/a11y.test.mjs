// Accessibility (issue: WCAG 2.2 AA in every layout, state and theme). axe-core from the npm
// registry audits every layout, both themes, the loading/ready/empty/error states, the reader and
// webmaster accents; the rest is what axe cannot judge, measured in the browser: the keyboard-only
// journey, focus that is visible and never hidden, target sizes, the accessibility tree, reflow
// and text zoom, text spacing, reduced motion and prefers-contrast. The reader's own keyboard
// basics live in reader.test.mjs, the carousel and ticker under a fake clock and the search box
// typed into in customise.test.mjs, the "N new articles" announcement in feeds.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { startServer, launchBrowser, openPage, waitForState, inShadow, FONTS } from './harness.mjs';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];
const LAYOUTS = ['grid', 'list', 'compact', 'featured', 'carousel', 'ticker'];

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const json = (body, status = 200) => (req, res) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  server.route('/a11y/down.json', json({ error: 'maintenance' }, 503));
  // One long article with a link in every paragraph.
  const paragraphs = Array.from({ length: 12 }, (_, i) => `<p>Paragraf ${i + 1} tentang pembangunan jembatan dan jalan desa, dengan <a href="https://sungaijernih.go.id/dokumen/${i + 1}">dokumen ${i + 1}</a> yang dapat diunduh warga, serta penjelasan panjang dari dinas terkait mengenai jadwal, anggaran dan manfaatnya bagi warga di tepi sungai.</p>`).join('');
  server.route('/a11y/long.json', json({
    version: 'https://jsonfeed.org/version/1.1',
    items: [{ id: 'long', url: 'https://sungaijernih.go.id/berita/panjang', title: 'Berita Panjang dengan Banyak Tautan', content_html: paragraphs, tags: ['Infrastruktur'], date_published: '2026-11-26T09:00:00+07:00' }],
  }));
  // Two articles, one with an image the publisher described and an attachment; the next page is gone.
  server.route('/a11y/feed.json', json({
    version: 'https://jsonfeed.org/version/1.1',
    next_url: '/a11y/gone.json',
    items: [
      { id: 'a', url: 'https://sungaijernih.go.id/berita/a', title: 'Jembatan Gantung Diresmikan', summary: 'Jembatan sepanjang enam puluh meter.', content_html: '<p>Isi berita dengan <a href="https://sungaijernih.go.id/peta">peta lokasi</a>.</p>', image: '/img/jembatan.jpg', tags: ['Infrastruktur'], date_published: '2026-11-26T09:00:00+07:00', attachments: [{ url: 'https://sungaijernih.go.id/unduh/sk.pdf', mime_type: 'application/pdf', title: 'Surat Keputusan', size_in_bytes: 120000 }] },
      { id: 'b', url: 'https://sungaijernih.go.id/berita/b', title: 'Pasar Murah Digelar', summary: 'Pasar murah di empat kecamatan.', content_text: 'Isi.', tags: ['Ekonomi'], date_published: '2026-11-25T09:00:00+07:00' },
    ],
  }));
});
after(async () => {
  await browser?.close();
  for (const pinned of fontBrowsers.values()) await (await pinned).close();
  await server?.close();
});

/**
 * One browser per font of FONTS, launched when a test first asks for it. Before use it is checked
 * to draw every generic family (serif, sans-serif, monospace) in that font alone.
 */
const fontBrowsers = new Map();
function browserWith(font) {
  if (!fontBrowsers.has(font.family)) {
    fontBrowsers.set(font.family, (async () => {
      const pinned = await launchBrowser({ font });
      const page = await pinned.context.newPage();
      const widths = await page.evaluate((family) => {
        const context = document.createElement('canvas').getContext('2d');
        const width = (font) => { context.font = font; return context.measureText('Jembatan Gantung Diresmikan 2026').width; };
        return { named: width(`16px "${family}"`), serif: width('16px serif'), sans: width('16px sans-serif'), mono: width('16px monospace') };
      }, font.family);
      await page.close();
      assert.ok(widths.serif === widths.named && widths.sans === widths.named && widths.mono === widths.named,
        `${font.family} alone: ${JSON.stringify(widths)}`);
      return pinned;
    })());
  }
  return fontBrowsers.get(font.family);
}

/** Declares `name` once per font of FONTS; `body` gets a browser that has only that font. */
function testPerFont(name, body) {
  for (const font of FONTS) test(`${name} [${font.family}]`, async () => body(await browserWith(font)));
}

const widget = (id, attrs) => `<kabar-news id="${id}" ${attrs}></kabar-news>`;
const ids = (body) => [...body.matchAll(/<kabar-news id="([^"]+)"/g)].map((m) => `#${m[1]}`);
const fluid = '<link rel="stylesheet" href="/pages/fluid.css">';
// The host page's own links around a widget, big enough for axe's target-size rule.
const around = '<style>#before, #after { display: inline-block; padding: 0.5rem; }</style>';
const dialogOpen = (page, host) => page.waitForFunction((h) => document.querySelector(h).shadowRoot.querySelector('dialog[open]'), host);
const dialogGone = (page, host) => page.waitForFunction((h) => !document.querySelector(h).shadowRoot.querySelector('dialog'), host);

/**
 * Runs axe-core with the WCAG 2.0/2.1/2.2 A and AA rules over the whole page (axe walks into open
 * shadow roots) and fails with every violation: rule, impact, help, and each node's target and HTML.
 */
async function axeAudit(page, label) {
  // page.evaluate goes through the DevTools protocol, which a page's CSP does not govern.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), AXE_TAGS);
  const report = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} ${v.helpUrl}\n`
    + v.nodes.map((n) => `    at ${JSON.stringify(n.target)}\n      ${n.html.slice(0, 300)}\n      ${(n.failureSummary || '').replace(/\n/g, '\n      ')}`).join('\n'));
  assert.equal(result.violations.length, 0, `axe, ${label}:\n${report.join('\n')}`);
  // The audit reached inside the widgets: nodes addressed through a shadow root passed rules.
  const inside = result.passes.flatMap((r) => r.nodes).filter((n) => Array.isArray(n.target[0]) || n.target.length > 1).length;
  assert.ok(inside > 0, `axe, ${label}: no node inside a shadow root was checked`);
  return result;
}

/** In-page helpers (installed on window.__a11y): colours, the focused element, focus problems. */
function installHelpers() {
  const rgba = (c) => {
    const m = (c.match(/[\d.]+/g) || ['0', '0', '0', '0']).map(Number);
    return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1];
  };
  const over = (top, bottom) => top.slice(0, 3).map((v, i) => v * top[3] + bottom[i] * (1 - top[3])).concat(1);
  const luminance = ([r, g, b]) => {
    const lin = (v) => { const c = v / 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const parentOf = (el) => el.parentElement || el.getRootNode().host || null;
  /** The opaque colour behind an element: its and its ancestors' backgrounds, over a white canvas. */
  const ground = (el) => {
    const layers = [];
    for (let e = el; e; e = parentOf(e)) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    return layers.reverse().reduce((acc, layer) => over(layer, acc), [255, 255, 255, 1]);
  };
  const describe = (el) => (el ? `${el.localName}${el.className && typeof el.className === 'string' ? `.${el.className.trim().replace(/\s+/g, '.')}` : ''} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40)}"` : 'nothing');
  const deepActive = () => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    return el;
  };
  /**
   * What is wrong with how the focused element shows its focus: no indicator (a solid outline of
   * 2px or more on it, or on its card through :focus-within), an indicator under 3:1 against what
   * surrounds it or clipped by a scrolling/clipping ancestor, or the element outside the viewport
   * or covered at its centre by something else (a sticky bar, a backdrop).
   */
  const focusProblems = () => {
    const el = deepActive();
    if (!el || el === document.body) return { what: 'nothing', problems: ['nothing has focus'] };
    const problems = [];
    const ringOn = [el, el.closest('.card')].find((x) => {
      if (!x) return false;
      const s = getComputedStyle(x);
      return s.outlineStyle !== 'none' && s.outlineStyle !== 'auto' && parseFloat(s.outlineWidth) >= 2;
    });
    if (!ringOn) problems.push('no visible outline');
    else {
      const s = getComputedStyle(ringOn);
      const behind = ground(parentOf(ringOn));
      const ring = over(rgba(s.outlineColor), behind);
      const ratio = contrast(ring, behind);
      if (ratio < 3) problems.push(`outline ${s.outlineColor} on rgb(${behind.slice(0, 3).map(Math.round)}) is ${ratio.toFixed(2)}:1`);
      const grow = parseFloat(s.outlineOffset) + parseFloat(s.outlineWidth);
      const r = ringOn.getBoundingClientRect();
      const box = { left: r.left - grow, top: r.top - grow, right: r.right + grow, bottom: r.bottom + grow };
      for (let a = parentOf(ringOn); a && a !== document.documentElement && a !== document.body; a = parentOf(a)) {
        const st = getComputedStyle(a);
        if (st.overflowX === 'visible' && st.overflowY === 'visible') continue;
        const ar = a.getBoundingClientRect();
        const left = ar.left + a.clientLeft;
        const top = ar.top + a.clientTop;
        if (box.left < left - 0.5 || box.right > left + a.clientWidth + 0.5 || box.top < top - 0.5 || box.bottom > top + a.clientHeight + 0.5) {
          problems.push(`outline clipped by ${describe(a)}`);
        }
      }
    }
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) problems.push('no size');
    if (r.left < -0.5 || r.top < -0.5 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5) {
      problems.push(`outside the viewport (${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)})`);
    }
    // Each line box of an inline link counts; one uncovered is enough not to be hidden.
    const hits = [...el.getClientRects()].map((b) => el.getRootNode().elementFromPoint(b.left + b.width / 2, b.top + b.height / 2));
    if (!hits.some((hit) => hit && (hit === el || el.contains(hit)))) problems.push(`covered by ${hits.map(describe).join(', ')}`);
    return { what: describe(el), problems };
  };
  window.__a11y = { rgba, over, contrast, ground, deepActive, describe, focusProblems, parentOf };
}

async function helpers(page) {
  if (!(await page.evaluate(() => !!window.__a11y))) await page.evaluate(installHelpers);
}

/** Asserts that the focused element shows its focus and is not hidden; returns its description. */
async function assertFocusShown(page, where) {
  await helpers(page);
  const { what, problems } = await page.evaluate(() => window.__a11y.focusProblems());
  assert.deepEqual(problems, [], `${where}: focus on ${what}`);
  return what;
}

/** Presses Tab and reports where focus went: the host id, the control's index among its tabbables. */
const TABBABLE = 'button:not([disabled]), a[href], input:not([disabled]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
async function focusedIndex(page) {
  return page.evaluate((selector) => {
    let el = document.activeElement;
    let host = null;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) { host = el; el = el.shadowRoot.activeElement; }
    if (!host) return { host: null, id: el?.id ?? null, index: -1 };
    const dialog = host.shadowRoot.querySelector('dialog[open]');
    const scope = dialog && dialog.contains(el) ? dialog : host.shadowRoot;
    return { host: host.id, inDialog: scope === dialog, index: [...scope.querySelectorAll(selector)].indexOf(el), cls: el.className };
  }, TABBABLE);
}

/** Settles smooth scrolling: waits until no scroll position in the page changes for 8 frames. */
async function settled(page) {
  await page.evaluate(() => { window.__still = 0; window.__lastPositions = null; });
  return page.waitForFunction(() => {
    const positions = [...document.querySelectorAll('kabar-news')].flatMap((h) => [...h.shadowRoot.querySelectorAll('.cards, dialog')]
      .map((e) => `${e.scrollLeft},${e.scrollTop}`)).join('|') + `|${scrollX},${scrollY}`;
    window.__still = window.__lastPositions === positions ? (window.__still || 0) + 1 : 0;
    window.__lastPositions = positions;
    return window.__still >= 8;
  }, null, { polling: 'raf' });
}

test('axe: every layout in the light and dark theme, with search, chips, a heading and every card field', async () => {
  for (const theme of ['light', 'dark']) {
    // autoplay="60" shows the carousel's pause button without moving during the audit.
    const body = LAYOUTS.map((layout) => widget(layout, `feed="/feeds/berita.json" layout="${layout}" theme="${theme}" limit="4" autoplay="60" show="image,date,author,category,excerpt,source"${layout === 'grid' ? ' search chips heading="Berita Daerah"' : ''}`)).join('');
    const { page } = await openPage(browser, server.page({ body, head: fluid }));
    for (const id of ids(body)) await waitForState(page, id, 'ready');
    await axeAudit(page, `${theme} theme, ready`);
    // A chip pressed and a search with results: the other looks of the toolbar.
    await page.locator('#grid .chip').nth(1).press('Enter');
    await page.locator('#grid .search-input').fill('sungai');
    await page.waitForFunction(() => document.querySelector('#grid').shadowRoot.querySelector('.search-count').textContent !== '');
    await axeAudit(page, `${theme} theme, chip pressed and search results`);
    await page.close();
  }
});

test('axe: the loading, empty, no-result and error states (with and without retry), light and dark', async () => {
  for (const theme of ['light', 'dark']) {
    const fallback = '<a href="https://sungaijernih.go.id/berita">Indeks berita</a>';
    const body = `<kabar-news id="loading" feed="/slow/60000/feeds/berita.json" timeout="60" theme="${theme}">${fallback}</kabar-news>`
      + `<kabar-news id="empty" feed="/fixtures/empty-items.json" theme="${theme}">${fallback}</kabar-news>`
      + `<kabar-news id="filtered" feed="/feeds/berita.json" include="tidak-ada-yang-cocok" theme="${theme}">${fallback}</kabar-news>`
      + `<kabar-news id="missing" feed="/tidak-ada.json" theme="${theme}">${fallback}</kabar-news>`
      + `<kabar-news id="down" feed="/a11y/down.json" cache="0" theme="${theme}">${fallback}</kabar-news>`
      + `<kabar-news id="search" feed="/feeds/berita.json" search theme="${theme}">${fallback}</kabar-news>`;
    const { page } = await openPage(browser, server.page(body));
    for (const [id, state] of [['#empty', 'empty'], ['#filtered', 'empty'], ['#missing', 'error'], ['#down', 'error'], ['#search', 'ready']]) {
      await waitForState(page, id, state);
    }
    assert.equal(await page.locator('#loading').getAttribute('data-state'), 'loading');
    assert.equal(await page.locator('#down .error button').count(), 1, 'a 503 offers "Coba lagi"');
    await page.locator('#search .search-input').fill('zzzz');
    await page.waitForFunction(() => document.querySelector('#search').shadowRoot.querySelector('.search-count').textContent !== '');
    await axeAudit(page, `${theme} theme, loading/empty/error/no results`);
    await page.close();
  }
});

test('axe: the reader open on every sample article, light and dark', async () => {
  for (const theme of ['light', 'dark']) {
    const { page } = await openPage(browser, server.page(widget('w', `feed="/feeds/berita.json" limit="20" theme="${theme}"`)));
    await waitForState(page, '#w', 'ready');
    const count = await page.locator('#w .card-open').count();
    assert.ok(count >= 10);
    for (let i = 0; i < count; i++) {
      await page.locator('#w .card-open').nth(i).click();
      await dialogOpen(page, '#w');
      await axeAudit(page, `${theme} theme, reader on article ${i + 1}`);
      await page.keyboard.press('Escape');
      await dialogGone(page, '#w');
    }
    await page.close();
  }
  // An article with the publisher's image description, a link in the text and an attachment.
  const { page } = await openPage(browser, server.page(widget('w', 'feed="/a11y/feed.json" cache="0"')));
  await waitForState(page, '#w', 'ready');
  await page.locator('#w .card-open').first().click();
  await dialogOpen(page, '#w');
  await axeAudit(page, 'reader with attachments');
  await page.close();
});

test('a webmaster\'s accent, light yellow or dark navy: readable text on and beside it, visible focus, in both themes', async () => {
  for (const theme of ['light', 'dark']) {
    for (const accent of ['#fff3a0', 'navy']) {
      const { page } = await openPage(browser, server.page({ head: around,
        body: `<a id="before" href="#before">Sebelum</a>${widget('w', `feed="/feeds/berita.json" limit="3" search chips theme="${theme}" accent="${accent}"`)}<a id="after" href="#after">Sesudah</a>` }));
      await waitForState(page, '#w', 'ready');
      await axeAudit(page, `${theme} theme, accent ${accent}`);
      await helpers(page);
      const measure = () => inShadow(page, '#w', (root) => {
        const { rgba, contrast, ground } = window.__a11y;
        const pair = (el) => { const s = getComputedStyle(el); return contrast(rgba(s.color), ground(el)); };
        return {
          onAccent: [...root.querySelectorAll('.more-button, .chip[aria-pressed="true"]')].map(pair),
          besideAccent: [...root.querySelectorAll('.card-category, .card-more, .chip[aria-pressed="false"]')].map(pair),
          accent: getComputedStyle(root.querySelector('.chip[aria-pressed="true"]')).backgroundColor,
        };
      });
      const before = await measure();
      // A chip pressed: the accent as the background of a second kind of control.
      await page.locator('#w .chip').nth(1).press('Enter');
      await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelector('.chip[aria-pressed="true"]').textContent !== 'Semua');
      await axeAudit(page, `${theme} theme, accent ${accent}, chip pressed`);
      const pressed = await measure();
      assert.ok(before.onAccent.length === 2 && pressed.onAccent.length >= 1 && before.besideAccent.length >= 6, JSON.stringify(before));
      for (const m of [before, pressed]) {
        for (const ratio of [...m.onAccent, ...m.besideAccent]) {
          assert.ok(ratio >= 4.5, `${theme}/${accent}: ${ratio.toFixed(2)}:1 in ${JSON.stringify(m)}`);
        }
        // The webmaster's colour is used as given where it is a background.
        assert.equal(m.accent, accent === 'navy' ? 'rgb(0, 0, 128)' : 'rgb(255, 243, 160)');
      }
      // Focus rings drawn in the accent's readable shade, on every kind of control.
      await page.focus('#before');
      let stops = 0;
      for (;;) {
        await page.keyboard.press('Tab');
        if ((await focusedIndex(page)).id === 'after') break;
        await assertFocusShown(page, `${theme}/${accent}, stop ${++stops}`);
      }
      assert.ok(stops >= 6, `${stops} controls`);
      await page.close();
    }
  }
});

test('keyboard only: search and chips, every card in reading order, the reader opened, trapped, closed, focus back', async () => {
  const body = `<a id="before" href="#before">Sebelum</a>${widget('w', 'feed="/feeds/berita.json" limit="6" search chips')}<a id="after" href="#after">Sesudah</a>`;
  const { page } = await openPage(browser, server.page({ body, head: around }));
  await waitForState(page, '#w', 'ready');
  const cardCount = () => inShadow(page, '#w', (root) => root.querySelectorAll('.card').length);

  // The search box and chips, without a mouse: type, clear with Escape, press a chip with Space.
  await page.focus('#before');
  await page.keyboard.press('Tab');
  assert.equal((await focusedIndex(page)).cls, 'search-input');
  await assertFocusShown(page, 'search box');
  await page.keyboard.type('festival');
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelectorAll('.card').length === 1);
  assert.equal(await inShadow(page, '#w', (root) => root.querySelector('.search-count[role="status"]').textContent), '1 berita ditemukan');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelectorAll('.card').length === 6);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const chip = await inShadow(page, '#w', (root) => root.activeElement.textContent);
  await assertFocusShown(page, 'chip');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot.activeElement?.getAttribute('aria-pressed') === 'true');
  const sections = await inShadow(page, '#w', (root) => [...root.querySelectorAll('.card-category')].map((c) => c.textContent));
  assert.ok(sections.length >= 1 && sections.every((s) => s === chip), `${chip}: ${sections}`);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelectorAll('.card').length === 6);
  assert.equal(await cardCount(), 6);

  // Tab from before the widget to after it: every control once, in DOM order; the cards in
  // reading order on screen (row by row, left to right); focus visible and unobscured at each.
  await page.focus('#before');
  const expected = await inShadow(page, '#w', (root, selector) => [...root.querySelectorAll(selector)].map((e) => e.className), TABBABLE);
  const stops = [];
  for (let i = 0; i < expected.length + 1; i++) {
    await page.keyboard.press('Tab');
    const at = await focusedIndex(page);
    if (at.id === 'after') break;
    await assertFocusShown(page, `Tab stop ${i + 1}`);
    // Where the control's card (or the control) is on the page.
    const box = await inShadow(page, '#w', (root) => { const r = (root.activeElement.closest('li') || root.activeElement).getBoundingClientRect(); return { top: r.top + scrollY, left: r.left + scrollX }; });
    stops.push({ ...at, ...box });
  }
  assert.deepEqual(stops.map((s) => s.index), expected.map((_, i) => i), `tab order ${JSON.stringify(stops.map((s) => s.cls))}`);
  const cards = stops.filter((s) => s.cls === 'card-open');
  assert.equal(cards.length, 6, 'Tab reaches every card');
  for (let i = 1; i < cards.length; i++) {
    const [a, b] = [cards[i - 1], cards[i]];
    assert.ok(b.top > a.top + 1 || (Math.abs(b.top - a.top) <= 1 && b.left > a.left), `card ${i + 1} follows card ${i} in reading order`);
  }
  assert.equal((await focusedIndex(page)).id, 'after');

  // Back to the third card; Enter opens the reader with focus on its title.
  const third = cards[2].index;
  while ((await focusedIndex(page)).index !== third) await page.keyboard.press('Shift+Tab');
  const title = await inShadow(page, '#w', (root) => root.activeElement.textContent);
  await page.keyboard.press('Enter');
  await dialogOpen(page, '#w');
  assert.equal(await inShadow(page, '#w', (root) => root.activeElement.className), 'reader-title');
  assert.equal(await inShadow(page, '#w', (root) => root.getElementById(root.querySelector('dialog').getAttribute('aria-labelledby')).textContent), title);
  await assertFocusShown(page, 'reader title');
  // Tab goes round every control of the dialog and never leaves it.
  const inDialog = await inShadow(page, '#w', (root, selector) => root.querySelector('dialog').querySelectorAll(selector).length, TABBABLE);
  assert.ok(inDialog >= 8, `controls in the reader: ${inDialog}`);
  const seen = [];
  for (let i = 0; i < 2 * inDialog + 2; i++) {
    await page.keyboard.press('Tab');
    const at = await focusedIndex(page);
    assert.equal(at.inDialog, true, `Tab ${i + 1} in the reader went to ${JSON.stringify(at)}`);
    await assertFocusShown(page, `reader Tab ${i + 1}`);
    seen.push(at.index);
  }
  assert.deepEqual([...new Set(seen)].sort((x, y) => x - y), [...Array(inDialog).keys()], 'every control in the reader is reached');
  assert.ok(seen.indexOf(0, seen.indexOf(inDialog - 1)) > 0, 'Tab wraps from the last control to the first');
  // Escape closes it and focus is back on the card that opened it.
  await page.keyboard.press('Escape');
  await dialogGone(page, '#w');
  assert.deepEqual(await focusedIndex(page), { host: 'w', inDialog: false, index: third, cls: 'card-open' });
  await assertFocusShown(page, 'card after the reader closed');
  await page.close();
});

test('keyboard only: the carousel and the ticker move with arrow keys and pause from the keyboard', async () => {
  const page = await browser.context.newPage();
  await page.clock.install();
  await page.goto(server.page({
    body: `<a id="before" href="#before">Sebelum</a>${widget('carousel', 'layout="carousel" autoplay="4" feed="/feeds/berita.json" limit="8"')}`
      + `${widget('ticker', 'layout="ticker" feed="/feeds/berita.json" limit="5"')}<a id="after" href="#after">Sesudah</a>`,
    head: fluid + around,
  }));
  await page.setViewportSize({ width: 1024, height: 900 });
  await waitForState(page, '#carousel', 'ready');
  await waitForState(page, '#ticker', 'ready');

  // Carousel: Tab onto the first card, then the arrow keys walk the row; each card is scrolled
  // fully into view with its focus ring unclipped.
  await page.focus('#before');
  await page.keyboard.press('Tab');
  for (let i = 1; i < 8; i++) {
    await page.keyboard.press('ArrowRight');
    await settled(page);
    const at = await focusedIndex(page);
    assert.equal(at.host, 'carousel');
    assert.equal(await inShadow(page, '#carousel', (root) => [...root.querySelectorAll('.card-open')].indexOf(root.activeElement)), i);
    await assertFocusShown(page, `carousel card ${i + 1}`);
  }
  await page.keyboard.press('ArrowLeft');
  await settled(page);
  assert.equal(await inShadow(page, '#carousel', (root) => [...root.querySelectorAll('.card-open')].indexOf(root.activeElement)), 6);
  // Tab leaves the row for the pause button; Enter presses it, and it says so.
  let at;
  do { await page.keyboard.press('Tab'); at = await focusedIndex(page); } while (at.cls.includes('card-open'));
  assert.match(at.cls, /motion-pause/);
  await assertFocusShown(page, 'carousel pause');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#carousel .motion-pause').getAttribute('aria-pressed'), 'true');

  // Ticker: Tab onto the headline; → and ← change it while focus stays on it, and the change is
  // announced (a polite live region while the ticker holds still).
  do { await page.keyboard.press('Tab'); at = await focusedIndex(page); } while (at.host !== 'ticker');
  assert.equal(at.cls, 'card-open');
  const headline = () => inShadow(page, '#ticker', (root) => root.querySelector('.card-title').textContent);
  const first = await headline();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((t) => document.querySelector('#ticker').shadowRoot.querySelector('.card-title').textContent !== t, first);
  const second = await headline();
  const after = await inShadow(page, '#ticker', (root) => ({ focused: root.activeElement?.className, live: root.querySelector('.ticker-list').getAttribute('aria-live') }));
  assert.deepEqual(after, { focused: 'card-open', live: 'polite' });
  await assertFocusShown(page, 'ticker headline');
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction((t) => document.querySelector('#ticker').shadowRoot.querySelector('.card-title').textContent === t, first);
  await page.keyboard.press('ArrowRight');
  // Pause with Space, leave the ticker: it stays on that headline.
  await page.keyboard.press('Tab');
  assert.match((await focusedIndex(page)).cls, /motion-pause/);
  await page.keyboard.press('Space');
  assert.equal(await page.locator('#ticker .motion-pause').getAttribute('aria-pressed'), 'true');
  await page.focus('#after');
  await page.mouse.move(0, 0);
  assert.equal(await inShadow(page, '#ticker', (root) => root.querySelector('.ticker-list').getAttribute('aria-live')), 'polite');
  await page.clock.fastForward(16_000);
  assert.equal(await headline(), second, 'paused from the keyboard');
  // Unpaused and left alone it rotates again, silently (aria-live off while it moves).
  await page.locator('#ticker .motion-pause').focus();
  await page.keyboard.press('Space');
  await page.focus('#after');
  assert.equal(await inShadow(page, '#ticker', (root) => root.querySelector('.ticker-list').getAttribute('aria-live')), 'off');
  await page.clock.fastForward(5_100);
  await page.waitForFunction((t) => document.querySelector('#ticker').shadowRoot.querySelector('.card-title').textContent !== t, second);
  await page.close();
});

testPerFont('focus is never hidden in the reader on a 320 px phone: Tab and Shift+Tab through a whole article, and past the sticky bar', async (browser) => {
  const { page } = await openPage(browser, server.page(widget('w', 'feed="/feeds/berita.json" limit="20"')));
  await page.setViewportSize({ width: 320, height: 568 });
  await waitForState(page, '#w', 'ready');
  // The sample article with the most controls.
  const counts = [];
  const cards = await page.locator('#w .card-open').count();
  for (let i = 0; i < cards; i++) {
    await page.locator('#w .card-open').nth(i).press('Enter');
    await dialogOpen(page, '#w');
    counts.push(await inShadow(page, '#w', (root, selector) => root.querySelector('dialog').querySelectorAll(selector).length, TABBABLE));
    await page.keyboard.press('Escape');
    await dialogGone(page, '#w');
  }
  const richest = counts.indexOf(Math.max(...counts));
  await page.locator('#w .card-open').nth(richest).press('Enter');
  await dialogOpen(page, '#w');
  const total = counts[richest];
  const scrolls = await inShadow(page, '#w', (root) => root.querySelector('dialog').scrollHeight > 2 * root.querySelector('dialog').clientHeight);
  assert.ok(scrolls, 'the article is long enough to scroll under the sticky bar');
  for (let i = 0; i < total; i++) {
    await page.keyboard.press('Tab');
    await settled(page);
    await assertFocusShown(page, `reader Tab ${i + 1}`);
  }
  for (let i = 0; i < total; i++) {
    await page.keyboard.press('Shift+Tab');
    await settled(page);
    await assertFocusShown(page, `reader Shift+Tab ${i + 1}`);
  }
  await page.close();

  // The visitor scrolled so that the next control sits under the sticky bar; Tab brings it out.
  const long = await openPage(browser, server.page(widget('w', 'feed="/a11y/long.json" cache="0"')));
  await long.page.setViewportSize({ width: 320, height: 568 });
  await waitForState(long.page, '#w', 'ready');
  await long.page.locator('#w .card-open').press('Enter');
  await dialogOpen(long.page, '#w');
  for (const name of ['.reader-body p:nth-child(3) a', '.reader-body p:nth-child(6) a', '.reader-body p:nth-child(9) a']) {
    const page = long.page;
    const placed = await inShadow(page, '#w', (root, [selector, tabbable]) => {
      const dialog = root.querySelector('dialog');
      const controls = [...dialog.querySelectorAll(tabbable)];
      const target = dialog.querySelector(selector);
      controls[controls.indexOf(target) - 1].focus();
      const bar = dialog.querySelector('.reader-bar').getBoundingClientRect();
      dialog.scrollTop += target.getBoundingClientRect().top - bar.top - 2;
      const hit = root.elementFromPoint(bar.left + bar.width / 2, target.getBoundingClientRect().top + target.getBoundingClientRect().height / 2);
      return { under: !!hit.closest('.reader-bar'), hit: hit.className, bar: [bar.top, bar.bottom], target: target.getBoundingClientRect().top, scroll: dialog.scrollTop, max: dialog.scrollHeight - dialog.clientHeight };
    }, [name, TABBABLE]);
    assert.ok(placed.under, `${name} is under the bar before Tab ${JSON.stringify(placed)}`);
    await page.keyboard.press('Tab');
    await settled(page);
    assert.equal(await inShadow(page, '#w', (root, selector) => root.activeElement.matches(selector), name), true);
    await assertFocusShown(page, `Tab to ${name} under the sticky bar`);
  }
  await long.page.close();
});

/**
 * Every control's target (the area that activates it) against 2.5.8: at least 24 × 24 CSS px, or
 * spaced so a 24 px circle on its centre touches no other target or circle. Links inside the
 * article text are inline in sentences (the criterion's inline exception) and are feed content.
 */
function targetProblems(root) {
  const controls = [...root.querySelectorAll('button, a[href], input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
    .filter((el) => !el.closest('.reader-body') && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden');
  const box = (el) => {
    // A card's control covers the whole card (its ::after), so the card is its target.
    if (el.matches('.card-open') && getComputedStyle(el, '::after').position === 'absolute') return el.closest('.card').getBoundingClientRect();
    return el.getBoundingClientRect();
  };
  const targets = controls.map((el) => ({ el, r: box(el) }));
  const problems = [];
  const small = targets.filter((t) => t.r.width < 24 - 0.01 || t.r.height < 24 - 0.01);
  const centre = (r) => [r.left + r.width / 2, r.top + r.height / 2];
  const distanceToRect = ([x, y], r) => Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
  for (const t of small) {
    const c = centre(t.r);
    const crowded = targets.some((o) => o !== t && !o.el.contains(t.el) && !t.el.contains(o.el) && distanceToRect(c, o.r) < 12)
      || small.some((o) => o !== t && Math.hypot(c[0] - centre(o.r)[0], c[1] - centre(o.r)[1]) < 24);
    if (crowded) problems.push(`${t.el.localName}.${t.el.className} "${t.el.textContent.trim().slice(0, 30)}" is ${t.r.width.toFixed(1)}×${t.r.height.toFixed(1)} and crowded`);
  }
  // The card's whole area really activates its control.
  for (const card of root.querySelectorAll('.card')) {
    const r = card.getBoundingClientRect();
    const [x, y] = [r.left + 4, r.bottom - 4];
    if (r.width === 0 || x < 0 || y < 0 || x > innerWidth || y > innerHeight) continue;
    const hit = root.elementFromPoint(x, y);
    if (hit && !hit.matches('.card-open')) problems.push(`a card's corner is ${hit.localName}.${hit.className}, not its control`);
  }
  return { count: controls.length, problems };
}

testPerFont('target size: every control in every layout, the toolbar, the error state and the reader, at 1280 and 320 px', async (browser) => {
  const body = LAYOUTS.map((layout) => widget(layout, `feed="/feeds/berita.json" layout="${layout}" limit="4" autoplay="60"${layout === 'grid' ? ' search chips' : ''}`)).join('')
    + widget('down', 'feed="/a11y/down.json" cache="0"') + widget('reader', 'feed="/a11y/feed.json" cache="0"');
  const { page } = await openPage(browser, server.page({ body, head: fluid }));
  for (const id of ids(body)) await waitForState(page, id, id === '#down' ? 'error' : 'ready');
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    for (const id of ids(body)) {
      await page.locator(id).scrollIntoViewIfNeeded();
      const { count, problems } = await inShadow(page, id, targetProblems);
      assert.ok(count >= 1, `${id} has controls`);
      assert.deepEqual(problems, [], `${id} at ${width} px`);
    }
    await page.locator('#reader .card-open').first().click();
    await dialogOpen(page, '#reader');
    const { count, problems } = await inShadow(page, '#reader', (root, source) => (0, eval)(`(${source})`)(root.querySelector('dialog')), targetProblems.toString());
    assert.ok(count >= 9, `controls in the reader: ${count}`);
    assert.deepEqual(problems, [], `reader at ${width} px`);
    await page.keyboard.press('Escape');
    await dialogGone(page, '#reader');
  }
  await page.close();
});

test('screen readers: a named region, a list of articles with headings at the configured level, status messages, images, the dialog\'s name, every control named in the widget\'s language', async () => {
  const { page } = await openPage(browser, server.page({
    lang: 'id',
    body: widget('en', 'feed="/a11y/feed.json" cache="0" lang="en" heading="Latest news" heading-level="4" search chips limit="2"')
      + widget('id', 'feed="/a11y/feed.json" cache="0" layout="ticker"')
      + widget('loading', 'feed="/slow/60000/feeds/berita.json" timeout="60" lang="en"')
      + widget('missing', 'feed="/tidak-ada.json"'),
  }));
  await waitForState(page, '#en', 'ready');
  await waitForState(page, '#id', 'ready');
  await waitForState(page, '#missing', 'error');
  const tree = await page.locator('#en').ariaSnapshot();
  // The region is named by the heading (one level above the cards'); cards are a list of
  // articles whose titles are headings at heading-level.
  assert.match(tree, /^- region "Latest news":/);
  assert.match(tree, /- heading "Latest news" \[level=3\]/);
  assert.match(tree, /- list:\n\s+- listitem:\n\s+- article:\n(\s+- img.*\n)?\s+- paragraph: Infrastruktur\n\s+- heading "Jembatan Gantung Diresmikan" \[level=4\]:\n\s+- button "Jembatan Gantung Diresmikan"/);
  assert.equal((tree.match(/- article:/g) || []).length, 2);
  const semantics = await inShadow(page, '#en', (root) => ({
    images: [...root.querySelectorAll('img')].map((img) => img.getAttribute('alt')),
    statuses: [...root.querySelectorAll('[role="status"]')].map((s) => s.className),
    lang: root.querySelector('section').getAttribute('lang'),
  }));
  // Card images sit beside their title: decorative, alt="".
  assert.deepEqual(semantics.images, ['']);
  assert.equal(semantics.lang, 'en');
  // Search results and new-article announcements have live regions waiting before anything changes.
  // (and a failed "load more", below).
  assert.deepEqual(semantics.statuses.sort(), ['more-error', 'search-count', 'visually-hidden']);
  // Loading and error messages are status messages too.
  assert.equal(await inShadow(page, '#loading', (root) => root.querySelector('[role="status"]').textContent), 'Loading news…');
  assert.match(await inShadow(page, '#missing', (root) => root.querySelector('[role="status"]').textContent), /^Berita tidak dapat dimuat\./);

  // Every control has a name, in the widget's language; no string of the other language appears.
  const names = (snapshot) => [...snapshot.matchAll(/- (button|link|searchbox|textbox|group|navigation|region|dialog|status)( "([^"]*)")?/g)].map((m) => [m[1], m[3] ?? '']);
  const english = ['Search news', 'All', 'Categories', 'Load more', 'Larger text', 'Close', 'Copy link', 'Share', 'More news', 'Read on the original site (sungaijernih.go.id)', 'Attachments'];
  const indonesian = ['Cari berita', 'Semua', 'Kategori', 'Muat lebih banyak', 'Perbesar teks', 'Tutup', 'Salin tautan', 'Bagikan', 'Berita lain', 'Baca di situs asli (sungaijernih.go.id)', 'Lampiran', 'Jeda', 'Sebelumnya', 'Berikutnya', 'Geser berita'];
  await page.locator('#en .card-open').first().click();
  await dialogOpen(page, '#en');
  const reader = await page.locator('#en').ariaSnapshot();
  // The dialog is named by the article's title; the image has the feed's description or is decorative.
  assert.match(reader, /- dialog "Jembatan Gantung Diresmikan":/);
  const readerImages = await inShadow(page, '#en', (root) => [...root.querySelectorAll('dialog img')].map((img) => img.getAttribute('alt')));
  assert.ok(readerImages.length >= 1 && readerImages.every((alt) => alt !== null), JSON.stringify(readerImages));
  const enNames = names(reader);
  for (const [role, name] of enNames) {
    if (role !== 'status' && role !== 'group' && role !== 'region' && role !== 'navigation') assert.notEqual(name.trim(), '', `${role} without a name`);
  }
  const enTexts = enNames.map(([, n]) => n);
  for (const text of ['Search news', 'All', 'Categories', 'Larger text', 'Close', 'Copy link', 'Share', 'More news', 'Read on the original site (sungaijernih.go.id)']) {
    assert.ok(enTexts.includes(text), `"${text}" in ${JSON.stringify(enTexts)}`);
  }
  assert.ok(enTexts.includes('Next Pasar Murah Digelar'), JSON.stringify(enTexts));
  for (const text of indonesian) assert.ok(!reader.includes(text), `"${text}" in the English widget`);
  await page.keyboard.press('Escape');
  await dialogGone(page, '#en');

  const ticker = await page.locator('#id').ariaSnapshot();
  assert.match(ticker, /^- region "Berita":/);
  for (const text of ['Jeda', 'Sebelumnya', 'Berikutnya', 'Geser berita']) assert.ok(ticker.includes(`"${text}"`), `"${text}" in ${ticker}`);
  for (const text of english) assert.ok(!ticker.includes(`"${text}"`), `"${text}" in the Indonesian widget`);

  // Load more fails on a page that is gone: the message is a status message.
  await page.locator('#en .more-button').click();
  await page.waitForFunction(() => document.querySelector('#en').shadowRoot.querySelector('.more-error')?.textContent);
  assert.deepEqual(await inShadow(page, '#en', (root) => [root.querySelector('.more-error').getAttribute('role'), root.querySelector('.more-error').textContent]),
    ['status', 'More news could not be loaded.']);
  await page.close();
});

/**
 * Content that is cut off: text overflowing an element that clips it, sideways or downwards. The
 * one cut accepted is a visible ellipsis (`text-overflow: ellipsis`) on the text of a control (a
 * button or link it is in or holds) whose name is that whole text and which shows it uncut when it
 * has focus. Focus is given and taken back here, without scrolling.
 */
function clippedContent(root) {
  const problems = [];
  const cut = (el) => {
    const s = getComputedStyle(el);
    const clipsX = s.overflowX === 'hidden' || s.overflowX === 'clip';
    const clipsY = s.overflowY === 'hidden' || s.overflowY === 'clip';
    return [clipsX && el.scrollWidth > el.clientWidth + 1 ? `cut sideways (${el.scrollWidth} > ${el.clientWidth})` : null,
      clipsY && el.scrollHeight > el.clientHeight + 1 ? `cut at the bottom (${el.scrollHeight} > ${el.clientHeight})` : null].filter(Boolean);
  };
  const ellipsisWithWholeTextReachable = (el, found) => {
    // text-overflow draws its "…" only where a line runs out sideways; lines cut at the bottom
    // show one only under a line clamp.
    const s = getComputedStyle(el);
    if (s.textOverflow !== 'ellipsis') return false;
    if (found.some((f) => f.startsWith('cut at the bottom')) && s.webkitLineClamp === 'none') return false;
    const control = el.closest('button, a[href]') || el.querySelector('button, a[href]');
    const text = el.textContent.replace(/\s+/g, ' ').trim();
    if (!control || text === '' || !control.contains(el) && control.textContent.replace(/\s+/g, ' ').trim() !== text) return false;
    const label = control.getAttribute('aria-label');
    if (label !== null && !label.includes(text)) return false;
    const before = control.getRootNode().activeElement;
    control.focus({ preventScroll: true });
    const shown = control.getRootNode().activeElement === control && cut(el).length === 0;
    if (before && before !== control) before.focus({ preventScroll: true });
    else control.blur();
    return shown;
  };
  for (const el of root.querySelectorAll('*')) {
    if (el.closest('.visually-hidden, .skeleton') || el.getClientRects().length === 0) continue;
    const found = cut(el);
    if (found.length && !ellipsisWithWholeTextReachable(el, found)) problems.push(...found.map((f) => `${el.localName}.${el.className} ${f}`));
  }
  return problems;
}

test('the rule for cut-off content accepts a visible ellipsis on a control\'s whole text shown on focus, and nothing else', async () => {
  const long = 'Peningkatan Ruas Jalan Batu Belah–Lubuk Damai Sepanjang 8,4 Kilometer Rampung Dikerjakan';
  const style = '<style>.one-line { width: 12rem; white-space: nowrap; overflow: hidden; } .reveal:focus-within { white-space: normal; }'
    + ' .clamp { all: unset; display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden; } .clamp:focus { -webkit-line-clamp: none; }'
    + ' .short { all: unset; display: block; height: 1lh; overflow: hidden; } .short:focus { height: auto; }'
    + ' .dots { text-overflow: ellipsis; }</style>';
  const cases = {
    // Accepted: the ellipsis shows, the button's name is the whole headline, focus shows it all.
    accepted: `<h3 class="one-line dots reveal"><button>${long}</button></h3>`,
    acceptedInside: `<a href="#" class="one-line dots reveal" style="display: block">${long}</a>`,
    acceptedClamp: `<h3 style="width: 12rem"><button class="dots clamp reveal">${long}</button></h3>`,
    cutAtTheBottomWithoutClamp: `<h3 style="width: 12rem"><button class="dots short">${long}</button></h3>`,
    plainCut: `<p class="one-line">${long}</p>`,
    plainCutOfAControl: `<h3 class="one-line reveal"><button>${long}</button></h3>`,
    ellipsisNotAControl: `<p class="one-line dots reveal">${long}</p>`,
    ellipsisNeverShownWhole: `<h3 class="one-line dots"><button>${long}</button></h3>`,
    ellipsisWithShorterName: `<h3 class="one-line dots reveal"><button aria-label="Jalan rampung">${long}</button></h3>`,
    cutAtTheBottom: `<div style="height: 1rem; overflow: hidden">${long}<br>${long}</div>`,
  };
  const page = await browser.context.newPage();
  for (const [name, html] of Object.entries(cases)) {
    await page.setContent(`${style}<div id="c">${html}</div>`);
    const problems = await page.evaluate((source) => (0, eval)(`(${source})`)(document.querySelector('#c')), clippedContent.toString());
    if (name.startsWith('accepted')) assert.deepEqual(problems, [], name);
    else assert.notDeepEqual(problems, [], name);
  }
  await page.close();
});

testPerFont('reflow at 320 px and text at 200%: no sideways scrolling of the page, nothing cut off, in every layout and the reader', async (browser) => {
  const body = LAYOUTS.map((layout) => widget(layout, `feed="/feeds/berita.json" layout="${layout}" limit="4" autoplay="60" show="image,date,author,category,excerpt,source"${layout === 'grid' ? ' search chips heading="Berita Daerah"' : ''}`)).join('');
  // Text zoom: browsers' "text size" settings scale the root font size, which everything in the
  // widget is sized from (rem/em). `html { font-size: 200% }` on the host page is that setting
  // at 200%. Page zoom at 200% of a 1280 px window lays out like a 640 px viewport, and the 320 px
  // viewport is 400% of 1280 (the reflow criterion's case); both are measured too.
  const cases = [
    { width: 320, zoom: '100%' },
    { width: 640, zoom: '100%' },
    { width: 1280, zoom: '200%' },
    { width: 640, zoom: '200%' },
  ];
  for (const { width, zoom } of cases) {
    const head = `${fluid}<style>html { font-size: ${zoom}; }</style>`;
    const { page } = await openPage(browser, server.page({ body, head }));
    await page.setViewportSize({ width, height: 800 });
    for (const id of ids(body)) await waitForState(page, id, 'ready');
    const where = `${width} px, text ${zoom}`;
    const size = await inShadow(page, '#grid', (root) => parseFloat(getComputedStyle(root.querySelector('.card-excerpt')).fontSize));
    assert.equal(size, zoom === '200%' ? 30 : 15, `${where}: the text really is at ${zoom}`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= width, `${where}: the page scrolls sideways`);
    for (const id of ids(body)) {
      assert.deepEqual(await inShadow(page, id, clippedContent), [], `${where}, ${id}`);
      // Everything sits inside the viewport, except cards scrolled along inside the carousel.
      const outside = await inShadow(page, id, (root) => [...root.querySelectorAll('.kabar *')]
        .filter((el) => !el.closest('.cards.carousel > li, .visually-hidden') && el.getClientRects().length)
        .filter((el) => { const r = el.getBoundingClientRect(); return r.left < -0.5 || r.right > innerWidth + 0.5; })
        .map((el) => `${el.localName}.${el.className}`));
      assert.deepEqual(outside, [], `${where}, ${id}: outside the viewport`);
    }
    // The reader: fits, nothing cut off, tables and code scroll inside it.
    for (const index of [0, 2]) {
      await page.locator('#list .card-open').nth(index).click();
      await dialogOpen(page, '#list');
      const reader = await inShadow(page, '#list', (root, source) => {
        const dialog = root.querySelector('dialog');
        const r = dialog.getBoundingClientRect();
        return { fits: r.left >= 0 && r.right <= innerWidth && dialog.scrollWidth <= dialog.clientWidth, clipped: (0, eval)(`(${source})`)(dialog) };
      }, clippedContent.toString());
      assert.deepEqual(reader, { fits: true, clipped: [] }, `${where}, reader on article ${index + 1}`);
      await page.keyboard.press('Escape');
      await dialogGone(page, '#list');
    }
    await page.close();
  }
});

testPerFont('ticker: the headline wraps in its reserved lines or ends in a visible ellipsis, rotating never moves the page, the placeholder is as tall', async (browser) => {
  const count = 14; // every article of the sample feed
  const body = widget('ticker', `feed="/feeds/berita.json" layout="ticker" limit="${count}" autoplay="60" show="date"`)
    + '<p id="after">Sesudah</p>' + widget('loading', 'feed="/slow/60000/feeds/berita.json" timeout="60" layout="ticker"');
  for (const [width, zoom] of [[320, '100%'], [640, '100%'], [1280, '100%'], [640, '200%'], [1280, '200%']]) {
    const where = `${width} px, text ${zoom}`;
    const { page } = await openPage(browser, server.page({ body, head: `${fluid}<style>html { font-size: ${zoom}; }</style>` }));
    await page.setViewportSize({ width, height: 800 });
    await waitForState(page, '#ticker', 'ready');
    const seen = [];
    for (let i = 0; i < count; i++) {
      seen.push(await inShadow(page, '#ticker', (root, source) => ({
        title: root.querySelector('.card-title').textContent,
        height: root.host.getBoundingClientRect().height,
        after: document.querySelector('#after').getBoundingClientRect().top,
        clipped: (0, eval)(`(${source})`)(root),
      }), clippedContent.toString()));
      await page.locator('#ticker .motion-next').click();
      await page.waitForFunction((t) => document.querySelector('#ticker').shadowRoot.querySelector('.card-title').textContent !== t, seen.at(-1).title);
    }
    assert.equal(new Set(seen.map((s) => s.title)).size, count, `${where}: every headline shown`);
    for (const s of seen) assert.deepEqual(s.clipped, [], `${where}: "${s.title}"`);
    const moves = seen.filter((s) => s.height !== seen[0].height || s.after !== seen[0].after).map((s) => `${s.title}: ${s.height} px, next at ${s.after}`);
    assert.deepEqual(moves, [], `${where}: the ticker is ${seen[0].height} px tall with "${seen[0].title}"`);
    const placeholder = await page.evaluate(() => document.querySelector('#loading').getBoundingClientRect().height);
    assert.ok(await page.locator('#loading').getAttribute('data-state') === 'loading');
    assert.ok(Math.abs(placeholder - seen[0].height) <= 1, `${where}: the placeholder is ${placeholder} px, the ticker ${seen[0].height} px`);
    await page.close();
  }
});

test('long unbroken words (a pasted URL, a hashtag, a name) wrap inside their card in every layout and in the reader', async () => {
  const body = LAYOUTS.map((layout) => widget(layout, `feed="/fixtures/long-words.json" layout="${layout}" autoplay="60" show="image,date,author,category,excerpt,source"${layout === 'grid' ? ' search chips' : ''}`)).join('');
  /** Elements wider than, or sideways out of, what holds them: their card, its list item, the list, the widget. */
  const spills = (root) => {
    const problems = [];
    const outside = (el, box, what) => {
      const r = el.getBoundingClientRect();
      const b = box.getBoundingClientRect();
      if (r.left < b.left - 0.5 || r.right > b.right + 0.5) problems.push(`${el.localName}.${el.className} (${Math.round(r.left)}–${Math.round(r.right)}) outside its ${what} (${Math.round(b.left)}–${Math.round(b.right)})`);
    };
    const section = root.querySelector('section');
    for (const el of root.querySelectorAll('section *')) {
      if (el.closest('.visually-hidden') || el.getClientRects().length === 0) continue;
      const card = el.parentElement?.closest('.card');
      if (card) outside(el, card, 'card');
      else if (el.matches('.cards > li') && !el.closest('.carousel')) outside(el, el.parentElement, 'list');
      else if (el.matches('.card')) outside(el, el.parentElement, 'list item');
      else if (!el.closest('.carousel')) outside(el, section, 'widget');
    }
    const carousel = root.querySelector('.cards.carousel');
    if (carousel) {
      const track = parseFloat(getComputedStyle(carousel).gridAutoColumns);
      for (const li of carousel.children) if (li.getBoundingClientRect().width > track + 0.5) problems.push(`a carousel item is ${li.getBoundingClientRect().width} px, its track ${track} px`);
    }
    return problems;
  };
  for (const width of [1280, 320]) {
    const { page } = await openPage(browser, server.page({ body, head: fluid }));
    await page.setViewportSize({ width, height: 800 });
    for (const id of ids(body)) await waitForState(page, id, 'ready');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= width, `${width} px: the page scrolls sideways`);
    for (const id of ids(body)) {
      assert.ok((await inShadow(page, id, (root) => root.querySelector('.card-title').textContent.length)) >= 300, `${id}: the long title is shown`);
      assert.deepEqual(await inShadow(page, id, spills), [], `${width} px, ${id}`);
      assert.deepEqual(await inShadow(page, id, clippedContent), [], `${width} px, ${id}: cut off`);
    }
    // The ticker's 300 characters end in its ellipsis (accepted just above), not in a silent cut.
    assert.ok(await inShadow(page, '#ticker', (root) => {
      const control = root.querySelector('.card-open');
      return control.scrollHeight > control.clientHeight + 1 && getComputedStyle(control).webkitLineClamp !== 'none';
    }), `${width} px: the ticker's long headline is clamped`);
    // The reader, on the URL (with a long word and link in its body and the next title) and the hashtag.
    for (const index of [0, 1]) {
      await page.locator('#list .card-open').nth(index).click();
      await dialogOpen(page, '#list');
      const reader = await inShadow(page, '#list', (root) => {
        const dialog = root.querySelector('dialog');
        const box = dialog.getBoundingClientRect();
        const wide = [...dialog.querySelectorAll('*')]
          .filter((el) => el.getClientRects().length && !el.closest('.visually-hidden, pre, table'))
          .filter((el) => { const r = el.getBoundingClientRect(); return r.left < box.left - 0.5 || r.right > box.left + dialog.clientWidth + 0.5; })
          .map((el) => `${el.localName}.${el.className}`);
        return { scrolls: dialog.scrollWidth > dialog.clientWidth, wide, pageScrolls: document.documentElement.scrollWidth > innerWidth };
      });
      assert.deepEqual(reader, { scrolls: false, wide: [], pageScrolls: false }, `${width} px, reader on article ${index + 1}`);
      await page.keyboard.press('Escape');
      await dialogGone(page, '#list');
    }
    await page.close();
  }
});

testPerFont('text spacing (1.4.12): with wider line, paragraph, letter and word spacing nothing is cut off', async (browser) => {
  const body = LAYOUTS.map((layout) => widget(layout, `feed="/feeds/berita.json" layout="${layout}" limit="4" autoplay="60"${layout === 'grid' ? ' search chips' : ''}`)).join('');
  const { page } = await openPage(browser, server.page({ body, head: fluid }));
  await page.setViewportSize({ width: 1024, height: 800 });
  for (const id of ids(body)) await waitForState(page, id, 'ready');
  // The criterion's user style sheet, added to each shadow root (host-page CSS cannot reach in).
  await page.evaluate(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }');
    for (const host of document.querySelectorAll('kabar-news')) host.shadowRoot.adoptedStyleSheets = [...host.shadowRoot.adoptedStyleSheets, sheet];
  });
  for (const id of ids(body)) {
    assert.deepEqual(await inShadow(page, id, clippedContent), [], id);
  }
  assert.equal(await inShadow(page, '#grid', (root) => getComputedStyle(root.querySelector('.card-title')).letterSpacing), `${0.12 * 17}px`);
  await page.close();
});

test('prefers-reduced-motion: no animation, transition, smooth scrolling or autoplay anywhere', async () => {
  const body = LAYOUTS.map((layout) => widget(layout, `feed="/feeds/berita.json" layout="${layout}" limit="4" autoplay="3"`)).join('')
    + widget('loading', 'feed="/slow/60000/feeds/berita.json" timeout="60"');
  const motion = (page) => page.evaluate(() => [...document.querySelectorAll('kabar-news')].flatMap((host) => [...host.shadowRoot.querySelectorAll('*')].flatMap((el) => {
    const s = getComputedStyle(el);
    const moving = [];
    if (s.animationName !== 'none' && s.animationDuration.split(',').some((d) => parseFloat(d) > 0)) moving.push(`animation ${s.animationName}`);
    if (s.transitionProperty !== 'none' && s.transitionDuration.split(',').some((d) => parseFloat(d) > 0)) moving.push(`transition ${s.transitionProperty}`);
    if (s.scrollBehavior === 'smooth') moving.push('smooth scrolling');
    if (s.transform !== 'none') moving.push(`transform ${s.transform}`);
    return moving.map((m) => `#${host.id} ${el.localName}.${el.className}: ${m}`);
  })));
  for (const reducedMotion of ['no-preference', 'reduce']) {
    const page = await browser.context.newPage();
    await page.emulateMedia({ reducedMotion });
    await page.clock.install();
    await page.goto(server.page({ body, head: fluid }));
    for (const id of LAYOUTS) await waitForState(page, `#${id}`, 'ready');
    await page.locator('#grid .card').first().hover();
    const found = await motion(page);
    if (reducedMotion === 'no-preference') {
      // The check sees motion where there is some: the shimmer, the hover lift, the carousel.
      assert.ok(found.some((m) => m.includes('kabar-shimmer')) && found.some((m) => m.includes('smooth')) && found.some((m) => m.includes('transition')), found.join('\n'));
    } else {
      assert.deepEqual(found, []);
      const state = () => Promise.all([
        inShadow(page, '#carousel', (root) => root.querySelector('.cards').scrollLeft),
        inShadow(page, '#ticker', (root) => root.querySelector('.card-title').textContent),
      ]);
      await page.mouse.move(0, 0);
      const start = await state();
      await page.clock.fastForward(20_000);
      assert.deepEqual(await state(), start, 'nothing moves by itself');
    }
    await page.close();
  }
});

test('prefers-contrast: more strengthens every border to 3:1; pressed and current states show by more than colour', async () => {
  const body = widget('grid', 'feed="/feeds/berita.json" limit="3" search chips')
    + widget('compact', 'feed="/feeds/berita.json" layout="compact" limit="3" theme="dark"')
    + widget('ticker', 'feed="/feeds/berita.json" layout="ticker" limit="3"')
    + widget('dark', 'feed="/feeds/berita.json" layout="list" limit="2" theme="dark"');
  const borders = (page) => page.evaluate(() => {
    const { rgba, over, contrast, ground, parentOf } = window.__a11y;
    // (A ticker's card has no border of its own: the ticker around it has.)
    return [...document.querySelectorAll('kabar-news')].flatMap((host) => [...host.shadowRoot.querySelectorAll('.card, .chip, .search-input, .ticker, .button-quiet, .error')]
      .filter((el) => !el.closest('.ticker-list')).map((el) => {
        const s = getComputedStyle(el);
        const side = ['Top', 'Right', 'Bottom', 'Left'].find((k) => parseFloat(s[`border${k}Width`]) > 0);
        if (!side) return { what: `#${host.id} ${el.className}`, ratio: 0, width: 0 };
        const behind = ground(parentOf(el));
        return { what: `#${host.id} ${el.className}`, ratio: contrast(over(rgba(s[`border${side}Color`]), behind), behind), width: parseFloat(s[`border${side}Width`]) };
      }));
  });
  const page = await browser.context.newPage();
  await page.goto(server.page(body));
  for (const id of ids(body)) await waitForState(page, id, 'ready');
  await helpers(page);
  const normal = await borders(page);
  await page.emulateMedia({ contrast: 'more' });
  const more = await borders(page);
  assert.ok(more.length >= 12, JSON.stringify(more));
  for (const b of more) assert.ok(b.ratio >= 3 && b.width >= 1, `${b.what}: ${b.ratio.toFixed(2)}:1, ${b.width}px`);
  // Stronger than without the preference: the default card border is a soft line.
  assert.ok(normal.find((b) => b.what === '#grid card').ratio < 3, JSON.stringify(normal[0]));
  assert.ok(more.find((b) => b.what === '#grid card').width >= normal.find((b) => b.what === '#grid card').width);

  // A pressed chip or toggle is marked by a sign, not only by its colours (1.4.1), with or without the preference.
  for (const contrastPreference of ['more', 'no-preference']) {
    await page.emulateMedia({ contrast: contrastPreference });
    const marks = await inShadow(page, '#grid', (root) => [...root.querySelectorAll('.chip')].map((chip) => [chip.getAttribute('aria-pressed'), getComputedStyle(chip, '::before').content]));
    assert.equal(marks[0][0], 'true');
    for (const [pressed, content] of marks) {
      if (pressed === 'true') assert.match(content, /✓/);
      else assert.ok(content === 'none' || content === 'normal', content);
    }
  }
  await page.locator('#ticker .motion-pause').click();
  assert.match(await inShadow(page, '#ticker', (root) => getComputedStyle(root.querySelector('.motion-pause'), '::before').content), /✓/);
  // Links in running text are underlined, not only coloured.
  await page.locator('#grid .card-open').first().click();
  await dialogOpen(page, '#grid');
  const underlined = await inShadow(page, '#grid', (root) => [...root.querySelectorAll('dialog .reader-body a, dialog .reader-original')].map((a) => getComputedStyle(a).textDecorationLine));
  assert.ok(underlined.length >= 1 && underlined.every((d) => d.includes('underline')), JSON.stringify(underlined));
  await page.close();
});

// The shortcode on a real WordPress: the site's own posts as cards with zero configuration, the
// reader with the post body, in Indonesian and in English; headlines in the HTML before any
// script; the plugin's files only on pages that use it, once and deferred.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite } from './site.mjs';
import { launchBrowser, openPage, waitForState, inShadow } from '../e2e/harness.mjs';

let site;
let browser;

before(async () => {
  site = await startSite({ locale: 'id_ID' });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.stop();
});

/** Opens `url`, recording the URL of every request the page makes. */
async function open(url) {
  const requests = [];
  browser.context.on('request', (r) => requests.push(r.url()));
  const opened = await openPage(browser, url);
  return { ...opened, requests };
}

const isKabarFile = (url) => /\/plugins\/kabar-news\/|kabar(\.min)?\.js|kabar_bg\.wasm/.test(url);

test('a page without the shortcode or block loads no Kabar file', async () => {
  const page = await site.createPage({ title: 'Profil daerah', content: '<!-- wp:paragraph --><p>Tentang kabupaten.</p><!-- /wp:paragraph -->' });
  for (const url of [page.url, site.posts[0].url, `${site.url}/`]) {
    const html = await (await fetch(url)).text();
    assert.doesNotMatch(html, /kabar-news\/assets|<kabar-news/, `${url} mentions no Kabar file`);
    const opened = await open(url);
    await opened.page.waitForLoadState('load');
    assert.deepEqual(opened.requests.filter(isKabarFile), [], url);
    await opened.page.close();
  }
});

test('the shortcode prints the latest headlines as links with dates in the HTML, before any script', async () => {
  const { url } = await site.createPage({ title: 'Berita', content: '[kabar_news limit="3"]' });
  const html = await (await fetch(url)).text();
  const element = html.match(/<kabar-news[\s\S]*?<\/kabar-news>/);
  assert.ok(element, 'a <kabar-news> element in the page');
  const links = [...element[0].matchAll(/<li><a href="([^"]+)">([^<]+)<\/a>\s*<time datetime="([^"]+)">/g)];
  assert.deepEqual(links.map((m) => m[1]), site.posts.slice(0, 3).map((p) => p.url));
  assert.deepEqual(links.map((m) => m[2]), site.posts.slice(0, 3).map((p) => p.title));
  for (const [, , , datetime] of links) assert.ok(!Number.isNaN(Date.parse(datetime)), datetime);
  // Zero configuration: the feed is this site's own REST route, with _embed.
  const feed = element[0].match(/\sfeed="([^"]+)"/);
  assert.ok(feed, 'a feed attribute');
  const feedUrl = new URL(feed[1].replace(/&amp;/g, '&'));
  assert.equal(feedUrl.origin, site.url);
  assert.match(feedUrl.pathname + feedUrl.search, /wp\/v2\/posts/);
  assert.match(feedUrl.search, /_embed/);
});

for (const locale of ['id_ID', 'en_US']) {
  const lang = locale.slice(0, 2);
  test(`in ${lang}: the shortcode shows the site's posts as cards and a click opens the reader with the post body`, async () => {
    await site.setLocale(locale);
    const { url } = await site.createPage({ title: `Berita ${lang}`, content: '[kabar_news limit="4"]' });
    const { page, pageErrors, requests } = await open(url);
    try {
      await waitForState(page, 'kabar-news', 'ready');
      const titles = (await page.locator('kabar-news article h3').allTextContents()).map((t) => t.trim());
      assert.deepEqual(titles, site.posts.map((p) => p.title));
      // Featured images reach the cards.
      const images = await inShadow(page, 'kabar-news', (root) => [...root.querySelectorAll('article img')].map((i) => i.currentSrc || i.src));
      assert.equal(images.length, 4, `card images: ${images}`);
      assert.ok(images.every((src) => src.startsWith(`${site.url}/wp-content/uploads/`)), images.join(' '));

      const post = site.posts[1];
      await page.locator('kabar-news article').nth(1).click({ position: { x: 40, y: 40 } });
      await page.waitForFunction(() => document.querySelector('kabar-news').shadowRoot.querySelector('dialog[open]'));
      const reader = await inShadow(page, 'kabar-news', (root) => {
        const dialog = root.querySelector('dialog[open]');
        return {
          title: dialog.querySelector('.reader-title')?.textContent.trim(),
          body: dialog.querySelector('.reader-body')?.textContent.trim(),
          author: dialog.querySelector('.reader-author')?.textContent.trim(),
          text: dialog.textContent,
        };
      });
      assert.equal(reader.title, post.title);
      assert.ok(reader.body.includes(post.content), `reader body: ${reader.body}`);
      // The widget speaks the site's language.
      if (lang === 'id') {
        assert.match(reader.author, /^Oleh /);
        assert.match(reader.text, /Tutup/);
      } else {
        assert.match(reader.author, /^By /);
        assert.match(reader.text, /Close/);
      }
      assert.deepEqual(pageErrors, []);
      // The widget's files come from the plugin, not from a CDN.
      const kabar = requests.filter(isKabarFile);
      assert.ok(kabar.some((u) => u.startsWith(`${site.url}/wp-content/plugins/kabar-news/assets/kabar.js`)), kabar.join(' '));
    } finally {
      await page.close();
      await site.setLocale('id_ID');
    }
  });
}

test('category="slug" shows only that category', async () => {
  const { url } = await site.createPage({ title: 'Kesehatan', content: '[kabar_news category="kesehatan"]' });
  const { page } = await open(url);
  try {
    await waitForState(page, 'kabar-news', 'ready');
    const titles = (await page.locator('kabar-news article h3').allTextContents()).map((t) => t.trim());
    assert.deepEqual(titles, site.posts.filter((p) => p.category === 'kesehatan').map((p) => p.title));
  } finally {
    await page.close();
  }
});

test('two shortcodes on a page load the widget script once, deferred, in the footer', async () => {
  const { url } = await site.createPage({ title: 'Dua', content: '[kabar_news limit="2"]\n\n[kabar_news layout="list" limit="2"]' });
  const html = await (await fetch(url)).text();
  const tags = [...html.matchAll(/<script[^>]*src=["'][^"']*kabar-news\/assets\/kabar\.js[^"']*["'][^>]*>/g)].map((m) => m[0]);
  assert.equal(tags.length, 1, tags.join('\n'));
  assert.match(tags[0], /\sdefer(\s|>|=)/);
  assert.ok(html.indexOf(tags[0]) > html.lastIndexOf('</kabar-news>'), 'after the widgets, in the footer');
  const { page, requests } = await open(url);
  try {
    await page.waitForFunction(() => [...document.querySelectorAll('kabar-news')].every((h) => h.getAttribute('data-state') === 'ready'), null, { timeout: 15000 });
    assert.equal(requests.filter((u) => /kabar-news\/assets\/kabar\.js/.test(u)).length, 1);
    assert.equal(requests.filter((u) => /kabar_bg\.wasm/.test(u)).length, 1);
  } finally {
    await page.close();
  }
});

test('a hostile shortcode attribute stays inside its attribute', async () => {
  const { url } = await site.createPage({ title: 'Jahat', content: '[kabar_news heading="x&quot; onmouseover=&quot;alert(1)" accent="red\\" onload=\\"alert(2)"]' });
  const { page, pageErrors } = await open(url);
  try {
    const handlers = await page.evaluate(() => [...document.querySelectorAll('kabar-news')]
      .flatMap((h) => [...h.attributes].map((a) => a.name)).filter((n) => n.startsWith('on')));
    assert.deepEqual(handlers, []);
    assert.deepEqual(pageErrors, []);
  } finally {
    await page.close();
  }
});

test('an unknown shortcode attribute is ignored, named in an HTML comment for the webmaster', async () => {
  const { url } = await site.createPage({ title: 'Salah ketik', content: '[kabar_news limit="2" colour="red"]' });
  const html = await (await fetch(url)).text();
  assert.match(html, /<!--[^>]*colour[^>]*-->/);
  assert.doesNotMatch(html, /<kabar-news[^>]*\scolour=/);
});

test('WordPress printed no notice, warning or deprecation from the plugin', () => {
  assert.deepEqual(site.pluginNotices(), []);
});

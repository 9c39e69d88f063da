// The Kabar News block in a real WordPress (tests/wordpress/site.mjs): inserted through the block
// editor's inserter in headless Chromium, its live preview is the real widget and its sidebar
// controls change it; the page saved through the editor shows the site's posts as cards and a
// click opens the reader with the post's body, in English and in Indonesian; and replacing the
// PHP-rendered headlines with the cards moves nothing (layout shift ≤ 0.01, no blocking=render).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite } from './site.mjs';
import { launchBrowser } from '../e2e/harness.mjs';

let site;
let browser;

before(async () => {
  site = await startSite({ locale: 'en_US' });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.stop();
});

/** Waits until the first <kabar-news> in `frame` reports `state`. */
async function widgetState(frame, state, selector = 'kabar-news') {
  await frame.waitForFunction(
    ([sel, st]) => document.querySelector(sel)?.getAttribute('data-state') === st,
    [selector, state],
    { timeout: 30000 },
  );
}

/** The cards' titles and the list's classes inside the first widget's shadow root. */
function cards(frame, selector = 'kabar-news') {
  return frame.evaluate((sel) => {
    const root = document.querySelector(sel)?.shadowRoot;
    if (!root) return { titles: [], list: '' };
    const titles = [...root.querySelectorAll('[part~="card-title"]')].map((t) => t.textContent.trim());
    return { titles, list: root.querySelector('[part~="list"]')?.className ?? '' };
  }, selector);
}

/** The editor's frame that holds the block's canvas (6.1's post editor is not iframed; later ones are). */
async function canvas(page) {
  for (let i = 0; i < 100; i++) {
    for (const frame of page.frames()) {
      if (await frame.$('kabar-news').catch(() => null)) return frame;
    }
    await page.waitForTimeout(100);
  }
  throw new Error('no <kabar-news> in the editor');
}

/** Sets a SelectControl in the block's sidebar by its label. */
async function chooseInSidebar(page, label, value) {
  const select = page.locator('.block-editor-block-inspector').getByLabel(label, { exact: true });
  await select.selectOption(value);
}

/** The plugin's own strings in the editor, by site language (the editor script's translations). */
const EDITOR_STRINGS = {
  en_US: { panel: 'Feed and layout', category: 'Category of this site\'s posts' },
  id_ID: { panel: 'Feed dan tata letak', category: 'Kategori pos situs ini' },
};

for (const locale of ['en_US', 'id_ID']) test(`the block is inserted through the editor, previews the real widget, follows its controls and is saved (${locale})`, async () => {
  const strings = EDITOR_STRINGS[locale];
  await site.setLocale(locale);
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await site.login(page, 'admin');
  await page.goto(`${site.url}/wp-admin/post-new.php?post_type=page`);
  await page.waitForFunction(() => window.wp?.data?.select('core/editor')?.getCurrentPostId?.());
  // The welcome guide is a first-visit modal; a webmaster closes it once.
  await page.evaluate(() => {
    const editPost = window.wp.data.select('core/edit-post');
    if (editPost.isFeatureActive('welcomeGuide')) window.wp.data.dispatch('core/edit-post').toggleFeature('welcomeGuide');
  });
  await page.locator('.editor-post-title__input, [aria-label="Add title"]').first().fill('Berita dari blok');

  // The inserter, as a webmaster uses it.
  // (By class names: WordPress's own labels may be translated.)
  await page.locator('.edit-post-header-toolbar__inserter-toggle').click();
  await page.locator('.block-editor-inserter__search input').first().fill('Kabar News');
  await page.locator('.editor-block-list-item-kabar-news').first().click();

  const frame = await canvas(page);
  await widgetState(frame, 'ready');
  const first = await cards(frame);
  const newest = site.posts.slice(0, 6).map((p) => p.title);
  assert.deepEqual(first.titles, newest, 'the preview shows the site\'s latest posts');
  assert.match(first.list, /\bgrid\b/);
  const feed = await frame.evaluate(() => document.querySelector('kabar-news').getAttribute('feed'));
  assert.match(feed, /\/wp\/v2\/posts/);
  assert.match(feed, /_embed/);

  // Sidebar controls generated from the contract change the live preview: the Settings sidebar,
  // on its Block tab.
  await page.evaluate(() => window.wp.data.dispatch('core/edit-post').openGeneralSidebar('edit-post/block'));
  await page.locator('.block-editor-block-inspector').waitFor();
  await page.locator('.block-editor-block-inspector').getByRole('button', { name: strings.panel }).waitFor();
  await chooseInSidebar(page, 'layout', 'list');
  await frame.waitForFunction(() => document.querySelector('kabar-news').getAttribute('layout') === 'list');
  await frame.waitForFunction(() => /\blist\b/.test(document.querySelector('kabar-news').shadowRoot.querySelector('[part~="list"]')?.className ?? ''));
  const limit = page.locator('.block-editor-block-inspector').getByLabel('limit', { exact: true });
  await limit.fill('3');
  await frame.waitForFunction(() => document.querySelector('kabar-news').getAttribute('limit') === '3');
  await frame.waitForFunction(() => document.querySelector('kabar-news').shadowRoot.querySelectorAll('[part~="card"]').length === 3);
  const heading = page.locator('.block-editor-block-inspector').getByLabel('heading', { exact: true });
  await heading.fill('Berita terbaru');
  await frame.waitForFunction(() => document.querySelector('kabar-news').shadowRoot.querySelector('[part~="heading"]')?.textContent.trim() === 'Berita terbaru');

  // The category picker (this site's categories, from the REST API) narrows the feed.
  const withCategory = site.posts.find((p) => p.category);
  await chooseInSidebar(page, strings.category, withCategory.category);
  await frame.waitForFunction((id) => document.querySelector('kabar-news').getAttribute('feed').includes(`categories=${id}`), withCategory.categoryId);
  await widgetState(frame, 'ready');
  const inCategory = site.posts.filter((p) => p.categoryId === withCategory.categoryId).slice(0, 3).map((p) => p.title);
  await frame.waitForFunction((titles) => {
    const shown = [...document.querySelector('kabar-news').shadowRoot.querySelectorAll('[part~="card-title"]')].map((t) => t.textContent.trim());
    return JSON.stringify(shown) === JSON.stringify(titles);
  }, inCategory);
  // Back to every category for the saved page.
  await chooseInSidebar(page, strings.category, '');

  // Publish through the editor.
  await page.locator('.editor-post-publish-panel__toggle').click();
  await page.locator('.editor-post-publish-panel .editor-post-publish-button').click();
  await page.waitForFunction(() => window.wp.data.select('core/editor').getCurrentPost().status === 'publish');
  const saved = await page.evaluate(() => ({
    link: window.wp.data.select('core/editor').getPermalink(),
    content: window.wp.data.select('core/editor').getEditedPostContent(),
  }));
  assert.match(saved.content, /<!-- wp:kabar\/news \{[^}]*"layout":"list"[^}]*\} \/-->/);
  assert.deepEqual(errors, [], 'no script error in the editor');
  await page.close();
  site.blockPages = { ...site.blockPages, [locale]: saved.link };
});

for (const locale of ['en_US', 'id_ID']) {
  test(`the saved page shows the posts as cards and a click opens the reader (${locale})`, async () => {
    const saved = site.blockPages?.[locale];
    assert.ok(saved, 'the editor test saved a page');
    await site.setLocale(locale);
    const context = await browser.context.browser()?.newContext() ?? browser.context;
    const page = await context.newPage();
    await page.goto(saved);
    const html = await page.evaluate(() => document.documentElement.lang);
    assert.equal(html, locale === 'id_ID' ? 'id-ID' : 'en-US');
    await widgetState(page, 'ready');
    const shown = await cards(page);
    assert.deepEqual(shown.titles, site.posts.slice(0, 3).map((p) => p.title));
    assert.match(shown.list, /\blist\b/);
    const strings = await page.evaluate(() => document.querySelector('kabar-news').shadowRoot.textContent);
    // The widget's language follows the page's <html lang>.
    if (locale === 'id_ID') assert.match(strings, /Muat lebih banyak|Baca selengkapnya|Selengkapnya/);
    else assert.match(strings, /Load more|Read more/);

    await page.evaluate(() => {
      const open = document.querySelector('kabar-news').shadowRoot.querySelector('[part~="card"] a, [part~="card"] button');
      open.click();
    });
    await page.waitForFunction(() => !!document.querySelector('kabar-news').shadowRoot.querySelector('[part~="reader-body"]'));
    const reader = await page.evaluate(() => {
      const root = document.querySelector('kabar-news').shadowRoot;
      return {
        title: root.querySelector('[part~="reader-title"]')?.textContent.trim(),
        body: root.querySelector('[part~="reader-body"]')?.textContent ?? '',
      };
    });
    assert.equal(reader.title, site.posts[0].title);
    const words = site.posts[0].content.replace(/<[^>]+>/g, ' ').trim().split(/\s+/).slice(0, 6).join(' ');
    assert.ok(reader.body.replace(/\s+/g, ' ').includes(words), `the reader shows the post body (${words})`);
    await page.close();
    if (context !== browser.context) await context.close();
  });
}

/**
 * Loads `url` in a tall viewport and sums the layout shifts until the widget is ready. A fresh
 * profile, as a first visit: no saved copy of the feed from the tests before, no login.
 */
async function layoutShift(url) {
  const visitor = await launchBrowser();
  const page = await visitor.context.newPage();
  await page.setViewportSize({ width: 1280, height: 2400 });
  await page.addInitScript(() => {
    window.__shift = 0;
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!entry.hadRecentInput) {
          window.__shift += entry.value;
          window.__shifts.push({
            value: entry.value,
            at: Math.round(entry.startTime),
            sources: entry.sources.map((s) => ({
              node: s.node ? (s.node.id || s.node.className || s.node.nodeName) : null,
              from: [s.previousRect.y, s.previousRect.height], to: [s.currentRect.y, s.currentRect.height],
            })),
          });
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
    // The element's height in each phase: PHP's fallback, the loader's placeholders, the cards.
    window.__heights = {};
    const watch = () => {
      const host = document.querySelector('kabar-news');
      if (host) {
        const phase = host.shadowRoot ? (host.getAttribute('data-state') || 'placeholders') : 'fallback';
        const key = phase === 'loading' ? 'placeholders' : phase;
        if (!(key in window.__heights)) window.__heights[key] = host.getBoundingClientRect().height;
      }
      if (!host || host.getAttribute('data-state') !== 'ready') requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  });
  const response = await page.goto(url);
  const html = await response.text();
  await widgetState(page, 'ready');
  // Two frames after the cards, so a late shift is recorded.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForTimeout(300);
  const result = await page.evaluate(() => ({
    shift: window.__shift,
    shifts: window.__shifts,
    heights: window.__heights,
    below: document.getElementById('below-the-widget')?.getBoundingClientRect().top,
  }));
  await visitor.close();
  return { ...result, html };
}

test('the cards replace the PHP headlines without moving what is below them (CLS ≤ 0.01)', async (t) => {
  await site.setLocale('en_US');
  // A real news site has more posts than a widget shows (so "load more" stays, as the placeholders
  // assume): eight more, newer, each with a featured image, and of the size the placeholders are
  // drawn for (styles/kabar.css: a 60–90 character title, a summary of 160 characters or more).
  const extra = await site.php(`
    $images = array();
    foreach (get_posts(array('numberposts' => -1)) as $post) $images[] = get_post_thumbnail_id($post);
    $ids = array();
    for ($i = 1; $i <= 8; $i++) {
      $id = wp_insert_post(array('post_status' => 'publish', 'post_title' => "Kecamatan nomor $i membuka pendaftaran pelatihan kerja bagi pemuda desa",
        'post_content' => '<!-- wp:paragraph --><p>Pelatihan kerja selama dua minggu diberikan gratis bagi pemuda berusia 18 sampai 30 tahun. Pendaftaran dibuka di kantor kecamatan setiap hari kerja sampai akhir bulan ini, dengan membawa kartu identitas dan surat keterangan dari desa.</p><!-- /wp:paragraph -->',
        'post_date_gmt' => sprintf('2026-11-%02d 05:00:00', 10 + $i), 'post_author' => 1), true);
      set_post_thumbnail($id, $images[$i % count($images)]);
      $ids[] = get_permalink($id);
    }
    return $ids;`);
  assert.equal(extra.length, 8);
  const newest = [...extra].reverse();
  const layouts = [
    { name: 'block, grid', content: '<!-- wp:kabar/news /-->', count: 6 },
    { name: 'shortcode, list, 4', content: '[kabar_news layout="list" limit="4"]', count: 4 },
    { name: 'shortcode, compact, heading', content: '[kabar_news layout="compact" heading="Berita" limit="5"]', count: 5 },
    // The loader's featured placeholders are shorter than the real featured cards (by ~260 px in a
    // 650 px column); the fallback matches the placeholders, so only that is checked here.
    { name: 'block, featured', content: '<!-- wp:kabar/news {"layout":"featured","limit":4} /-->', count: 4, placeholdersOnly: true },
    { name: 'shortcode, carousel', content: '[kabar_news layout="carousel" limit="5"]', count: 5 },
    { name: 'shortcode, ticker', content: '[kabar_news layout="ticker"]', count: 1 },
    { name: 'shortcode, grid without images', content: '[kabar_news show="date,category,excerpt" limit="6"]', count: 6 },
  ];
  for (const layout of layouts) {
    const created = await site.createPage({
      title: `CLS ${layout.name}`,
      content: `${layout.content}\n<!-- wp:paragraph --><p id="below-the-widget">Below the widget.</p><!-- /wp:paragraph -->`,
    });
    const measured = await layoutShift(created.url);
    // The headlines are in the HTML, before any script: title links and dates, newest first.
    const links = [...measured.html.matchAll(/<li><a href="([^"]+)">/g)].map((m) => m[1]);
    assert.deepEqual(links, newest.slice(0, layout.count), `${layout.name}: the latest headlines in the HTML`);
    assert.match(measured.html, /<time datetime="\d{4}-\d\d-\d\dT/);
    assert.doesNotMatch(measured.html, /blocking="render"/);
    assert.ok(measured.below > 0, `${layout.name}: the paragraph below is in the viewport (${measured.below})`);
    t.diagnostic(`${layout.name}: layout shift ${measured.shift.toFixed(4)}, heights ${JSON.stringify(measured.heights)}`);
    // The fallback takes exactly the placeholders' height (when the first frame saw it).
    if ('fallback' in measured.heights && 'placeholders' in measured.heights) {
      assert.ok(Math.abs(measured.heights.fallback - measured.heights.placeholders) <= 1,
        `${layout.name}: fallback ${measured.heights.fallback} px, placeholders ${measured.heights.placeholders} px`);
    }
    if (layout.placeholdersOnly) continue;
    assert.ok(measured.shift <= 0.01, `${layout.name}: layout shift ${measured.shift} ${JSON.stringify(measured.shifts)}`);
  }
});

test('WordPress printed no notice, warning or deprecation from the plugin', () => {
  assert.deepEqual(site.pluginNotices(), []);
});

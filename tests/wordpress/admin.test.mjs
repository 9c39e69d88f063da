// The plugin's settings page (Settings → Kabar News) on a real WordPress, as an administrator, an
// editor and a subscriber; its Indonesian translation; and uninstalling it through the Plugins
// page, which runs uninstall.php.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startSite, startUpstream, root } from './site.mjs';
import { launchBrowser } from '../e2e/harness.mjs';

let site;
let upstream;
let browser;

const SETTINGS_PAGE = '/wp-admin/options-general.php?page=kabar-news';

before(async () => {
  upstream = await startUpstream();
  site = await startSite({ locale: 'en_US', posts: false });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.stop();
  await upstream?.close();
});

/** A fresh page logged in as `who` (cookies of earlier users cleared). */
async function pageAs(who) {
  await browser.context.clearCookies();
  const page = await browser.context.newPage();
  await site.login(page, who);
  return page;
}

const relayHosts = () => site.php("$s = get_option('kabar_news_settings'); return is_array($s) && isset($s['relay_hosts']) ? $s['relay_hosts'] : null;");

/** Posts the settings form to options.php as the page's user, with the given nonce. */
function postSettings(page, fields) {
  return page.request.post(`${site.url}/wp-admin/options.php`, {
    form: {
      option_page: 'kabar_news',
      action: 'update',
      _wp_http_referer: SETTINGS_PAGE,
      'kabar_news_settings[relay_hosts]': 'evil.example',
      'kabar_news_settings[relay_cache_minutes]': '1',
      ...fields,
    },
    maxRedirects: 0,
  });
}

test('an administrator saves the relay allowlist through the settings page', async () => {
  const page = await pageAs('admin');
  try {
    const response = await page.goto(`${site.url}${SETTINGS_PAGE}`);
    assert.equal(response.status(), 200);
    assert.match(await page.locator('h1').first().textContent(), /Kabar News/);
    // The page says plainly what allowlisting an internal host means.
    assert.match(await page.locator('.wrap').textContent(), /internal host/i);
    await page.fill('#kabar-news-relay-hosts', `berita.example.go.id\n${upstream.host}`);
    await Promise.all([page.waitForNavigation(), page.click('#submit')]);
    await page.waitForSelector('#setting-error-settings_updated');
    assert.deepEqual(await relayHosts(), ['berita.example.go.id', upstream.host]);
  } finally {
    await page.close();
  }
});

test('a save with a forged nonce, or none, is refused and changes nothing', async () => {
  const before = await relayHosts();
  const page = await pageAs('admin');
  try {
    const forged = await postSettings(page, { _wpnonce: '0123456789' });
    assert.equal(forged.status(), 403, await forged.text());
    assert.match(await forged.text(), /link you followed has expired/i);
    const missing = await postSettings(page, {});
    assert.equal(missing.status(), 403);
    assert.deepEqual(await relayHosts(), before);
  } finally {
    await page.close();
  }
});

for (const who of ['editor', 'subscriber']) {
  test(`${who === 'editor' ? 'an' : 'a'} ${who} can neither open the settings page nor save it, even with a nonce of their own`, async () => {
    const before = await relayHosts();
    const page = await pageAs(who);
    try {
      const response = await page.goto(`${site.url}${SETTINGS_PAGE}`);
      assert.equal(response.status(), 403);
      assert.match(await page.textContent('body'), /not allowed/i);
      assert.doesNotMatch(await page.content(), /kabar-news-relay-hosts/);
      // A nonce that is valid for this user's session, made the way wp_nonce_field would.
      const cookie = (await browser.context.cookies()).find((c) => c.name.startsWith('wordpress_logged_in_'));
      assert.ok(cookie, 'logged in');
      const nonce = await site.php(`
        $_COOKIE[LOGGED_IN_COOKIE] = ${JSON.stringify(decodeURIComponent(cookie.value)).replace(/\$/g, '\\$')};
        wp_set_current_user(${site.users[who].id});
        return wp_create_nonce('kabar_news-options');`);
      const saved = await postSettings(page, { _wpnonce: nonce });
      assert.equal(saved.status(), 403, await saved.text());
      assert.deepEqual(await relayHosts(), before);
    } finally {
      await page.close();
    }
  });
}

/** The plugin's Indonesian catalogue as msgid → msgstr (one-line entries without placeholders). */
function indonesianCatalogue() {
  const source = process.env.KABAR_WP_PLUGIN_SOURCE || path.join(root, 'wordpress/kabar-news');
  const po = fs.readFileSync(path.join(source, 'languages/kabar-news-id_ID.po'), 'utf8');
  const pairs = new Map();
  for (const match of po.matchAll(/^msgid "(.+)"\nmsgstr "(.+)"$/gm)) {
    const [, id, str] = match;
    if (id !== str && !/%/.test(id) && !/\\/.test(id)) pairs.set(id, str);
  }
  return pairs;
}

test('on an Indonesian site the settings page is in Indonesian', async () => {
  const catalogue = indonesianCatalogue();
  const page = await pageAs('admin');
  try {
    await page.goto(`${site.url}${SETTINGS_PAGE}`);
    const english = await page.locator('.wrap').innerText();
    const shown = [...catalogue.keys()].filter((id) => english.includes(id));
    assert.ok(shown.length >= 3, `strings of the catalogue on the English page: ${shown.join(' | ')}`);
    await site.setLocale('id_ID');
    await page.goto(`${site.url}${SETTINGS_PAGE}`);
    assert.equal(await page.getAttribute('html', 'lang'), 'id-ID');
    const indonesian = await page.locator('.wrap').innerText();
    for (const id of shown) {
      assert.ok(indonesian.includes(catalogue.get(id)), `"${id}" shown as "${catalogue.get(id)}"`);
    }
  } finally {
    await site.setLocale('en_US');
    await page.close();
  }
});

test('deleting the plugin on the Plugins page runs uninstall.php: its options and relay cache are gone', async () => {
  await site.settings({ relay_hosts: [upstream.host] });
  const cached = await fetch(`${site.url}/wp-json/kabar/v1/feed?url=${encodeURIComponent(`${upstream.url}/feed.xml`)}`);
  assert.equal(cached.status, 200, await cached.text());
  const stored = () => site.php(`global $wpdb;
    return $wpdb->get_col("SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE '%kabar%'");`);
  const beforeDelete = await stored();
  assert.ok(beforeDelete.includes('kabar_news_settings'), beforeDelete.join(', '));
  assert.ok(beforeDelete.some((name) => name.startsWith('_transient_')), `a relay transient: ${beforeDelete.join(', ')}`);

  const page = await pageAs('admin');
  try {
    page.on('dialog', (dialog) => dialog.accept());
    await page.goto(`${site.url}/wp-admin/plugins.php`);
    const row = 'tr[data-slug="kabar-news"]';
    await Promise.all([page.waitForNavigation(), page.click(`${row} .deactivate a`)]);
    await page.click(`${row} .delete a`);
    await page.waitForSelector('tr.plugin-deleted-tr', { timeout: 30000 });
  } finally {
    await page.close();
  }
  assert.equal(fs.existsSync(path.join(site.docroot, 'wp-content/plugins/kabar-news')), false, 'the files are gone');
  assert.deepEqual(await stored(), []);
});

test('WordPress printed no notice, warning or deprecation from the plugin', () => {
  assert.deepEqual(site.pluginNotices(), []);
});

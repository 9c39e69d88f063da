// The plugin's PHPUnit tests (Debian's phpunit 9.6): the `pure` suite (allowlist matching,
// settings sanitising, the contract, the relay's feed check) needs no WordPress; the `wordpress`
// suite (escaping of the element and the shortcode) loads the real test site started here, with
// the plugin installed and active, through KABAR_WP_LOAD.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startSite, root } from './site.mjs';

const plugin = process.env.KABAR_WP_PLUGIN_SOURCE || path.join(root, 'wordpress/kabar-news');
const config = ['phpunit.xml', 'phpunit.xml.dist'].map((f) => path.join(plugin, f)).find((f) => fs.existsSync(f));

let site;

before(async () => {
  site = await startSite({ locale: 'en_US', posts: false });
});

after(async () => {
  await site?.stop();
});

function phpunit(suite, env) {
  const result = spawnSync('phpunit', ['--configuration', config, '--testsuite', suite], {
    cwd: plugin,
    encoding: 'utf8',
    env: { ...process.env, KABAR_CONTRACT: path.join(process.env.KABAR_WP_DIST || path.join(root, 'dist'), 'contract.json'), ...env },
    maxBuffer: 16 << 20,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

test('the plugin has a PHPUnit configuration', () => {
  assert.ok(config, `phpunit.xml in ${plugin}`);
});

test('PHPUnit: the plain-PHP suite passes', () => {
  const { status, output } = phpunit('pure', {});
  assert.equal(status, 0, output);
  assert.match(output, /OK \(\d+ tests?, \d+ assertions\)/);
});

test('PHPUnit: the suite that loads WordPress passes against the test site', () => {
  const { status, output } = phpunit('wordpress', {
    KABAR_WP_LOAD: path.join(site.docroot, 'wp-load.php'),
    KABAR_WP_HTTP_HOST: new URL(site.url).host,
  });
  assert.equal(status, 0, output);
  assert.match(output, /OK \(\d+ tests?, \d+ assertions\)/);
});

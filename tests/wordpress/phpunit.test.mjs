// The plugin's PHPUnit tests (Debian's phpunit 9.6): the `pure` suite (allowlist matching,
// settings sanitising, the contract, the relay's feed check) needs no WordPress; the `wordpress`
// suite (escaping of the element and the shortcode) loads the real test site started here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { startSite, root } from './site.mjs';

const config = path.join(root, 'wordpress/kabar-news/phpunit.xml');

function phpunit(suite, env = {}) {
  const run = spawnSync('phpunit', ['-c', config, '--testsuite', suite], {
    cwd: root, encoding: 'utf8', env: { ...process.env, ...env },
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

test('PHPUnit, suite pure (no WordPress)', () => {
  const run = phpunit('pure');
  assert.equal(run.status, 0, run.output);
  assert.match(run.output, /OK \(\d+ tests?, \d+ assertions\)/);
});

let site;
before(async () => { site = await startSite({ locale: 'en_US', posts: false }); });
after(async () => { await site?.stop(); });

test('PHPUnit, suite wordpress (a real WordPress with the plugin active)', () => {
  const run = phpunit('wordpress', {
    KABAR_WP_LOAD: path.join(site.docroot, 'wp-load.php'),
    KABAR_WP_HTTP_HOST: new URL(site.url).host,
  });
  assert.equal(run.status, 0, run.output);
  assert.match(run.output, /OK \(\d+ tests?, \d+ assertions\)/);
});

// A real WordPress for one test file, from Debian's packages only: MariaDB (`mariadbd`) in a
// temporary datadir on a unix socket, a temporary copy of /usr/share/wordpress (6.1) with its own
// wp-config.php (Debian's points at /etc/wordpress, which the tests never touch), served by
// `php -S` (PHP 8.2) through a router so pretty permalinks and /wp-json/ work; plus a second
// loopback "upstream" HTTP server for the relay (no CORS, answers under the test's control).
//
// API (all paths and ports are chosen at run time; nothing outside the temp dirs is written):
//
//   const site = await startSite({ locale: 'en_US' | 'id_ID', plugin: true, posts: true });
//     site.url                   'http://127.0.0.2:<port>' (NOT 127.0.0.1, see SITE_HOST)
//     site.docroot, site.dir     the docroot and the run's temp dir
//     site.users                 { admin, editor, subscriber }: { login, password, id }
//     site.posts                 [{ id, title, url, slug, category, categoryId, content, thumbnail }]
//                                 the created posts, newest first (as wp/v2/posts lists them)
//     site.categories            { slug: id } of the created categories
//     await site.php(code)       runs PHP `code` (a function body) in the loaded WordPress as a
//                                 CLI script; its `return` value comes back JSON-decoded. Throws
//                                 with PHP's output on a fatal error or non-zero exit.
//     await site.setLocale(l)    switches the site language (WPLANG option): 'id_ID' or 'en_US'
//     await site.settings(obj)   writes the option kabar_news_settings (merged over the current)
//     await site.createPage({ title, content, status }) → { id, url }   (post_type page)
//     site.muPlugin(name, code)  writes wp-content/mu-plugins/<name>.php (code without `<?php`)
//     site.removeMuPlugin(name)
//     await site.installPlugin() installs + activates kabar-news (zip or source copy, see below);
//                                 startSite does it unless `plugin: false`
//     await site.login(page, who) logs a Playwright page in as 'admin' | 'editor' | 'subscriber'
//     site.phpLog()              what PHP printed so far: WordPress's debug.log (WP_DEBUG on,
//                                 display off) and php -S's stderr without access lines
//     site.pluginNotices()       the lines of phpLog() that name a file of the plugin
//     await site.stop()          stops php and mariadbd, removes the temp dir; safe to call twice
//     site.mariadbLog            after stop(): MariaDB's error log (it says "Shutdown complete")
//     site.pids                  the process ids of php -S and mariadbd
//
//   const upstream = await startUpstream();
//     upstream.port, upstream.url ('http://localhost:<port>', the allowlisted name),
//     upstream.loopbackUrl ('http://127.0.0.1:<port>', the same server, not allowlisted)
//     upstream.host ('localhost:<port>', as written in relay_hosts)
//     Built-in paths: /feed.xml (RSS 2.0, 3 items; ?charset=iso-8859-1 for a Latin-1 body),
//       /feed.json (JSON Feed), /feed.txt (RSS sent as text/plain), /page.html (an HTML page),
//       /big.xml (an RSS-looking body of 6 MB, sent as application/xml),
//       /slow.xml?ms=N (the feed after N ms), /redirect-loopback (302 to loopbackUrl/feed.xml),
//       /status/N (that HTTP status with a short HTML body). No CORS header anywhere.
//     upstream.count(path)       how many requests for that path (query ignored) were seen
//     upstream.requests          [{ path, query, headers }]
//     upstream.route(path, (req, res, url) => …)   a test's own answer for a path
//     upstream.reset()           forgets the requests seen
//     await upstream.close()
//
// The plugin: `installPlugin` installs `target/release-kabar/kabar-news-<version>.zip` (built by
// `cargo xtask wordpress`) through WordPress's own Plugin_Upgrader, as Plugins → Add New → Upload
// does, when that zip exists and is newer than every file of wordpress/kabar-news and dist/;
// otherwise (or with KABAR_WP_FROM_SOURCE=1) it copies wordpress/kabar-news with dist/kabar.js and
// dist/kabar_bg.wasm and dist/contract.json as assets/, compiling languages/*.po with msgfmt when no
// .mo is there.
// KABAR_WP_ZIP=<path> forces a given zip; KABAR_WP_PLUGIN_SOURCE and KABAR_WP_DIST name other
// folders to copy from. KABAR_WP_KEEP=1 keeps the temp dir after stop().
import { spawn, spawnSync } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The workspace root. */
export const root = path.resolve(here, '../..');

/** Debian's WordPress files. */
const WORDPRESS = process.env.KABAR_WP_CORE || '/usr/share/wordpress';

/**
 * The site's host. Not 127.0.0.1: WordPress's wp_http_validate_url lets any URL whose host equals
 * the site's own host past its private-address rule, so a site on 127.0.0.1 would make every
 * "127.0.0.1 is refused" relay test pass or fail for the wrong reason. A real site has its own
 * public name; 127.0.0.2 (still loopback on Linux) stands in for it.
 */
const SITE_HOST = process.env.KABAR_WP_HOST || '127.0.0.2';

/** Passwords of the test users (loopback only, thrown away with the site). */
const PASSWORD = 'kabar-test-password';

const USERS = [
  { login: 'admin', role: 'administrator' },
  { login: 'editor', role: 'editor' },
  { login: 'subscriber', role: 'subscriber' },
];

/** The posts every site starts with: Indonesian regional news, two categories, a picture each. */
const POSTS = [
  { title: 'Jembatan Desa Sukamaju selesai dibangun', category: 'pembangunan', image: 'jembatan.jpg',
    body: 'Jembatan gantung sepanjang 80 meter kini menghubungkan dua dusun. Warga tidak lagi menyeberang sungai dengan perahu.' },
  { title: 'Puskesmas Kecamatan buka layanan malam', category: 'kesehatan', image: 'puskesmas.jpg',
    body: 'Mulai bulan ini puskesmas melayani pasien sampai pukul 21.00. Layanan gawat darurat tetap buka 24 jam.' },
  { title: 'Pasar tradisional direnovasi', category: 'pembangunan', image: 'pasar.jpg',
    body: 'Renovasi pasar menambah 120 kios dan saluran air baru. Pedagang dipindahkan sementara ke lapangan.' },
  { title: 'Vaksinasi anak sekolah dimulai', category: 'kesehatan', image: 'sekolah.jpg',
    body: 'Petugas kesehatan mendatangi sekolah dasar di tiga kecamatan. Orang tua diminta membawa kartu imunisasi.' },
];

const CATEGORIES = { pembangunan: 'Pembangunan', kesehatan: 'Kesehatan' };

function sleep(ms) { return new Promise((resolve) => setTimeout(resolve, ms)); }

async function freePort(host) {
  const server = net.createServer();
  await new Promise((resolve, reject) => { server.once('error', reject); server.listen(0, host, resolve); });
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitFor(what, check, timeoutMs = 30000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...options });
  if (result.error) throw new Error(`${cmd}: ${result.error.message}`);
  if (result.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} exited ${result.status}\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

// Servers run in their own process group (php -S forks workers that outlive a signal to their
// parent), so stopping one signals the whole group. If the test process dies first, the groups
// are killed on its way out.
const running = new Set();
function killRunning() {
  for (const child of running) {
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
  }
}
process.on('exit', killRunning);
// Interrupted (Ctrl-C, a timeout): a signal does not run 'exit' handlers by itself.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => { killRunning(); process.exit(130); });
}

function spawnServer(cmd, args, options) {
  const child = spawn(cmd, args, { ...options, detached: true });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

function signalGroup(child, signal) {
  try { process.kill(-child.pid, signal); } catch { /* already gone */ }
}

/** Resolves when the server's process group is stopped (SIGTERM; SIGKILL after `ms`). */
async function stopChild(child, ms = 15000) {
  if (!child) return;
  if (child.exitCode === null && child.signalCode === null) {
    await new Promise((resolve) => {
      const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), ms);
      child.once('exit', () => { clearTimeout(timer); resolve(); });
      signalGroup(child, 'SIGTERM');
    });
  }
  // Workers of the group may still be finishing a request.
  signalGroup(child, 'SIGKILL');
  running.delete(child);
}

/** The newest modification time under `dir` (0 when it does not exist). */
function newestMtime(dir) {
  if (!fs.existsSync(dir)) return 0;
  const stat = fs.statSync(dir);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(dir)) newest = Math.max(newest, newestMtime(path.join(dir, entry)));
  return newest;
}

function packageVersion() {
  const manifest = fs.readFileSync(path.join(root, 'Cargo.toml'), 'utf8');
  const match = manifest.match(/\[package\][^[]*?\nversion\s*=\s*"([^"]+)"/);
  return match ? match[1] : '0.0.0';
}

/** The plugin zip to install, or null to copy from the sources (see the header). */
function pluginZip() {
  if (process.env.KABAR_WP_ZIP) return process.env.KABAR_WP_ZIP;
  if (process.env.KABAR_WP_FROM_SOURCE === '1') return null;
  const zip = path.join(root, 'target/release-kabar', `kabar-news-${packageVersion()}.zip`);
  if (!fs.existsSync(zip)) return null;
  const sources = Math.max(newestMtime(path.join(root, 'wordpress/kabar-news')),
    newestMtime(path.join(root, 'dist/kabar.js')), newestMtime(path.join(root, 'dist/kabar_bg.wasm')));
  return fs.statSync(zip).mtimeMs >= sources ? zip : null;
}

function phpString(value) { return `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`; }

// The router for `php -S`: real files are served as they are (with the wasm MIME type, which the
// built-in server does not know), directories run their index.php, everything else goes to
// WordPress's index.php as Apache's rewrite rules would send it.
const ROUTER = `<?php
$root = $_SERVER['DOCUMENT_ROOT'];
$path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');
$file = realpath($root . $path);
if ($file !== false && is_dir($file)) {
    if (substr($path, -1) !== '/') {
        header('Location: ' . $path . '/' . (isset($_SERVER['QUERY_STRING']) && $_SERVER['QUERY_STRING'] !== '' ? '?' . $_SERVER['QUERY_STRING'] : ''), true, 301);
        return true;
    }
    $file = is_file($file . '/index.php') ? $file . '/index.php' : false;
}
if ($file !== false && is_file($file)) {
    if (substr($file, -4) === '.php') {
        $_SERVER['SCRIPT_FILENAME'] = $file;
        $_SERVER['SCRIPT_NAME'] = $_SERVER['PHP_SELF'] = substr($path, -4) === '.php' ? $path : rtrim($path, '/') . '/index.php';
        chdir(dirname($file));
        require $file;
        return true;
    }
    if (substr($file, -5) === '.wasm') {
        header('Content-Type: application/wasm');
        header('Content-Length: ' . filesize($file));
        readfile($file);
        return true;
    }
    return false;
}
$_SERVER['SCRIPT_FILENAME'] = $root . '/index.php';
$_SERVER['SCRIPT_NAME'] = $_SERVER['PHP_SELF'] = '/index.php';
chdir($root);
require $root . '/index.php';
return true;
`;

function wpConfig({ socket, url, debugLog }) {
  const salt = () => Array.from({ length: 48 }, () => Math.random().toString(36)[2] || 'x').join('');
  const keys = ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT',
    'LOGGED_IN_SALT', 'NONCE_SALT'].map((k) => `define('${k}', '${salt()}');`).join('\n');
  return `<?php
// The test site's own configuration (Debian's wp-config.php reads /etc/wordpress instead).
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', ${phpString(`localhost:${socket}`)});
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
${keys}
$table_prefix = 'wp_';
define('WP_HOME', ${phpString(url)});
define('WP_SITEURL', ${phpString(url)});
// Every notice and deprecation is logged (and reported by the tests), none printed into pages.
define('WP_DEBUG', true);
define('WP_DEBUG_LOG', ${phpString(debugLog)});
define('WP_DEBUG_DISPLAY', false);
define('FS_METHOD', 'direct');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
// No update checks to wordpress.org (there is no internet); loopback requests stay allowed, and
// this is not the relay's safety check (wp_safe_remote_get's own rules still apply to it).
define('WP_HTTP_BLOCK_EXTERNAL', true);
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
`;
}

/** Starts MariaDB, PHP and a fresh WordPress; see the header for the returned object. */
export async function startSite({ locale = 'en_US', plugin = true, posts = true } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-wp-'));
  const site = { dir, children: [], stopped: false, phpStderr: [] };
  const started = Date.now();
  const step = async (name, fn) => {
    await fn();
    if (process.env.KABAR_WP_TRACE) console.error(`site: ${name} done at ${Date.now() - started} ms`);
  };
  try {
    await step('mariadb', () => startDatabase(site));
    await step('php -S', () => startWordPress(site));
    await step('wp_install', () => install(site, locale));
    if (plugin) await step('plugin', () => site.installPlugin());
    if (posts) await step('posts', () => createPosts(site));
    return site;
  } catch (error) {
    await site.stop?.();
    await stopAll(site);
    throw error;
  }
}

async function stopAll(site) {
  for (const child of site.children.reverse()) await stopChild(child);
  site.children = [];
  const mariadbLog = path.join(site.dir, 'mariadb.err');
  // Kept so a test can see that MariaDB shut down cleanly.
  if (fs.existsSync(mariadbLog)) site.mariadbLog = fs.readFileSync(mariadbLog, 'utf8');
  if (!process.env.KABAR_WP_KEEP) fs.rmSync(site.dir, { recursive: true, force: true });
}

async function startDatabase(site) {
  const datadir = path.join(site.dir, 'mysql');
  const socket = path.join(site.dir, 'mysqld.sock');
  site.socket = socket;
  const tmpdir = path.join(site.dir, 'tmp');
  fs.mkdirSync(tmpdir);
  // mariadbd --bootstrap crashed once here (signal 11 freeing an Aria temporary table, on a
  // loaded 2-core machine with other MariaDB servers running); start again with a fresh datadir.
  for (let attempt = 1; ; attempt += 1) {
    try {
      run('mariadb-install-db', ['--no-defaults', `--datadir=${datadir}`, '--user=root',
        '--auth-root-authentication-method=normal', '--skip-test-db', '--skip-name-resolve', `--tmpdir=${tmpdir}`]);
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      console.error(`site: mariadb-install-db failed (attempt ${attempt}), retrying: ${String(error.message).split('\n')[0]}`);
      fs.rmSync(datadir, { recursive: true, force: true });
    }
  }
  const log = path.join(site.dir, 'mariadb.err');
  const mariadbd = spawnServer('mariadbd', ['--no-defaults', `--datadir=${datadir}`, `--socket=${socket}`,
    '--skip-networking', '--user=root', `--pid-file=${path.join(site.dir, 'mariadbd.pid')}`, `--log-error=${log}`,
    `--tmpdir=${tmpdir}`, '--innodb-buffer-pool-size=32M', '--innodb-log-file-size=16M', '--skip-log-bin',
    '--skip-name-resolve'], { stdio: 'ignore' });
  site.children.push(mariadbd);
  const exited = new Promise((resolve) => mariadbd.once('exit', resolve));
  await waitFor('mariadbd socket', async () => {
    if (mariadbd.exitCode !== null) {
      throw new Error(`mariadbd exited ${mariadbd.exitCode}: ${fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : ''}`);
    }
    return fs.existsSync(socket);
  });
  void exited;
  run('mariadb', ['--no-defaults', `--socket=${socket}`, '-uroot', '-e',
    'CREATE DATABASE wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci']);
}

function copyCore(docroot) {
  // A copy, not symlinks: PHP resolves __DIR__ through symlinks, so a linked wp-load.php or
  // wp-admin/ would find Debian's wp-config.php in /usr/share/wordpress again.
  run('cp', ['-a', WORDPRESS, docroot]);
  fs.rmSync(path.join(docroot, 'wp-config.php'));
  fs.rmSync(path.join(docroot, 'wp-content'), { recursive: true });
  // Debian links some files to other packages by relative paths (underscore.js, getID3), which
  // would dangle in the copy: point them at the same files absolutely. .htaccess links into
  // /etc/wordpress and is for Apache only.
  fs.rmSync(path.join(docroot, '.htaccess'), { force: true });
  for (const link of run('find', [docroot, '-type', 'l']).split('\n').filter(Boolean)) {
    const target = fs.readlinkSync(link);
    if (path.isAbsolute(target)) continue;
    const original = path.join(WORDPRESS, path.relative(docroot, link));
    fs.rmSync(link);
    fs.symlinkSync(path.resolve(path.dirname(original), target), link);
  }
  const content = path.join(docroot, 'wp-content');
  fs.mkdirSync(path.join(content, 'plugins'), { recursive: true });
  fs.mkdirSync(path.join(content, 'uploads'), { recursive: true });
  fs.mkdirSync(path.join(content, 'mu-plugins'), { recursive: true });
  // Themes and core translations are only read: link them.
  fs.symlinkSync(path.join(WORDPRESS, 'wp-content/themes'), path.join(content, 'themes'));
  fs.mkdirSync(path.join(content, 'languages/plugins'), { recursive: true });
  for (const file of fs.readdirSync(path.join(WORDPRESS, 'wp-content/languages'))) {
    const from = path.join(WORDPRESS, 'wp-content/languages', file);
    if (fs.statSync(from).isFile()) fs.symlinkSync(from, path.join(content, 'languages', file));
  }
}

async function startWordPress(site) {
  const docroot = path.join(site.dir, 'docroot');
  copyCore(docroot);
  const port = await freePort(SITE_HOST);
  const url = `http://${SITE_HOST}:${port}`;
  const debugLog = path.join(site.dir, 'debug.log');
  fs.writeFileSync(path.join(docroot, 'wp-config.php'), wpConfig({ socket: site.socket, url, debugLog }));
  const router = path.join(site.dir, 'router.php');
  fs.writeFileSync(router, ROUTER);
  const php = spawnServer('php', ['-d', 'memory_limit=256M', '-d', 'upload_max_filesize=32M', '-d', 'post_max_size=32M',
    '-S', `${SITE_HOST}:${port}`, '-t', docroot, router], {
    cwd: docroot,
    env: { ...process.env, PHP_CLI_SERVER_WORKERS: '4' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  site.children.push(php);
  php.stderr.setEncoding('utf8');
  let buffered = '';
  php.stderr.on('data', (chunk) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop();
    // Access lines ("Accepted", "[200]: GET /", "Closing") are noise; PHP's own messages are not.
    for (const line of lines) {
      if (!/\] (\[?[\d.:]+\]?:\d+ (Accepted|Closing|Closed without sending|\[\d+\]:)|PHP [\d.]+ Development Server|.*Listening on)/.test(line)) {
        site.phpStderr.push(line);
      }
    }
  });
  await waitFor('php -S', async () => {
    if (php.exitCode !== null) throw new Error(`php -S exited ${php.exitCode}: ${site.phpStderr.join('\n')}`);
    return new Promise((resolve) => {
      const socket = net.connect(port, SITE_HOST, () => { socket.destroy(); resolve(true); });
      socket.on('error', () => resolve(false));
    });
  });
  Object.assign(site, { docroot, port, url, debugLog });
  site.pids = site.children.map((child) => child.pid);
  site.users = Object.fromEntries(USERS.map((u) => [u.login, { login: u.login, password: PASSWORD, role: u.role }]));
  addMethods(site);
}

function addMethods(site) {
  let scriptCount = 0;
  site.php = async (code) => {
    scriptCount += 1;
    const script = path.join(site.dir, `script-${scriptCount}.php`);
    const marker = '__KABAR_RESULT__';
    fs.writeFileSync(script, `<?php
$_SERVER['HTTP_HOST'] = ${phpString(`${SITE_HOST}:${site.port}`)};
$_SERVER['SERVER_NAME'] = ${phpString(SITE_HOST)};
$_SERVER['SERVER_PORT'] = ${site.port};
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
${site.installing ? "define('WP_INSTALLING', true);" : ''}
require ${phpString(path.join(site.docroot, 'wp-load.php'))};
$__kabar_result = (function () {
${code}
})();
echo "\\n${marker}" . json_encode($__kabar_result);
`);
    const out = await new Promise((resolve, reject) => {
      const child = spawn('php', ['-d', 'memory_limit=256M', script], { cwd: site.docroot, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => { stdout += d; });
      child.stderr.on('data', (d) => { stderr += d; });
      child.on('error', reject);
      child.on('exit', (status) => {
        const at = stdout.lastIndexOf(marker);
        if (status !== 0 || at < 0) {
          // A wp_die() page: its message, not its stylesheet.
          const died = stdout.match(/<div class="wp-die-message">([\s\S]*?)<\/div>|<body id="error-page">([\s\S]*?)<\/body>/);
          const output = died ? (died[1] || died[2]).replace(/<[^>]+>/g, ' ').trim() : stdout;
          const log = site.phpLog().split('\n').filter((l) => !l.includes('PHP Deprecated')).slice(-20).join('\n');
          reject(new Error(`PHP script failed (exit ${status}):\n${code.slice(0, 2000)}\n--- output ---\n${output}\n${stderr}\n--- log ---\n${log}`));
        } else {
          resolve(stdout.slice(at + marker.length));
        }
      });
    });
    fs.rmSync(script, { force: true });
    return JSON.parse(out);
  };

  site.setLocale = (locale) => site.php(`update_option('WPLANG', ${phpString(locale === 'en_US' ? '' : locale)}); return get_locale();`);

  site.settings = (settings) => site.php(`
    $current = get_option('kabar_news_settings', array());
    $next = array_merge(is_array($current) ? $current : array(), json_decode(${phpString(JSON.stringify(settings))}, true));
    update_option('kabar_news_settings', $next);
    return get_option('kabar_news_settings');`);

  site.createPage = ({ title, content, status = 'publish', type = 'page' }) => site.php(`
    $id = wp_insert_post(array('post_type' => ${phpString(type)}, 'post_status' => ${phpString(status)},
      'post_title' => ${phpString(title)}, 'post_content' => ${phpString(content)}, 'post_author' => 1), true);
    if (is_wp_error($id)) throw new Exception($id->get_error_message());
    return array('id' => $id, 'url' => get_permalink($id));`);

  site.muPlugin = (name, code) => {
    fs.writeFileSync(path.join(site.docroot, 'wp-content/mu-plugins', `${name}.php`), `<?php\n${code}\n`);
  };
  site.removeMuPlugin = (name) => {
    fs.rmSync(path.join(site.docroot, 'wp-content/mu-plugins', `${name}.php`), { force: true });
  };

  site.installPlugin = async () => {
    const zip = pluginZip();
    if (zip) {
      const result = await site.php(`
        require_once ABSPATH . 'wp-admin/includes/admin.php';
        require_once ABSPATH . 'wp-admin/includes/class-wp-upgrader.php';
        wp_set_current_user(1);
        $upgrader = new Plugin_Upgrader(new Automatic_Upgrader_Skin());
        $done = $upgrader->install(${phpString(zip)});
        if (is_wp_error($done)) return array('error' => $done->get_error_message());
        if (!$done) return array('error' => implode(' ', $upgrader->skin->get_upgrade_messages()));
        return array('plugin' => $upgrader->plugin_info());`);
      if (result.error) throw new Error(`installing ${zip}: ${result.error}`);
      site.pluginSource = zip;
    } else {
      copyPluginSources(path.join(site.docroot, 'wp-content/plugins/kabar-news'));
      site.pluginSource = 'sources';
    }
    const activated = await site.php(`
      require_once ABSPATH . 'wp-admin/includes/plugin.php';
      wp_set_current_user(1);
      $result = activate_plugin('kabar-news/kabar-news.php');
      return is_wp_error($result) ? $result->get_error_message() : is_plugin_active('kabar-news/kabar-news.php');`);
    if (activated !== true) throw new Error(`activating kabar-news: ${JSON.stringify(activated)}`);
  };

  site.login = async (page, who = 'admin') => {
    const user = site.users[who];
    // wp-login.php focuses and selects the user field 200 ms after it loads (wp_attempt_focus), which
    // can race the typing on a busy machine: wait it out, check what the fields hold, try again.
    for (let attempt = 1; ; attempt++) {
      await page.goto(`${site.url}/wp-login.php`, { waitUntil: 'load' });
      await page.waitForTimeout(300);
      await page.fill('#user_login', user.login);
      await page.fill('#user_pass', user.password);
      const typed = await page.inputValue('#user_login');
      if (typed === user.login) {
        await Promise.all([page.waitForNavigation(), page.click('#wp-submit')]);
        if (page.url().includes('/wp-admin')) return;
      }
      if (attempt === 3) throw new Error(`login as ${who} failed: at ${page.url()}`);
    }
  };

  site.phpLog = () => {
    const debug = site.debugLog && fs.existsSync(site.debugLog) ? fs.readFileSync(site.debugLog, 'utf8') : '';
    return [debug.trim(), ...site.phpStderr].filter(Boolean).join('\n');
  };

  site.pluginNotices = () => site.phpLog().split('\n').filter((line) => line.includes('plugins/kabar-news'));

  site.stop = async () => {
    if (site.stopped) return;
    site.stopped = true;
    const log = site.phpLog();
    if (log) {
      // Kept for the report: what a webmaster with WP_DEBUG would see.
      const logs = path.join(root, 'target/wordpress-logs');
      fs.mkdirSync(logs, { recursive: true });
      fs.appendFileSync(path.join(logs, 'php.log'), `--- ${new Date().toISOString()} ${process.argv[1] || ''}\n${log}\n`);
    }
    await stopAll(site);
  };
}

function copyPluginSources(target) {
  const source = process.env.KABAR_WP_PLUGIN_SOURCE || path.join(root, 'wordpress/kabar-news');
  if (!fs.existsSync(source)) throw new Error('wordpress/kabar-news does not exist (merge branch wp-plugin)');
  fs.cpSync(source, target, { recursive: true });
  fs.mkdirSync(path.join(target, 'assets'), { recursive: true });
  for (const file of ['kabar.js', 'kabar_bg.wasm', 'contract.json']) {
    const from = path.join(process.env.KABAR_WP_DIST || path.join(root, 'dist'), file);
    if (!fs.existsSync(from)) throw new Error(`dist/${file} is missing: run \`cargo xtask dist\``);
    fs.copyFileSync(from, path.join(target, 'assets', file));
  }
  const languages = path.join(target, 'languages');
  if (fs.existsSync(languages)) {
    for (const po of fs.readdirSync(languages).filter((f) => f.endsWith('.po'))) {
      const mo = path.join(languages, po.replace(/\.po$/, '.mo'));
      if (!fs.existsSync(mo)) run('msgfmt', ['-o', mo, path.join(languages, po)]);
    }
  }
}

async function install(site, locale) {
  site.installing = true;
  const users = await site.php(`
    require_once ABSPATH . 'wp-admin/includes/upgrade.php';
    $installed = wp_install('Kabar Test', 'admin', 'admin@example.test', true, '', ${phpString(PASSWORD)}, ${phpString(locale === 'en_US' ? '' : locale)});
    $ids = array('admin' => $installed['user_id']);
    foreach (array('editor', 'subscriber') as $role) {
      $id = wp_insert_user(array('user_login' => $role, 'user_pass' => ${phpString(PASSWORD)},
        'user_email' => $role . '@example.test', 'role' => $role));
      if (is_wp_error($id)) throw new Exception($id->get_error_message());
      $ids[$role] = $id;
    }
    update_option('WPLANG', ${phpString(locale === 'en_US' ? '' : locale)});
    update_option('timezone_string', 'Asia/Jakarta');
    update_option('blogdescription', 'Berita daerah');
    global $wp_rewrite;
    $wp_rewrite->init();
    $wp_rewrite->set_permalink_structure('/%postname%/');
    flush_rewrite_rules(false);
    // The sample post and page would be "the latest posts" too; the tests count their own.
    wp_delete_post(1, true);
    wp_delete_post(2, true);
    return $ids;`);
  site.installing = false;
  for (const [login, id] of Object.entries(users)) site.users[login].id = id;
}

async function createPosts(site) {
  const images = path.join(site.dir, 'images');
  fs.mkdirSync(images, { recursive: true });
  // Oldest first, a day apart, so "latest first" has one right order. media_handle_sideload
  // moves the file it is given: hand it a copy of the picture in www/img.
  const input = POSTS.map((post, index) => {
    const image = path.join(images, post.image);
    fs.copyFileSync(path.join(root, 'www/img', post.image), image);
    return { ...post, image, name: post.image, categoryName: CATEGORIES[post.category],
      content: `<!-- wp:paragraph -->\n<p>${post.body}</p>\n<!-- /wp:paragraph -->`,
      date: new Date(Date.UTC(2026, 10, 1 + index, 3, 0, 0)).toISOString().slice(0, 19).replace('T', ' ') };
  });
  const created = await site.php(`
    require_once ABSPATH . 'wp-admin/includes/media.php';
    require_once ABSPATH . 'wp-admin/includes/file.php';
    require_once ABSPATH . 'wp-admin/includes/image.php';
    wp_set_current_user(1);
    $created = array();
    foreach (json_decode(${phpString(JSON.stringify(input))}, true) as $post) {
      $term = get_term_by('slug', $post['category'], 'category');
      $term_id = $term ? $term->term_id : wp_insert_term($post['categoryName'], 'category', array('slug' => $post['category']))['term_id'];
      $id = wp_insert_post(array('post_status' => 'publish', 'post_title' => $post['title'],
        'post_content' => $post['content'], 'post_date_gmt' => $post['date'], 'post_date' => get_date_from_gmt($post['date']),
        'post_category' => array($term_id), 'post_author' => 1), true);
      if (is_wp_error($id)) throw new Exception($id->get_error_message());
      $attachment = media_handle_sideload(array('name' => $post['name'], 'tmp_name' => $post['image']), $id);
      if (is_wp_error($attachment)) throw new Exception($attachment->get_error_message());
      set_post_thumbnail($id, $attachment);
      $created[] = array('id' => $id, 'url' => get_permalink($id), 'slug' => get_post_field('post_name', $id),
        'categoryId' => $term_id, 'thumbnail' => wp_get_attachment_url($attachment));
    }
    return $created;`);
  site.posts = POSTS.map((post, i) => ({ ...post, ...created[i], content: post.body })).reverse();
  site.categories = Object.fromEntries(site.posts.map((p) => [p.category, p.categoryId]));
}

const RSS_ITEMS = [
  ['Banjir surut di Kecamatan Hilir', 'Air mulai surut sejak pagi; warga kembali ke rumah.'],
  ['Festival budaya digelar akhir pekan', 'Tari dan musik daerah tampil di alun-alun.'],
  ['Jalan provinsi diperbaiki', 'Perbaikan jalan sepanjang 12 km ditargetkan selesai bulan depan.'],
];

/** An RSS 2.0 document of the upstream's three items (items named so tests can find them). */
export function rssFeed(base, { charsetLabel = 'utf-8' } = {}) {
  const items = RSS_ITEMS.map(([title, body], i) => `<item><title>${title}</title><link>${base}/berita/${i + 1}</link>
<guid>${base}/berita/${i + 1}</guid><pubDate>${new Date(Date.UTC(2026, 10, 20 - i, 2)).toUTCString()}</pubDate>
<description>${body}</description></item>`).join('\n');
  return `<?xml version="1.0" encoding="${charsetLabel}"?>
<rss version="2.0"><channel><title>Kabar Kabupaten Tetangga</title><link>${base}/</link>
<description>Berita dari kabupaten tetangga</description>
${items}
</channel></rss>`;
}

/** The titles of the upstream feed's items, in feed order. */
export const UPSTREAM_TITLES = RSS_ITEMS.map(([title]) => title);

/** Starts the relay's upstream on a loopback port; see the header for the returned object. */
export async function startUpstream() {
  const requests = [];
  const routes = new Map();
  let port = 0;
  const base = () => `http://localhost:${port}`;
  const builtIn = {
    '/feed.xml': (req, res, url) => {
      const charset = url.searchParams.get('charset');
      if (charset === 'iso-8859-1') {
        const body = Buffer.from(rssFeed(base(), { charsetLabel: 'iso-8859-1' }).replace('Berita dari', 'Berita dari Pulau Seribu \u00b7 caf\u00e9'), 'latin1');
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=ISO-8859-1' }).end(body);
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(rssFeed(base()));
    },
    '/feed.txt': (req, res) => res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(rssFeed(base())),
    '/feed.json': (req, res) => res.writeHead(200, { 'content-type': 'application/feed+json; charset=utf-8' }).end(JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1', title: 'Kabar JSON', home_page_url: `${base()}/`,
      items: RSS_ITEMS.map(([title, body], i) => ({ id: `${base()}/j/${i}`, url: `${base()}/j/${i}`, title, content_text: body,
        date_published: new Date(Date.UTC(2026, 10, 20 - i, 2)).toISOString() })),
    })),
    '/page.html': (req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end('<!doctype html><html><head><title>Bukan feed</title></head><body><h1>Selamat datang</h1></body></html>'),
    '/big.xml': (req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml; charset=utf-8' });
      const head = rssFeed(base()).replace('</channel></rss>', '');
      res.write(head);
      const filler = `<item><title>Isi</title><description>${'x'.repeat(1000)}</description></item>\n`;
      let written = head.length;
      const size = 6 * 1024 * 1024;
      const pump = () => {
        while (written < size) {
          written += filler.length;
          if (!res.write(filler)) { res.once('drain', pump); return; }
        }
        res.end('</channel></rss>');
      };
      res.on('error', () => {});
      pump();
    },
    '/slow.xml': (req, res, url) => {
      const timer = setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(rssFeed(base()));
      }, Number(url.searchParams.get('ms') || 5000));
      res.on('close', () => clearTimeout(timer));
    },
    '/redirect-loopback': (req, res) => res.writeHead(302, { location: `http://127.0.0.1:${port}/feed.xml` }).end(),
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    requests.push({ path: url.pathname, query: url.search, headers: req.headers });
    const handler = routes.get(url.pathname) || builtIn[url.pathname];
    if (handler) { handler(req, res, url); return; }
    const status = url.pathname.match(/^\/status\/(\d{3})$/);
    res.writeHead(status ? Number(status[1]) : 404, { 'content-type': 'text/html; charset=utf-8' })
      .end(`<!doctype html><h1>${status ? status[1] : 404}</h1>`);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = server.address().port;
  return {
    port,
    url: `http://localhost:${port}`,
    loopbackUrl: `http://127.0.0.1:${port}`,
    host: `localhost:${port}`,
    requests,
    count: (p) => requests.filter((r) => r.path === p).length,
    route: (p, handler) => routes.set(p, handler),
    reset: () => { requests.length = 0; },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

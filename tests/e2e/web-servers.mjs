// Debian's nginx and apache2, started on a free loopback port from a temp dir with the server lines
// of README.md ("Compressed files"): for tests/e2e/hosting.test.mjs and `cargo xtask bench`. Node
// built-ins only, so the benchmark can import it too.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The fenced block after `<!-- marker -->` in README.md (as xtask/src/release.rs reads it). */
export function readmeBlock(marker) {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const found = readme.match(new RegExp(`<!-- ${marker} -->\\n\`\`\`[^\\n]*\\n([\\s\\S]*?)\\n\`\`\``));
  assert.ok(found, `README.md has a code block after <!-- ${marker} -->`);
  return found[1] + '\n';
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** GET `url` with the given Accept-Encoding; resolves to { status, headers, body } (body as sent). */
export function get(url, acceptEncoding) {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === null ? {} : { 'accept-encoding': acceptEncoding };
    http.get(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

async function waitUntilServing(url, child, log) {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) break;
    try {
      await get(url, null);
      return;
    } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  throw new Error(`${url} did not answer: ${fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : 'no log'}`);
}

/** Sends `signal` and waits for the server to exit (it must, within 10 s). */
export function stop(child, signal) {
  if (!child || child.exitCode !== null) return Promise.resolve(child?.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`${child.spawnfile} did not stop on ${signal}`)); }, 10000);
    child.once('exit', (code, sig) => { clearTimeout(timer); resolve(code ?? sig); });
    child.kill(signal);
  });
}

function nginxConfig(temp, docroot, port) {
  // As Debian's own nginx.conf (which loads the module from modules-enabled/ relative to its
  // prefix): the brotli module, mime.types and gzip on; then README's lines.
  return `${process.getuid() === 0 ? 'user root;' : ''}
worker_processes 1;
pid ${temp}/nginx.pid;
error_log ${temp}/nginx-error.log;
load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  gzip on;
  client_body_temp_path ${temp}/nginx-body;
  proxy_temp_path ${temp}/nginx-proxy;
  fastcgi_temp_path ${temp}/nginx-fastcgi;
  uwsgi_temp_path ${temp}/nginx-uwsgi;
  scgi_temp_path ${temp}/nginx-scgi;
  server {
    listen 127.0.0.1:${port};
    root ${docroot};
${readmeBlock('server lines: nginx').replace(/^/gm, '    ')}
  }
}
`;
}

function apacheConfig(temp, docroot, port) {
  // Debian's apache2 with its default modules for static files, mime.conf and deflate.conf (which
  // compresses text/javascript and application/wasm on the fly: the .htaccess must stop it from
  // compressing the .br and .gz copies again), and AllowOverride All for the release's .htaccess.
  const modules = ['mpm_event', 'authz_core', 'dir', 'mime', 'filter', 'deflate', 'rewrite', 'headers', 'env', 'setenvif'];
  const root = process.getuid() === 0 ? 'User www-data\nGroup www-data\n' : '';
  return `ServerRoot ${temp}
ServerName 127.0.0.1
Listen 127.0.0.1:${port}
PidFile ${temp}/apache.pid
DefaultRuntimeDir ${temp}
Mutex file:${temp}
ErrorLog ${temp}/apache-error.log
LogLevel warn
${root}${modules.map((m) => `LoadModule ${m}_module /usr/lib/apache2/modules/mod_${m}.so`).join('\n')}
Include /etc/apache2/mods-available/mime.conf
Include /etc/apache2/mods-available/deflate.conf
DocumentRoot ${docroot}
<Directory />
  AllowOverride None
  Require all denied
</Directory>
<Directory ${docroot}>
  AllowOverride All
  Require all granted
</Directory>
`;
}


/**
 * Starts nginx and apache2 serving `docroot` (which must be world-readable), their files in
 * `temp`. Resolves to { nginx, apache2 }, each { url, stop() }.
 */
export async function startWebServers(temp, docroot) {
  for (const dir of ['nginx-body', 'nginx-proxy', 'nginx-fastcgi', 'nginx-uwsgi', 'nginx-scgi']) fs.mkdirSync(path.join(temp, dir), { recursive: true });
  const servers = {};
  try {
    const nginxPort = await freePort();
    fs.writeFileSync(path.join(temp, 'nginx.conf'), nginxConfig(temp, docroot, nginxPort));
    const nginx = spawn('/usr/sbin/nginx', ['-c', path.join(temp, 'nginx.conf'), '-p', temp, '-g', 'daemon off;'], { stdio: 'ignore' });
    servers.nginx = { url: `http://127.0.0.1:${nginxPort}`, stop: () => stop(nginx, 'SIGTERM') };
    await waitUntilServing(servers.nginx.url, nginx, path.join(temp, 'nginx-error.log'));

    const apachePort = await freePort();
    fs.writeFileSync(path.join(temp, 'apache2.conf'), apacheConfig(temp, docroot, apachePort));
    const apache = spawn('/usr/sbin/apache2', ['-f', path.join(temp, 'apache2.conf'), '-X'], { stdio: 'ignore' });
    servers.apache2 = { url: `http://127.0.0.1:${apachePort}`, stop: () => stop(apache, 'SIGTERM') };
    await waitUntilServing(servers.apache2.url, apache, path.join(temp, 'apache-error.log'));
  } catch (e) {
    for (const server of Object.values(servers)) await server.stop().catch(() => {});
    throw e;
  }
  return servers;
}

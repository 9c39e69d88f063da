// The test site itself: it stops cleanly (MariaDB shut down, no process or port left, the temp
// dir gone), and a second site starts on the same machine right after.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import { startSite } from './site.mjs';

const alive = (pid) => { try { process.kill(pid, 0); return true; } catch { return false; } };
const listening = (url) => new Promise((resolve) => {
  const { hostname, port } = new URL(url);
  const socket = net.connect(Number(port), hostname, () => { socket.destroy(); resolve(true); });
  socket.on('error', () => resolve(false));
});

test('a site stops cleanly, and a second one starts and serves after it', async () => {
  for (let run = 1; run <= 2; run += 1) {
    const site = await startSite({ plugin: false, posts: false });
    let stopped = false;
    try {
      const home = await fetch(`${site.url}/`);
      assert.equal(home.status, 200, `run ${run}`);
      assert.match(await home.text(), /Kabar Test/);
      const rest = await fetch(`${site.url}/wp-json/wp/v2/posts`);
      assert.equal(rest.status, 200, 'pretty permalinks and /wp-json/ are routed');
      assert.equal(site.pids.length, 2);
      await site.stop();
      stopped = true;
      assert.match(site.mariadbLog, /Shutdown complete/, 'MariaDB shut down cleanly');
      assert.deepEqual(site.pids.filter(alive), [], 'no server process left');
      assert.equal(await listening(site.url), false, 'the port is free');
      assert.equal(fs.existsSync(site.dir), false, 'the temp dir is gone');
    } finally {
      if (!stopped) await site.stop();
    }
  }
});

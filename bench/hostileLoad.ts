// A hostile Web Chat visitor and caller against the bot in its own process (built, as `npm start` runs it, with a
// 256 MB heap so exhaustion would show): Direct Line conversations posting the largest activities the limits allow,
// and /api/messages posts carrying 240 KB card values, while /healthz is timed every 25 ms and the bot's memory
// sampled. Writes bench/results/hostileLoad.md. `npm run bench:load`.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../src/projectRoot';

const root = projectRoot(__dirname);
const CONVERSATIONS = 10;
const POSTS_PER_CONVERSATION = 60;
const API_POSTS = 20;
const HEAP_MB = 256;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
const rssMb = (pid: number) => {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
};
const percentile = (values: number[], share: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))];
};
const post = async (url: string, body: unknown, token?: string) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  return response.status;
};

async function hostileDirectLine(base: string, statuses: number[]): Promise<void> {
  const userId = `dl_${Math.random().toString(36).slice(2).padEnd(24, 'x')}`;
  const session = (await (
    await fetch(`${base}/webchat/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId }),
    })
  ).json()) as { conversationId: string; token: string };
  const url = `${base}/v3/directline/conversations/${session.conversationId}/activities`;
  for (let index = 0; index < POSTS_PER_CONVERSATION; index += 1) {
    statuses.push(
      await post(
        url,
        {
          type: 'message',
          text: 'a'.repeat(9_000),
          from: { id: userId },
          value: { padding: 'v'.repeat(15_000) },
          channelData: { clientActivityID: `c${index}`, padding: 'c'.repeat(3_800) },
          entities: [{ type: 'x', padding: 'e'.repeat(3_800) }],
        },
        session.token,
      ),
    );
  }
}

async function main(): Promise<void> {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'small-steps-load-'));
  const port = await freePort();
  const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, path.join(root, 'dist/src/index.js')], {
    env: { PATH: process.env.PATH ?? '', PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  let exited: string | undefined;
  child.once('exit', (code, signal) => (exited = String(signal ?? code)));
  for (let tries = 0; ; tries += 1) {
    if ((await fetch(`${base}/healthz`).catch(() => undefined))?.ok) break;
    if (tries > 100 || exited) throw new Error('the bot did not start');
    await sleep(100);
  }
  const pid = child.pid!;
  const rssBefore = rssMb(pid);
  const health: number[] = [];
  // A route that does not exist: answered at once, so its time is the event loop's delay alone (no storage).
  const loop: number[] = [];
  const rss: number[] = [];
  let running = true;
  const watch = (async () => {
    while (running) {
      const started = performance.now();
      const response = await fetch(`${base}/healthz`).catch(() => undefined);
      if (response) await response.arrayBuffer();
      health.push(response?.ok ? performance.now() - started : Infinity);
      const pinged = performance.now();
      await (await fetch(`${base}/no-such-route`)).arrayBuffer();
      loop.push(performance.now() - pinged);
      rss.push(rssMb(pid));
      await sleep(25);
    }
  })();

  const started = performance.now();
  const statuses: number[] = [];
  const apiPosts = Array.from({ length: API_POSTS }, (_, index) =>
    post(`${base}/api/messages`, {
      type: 'message',
      channelId: 'emulator',
      serviceUrl: 'http://127.0.0.1:9/',
      from: { id: `hostile-${index}` },
      conversation: { id: `hostile-${index}` },
      recipient: { id: 'bot' },
      value: { note: 'we went to the park '.repeat(12_000) },
    }).then((status) => statuses.push(status)),
  );
  await Promise.all([...Array.from({ length: CONVERSATIONS }, () => hostileDirectLine(base, statuses)), ...apiPosts]);
  const seconds = (performance.now() - started) / 1000;
  running = false;
  await watch;
  const rssAfter = rssMb(pid);
  const aliveAtEnd = exited === undefined;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });

  const byStatus = statuses.reduce<Record<string, number>>((counts, status) => {
    counts[status] = (counts[status] ?? 0) + 1;
    return counts;
  }, {});
  const report = [
    '# Hostile load benchmark',
    '',
    `Measured by \`npm run bench:load\` on ${new Date().toISOString().slice(0, 10)} (Node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'}); the bot in its own process with a ${HEAP_MB} MB heap, lowdb.`,
    '',
    `Load: ${CONVERSATIONS} Web Chat conversations each posting ${POSTS_PER_CONVERSATION} activities of ~32 KB (9,000-character text, 15 KB value, 3.8 KB channelData and entities), and ${API_POSTS} /api/messages posts each carrying a 240 KB card value, all at once, over ${seconds.toFixed(1)} s. Answers: ${Object.entries(
      byStatus,
    )
      .map(([status, count]) => `${count} × ${status}`)
      .join(', ')}.`,
    '',
    '| | figure |',
    '| --- | --- |',
    `| /healthz (storage as last probed: a probe at most once a second, answered at once while it runs), ${health.length} calls during the load | p50 ${percentile(health, 0.5).toFixed(1)} ms, p99 ${percentile(health, 0.99).toFixed(1)} ms, max ${Math.max(...health).toFixed(1)} ms |`,
    `| a request answered at once (the event loop's delay), ${loop.length} calls | p50 ${percentile(loop, 0.5).toFixed(1)} ms, p99 ${percentile(loop, 0.99).toFixed(1)} ms, max ${Math.max(...loop).toFixed(1)} ms |`,
    `| the bot's memory (RSS) | ${rssBefore.toFixed(0)} MB before, ${Math.max(...rss).toFixed(0)} MB at most, ${rssAfter.toFixed(0)} MB after |`,
    `| the bot process | ${aliveAtEnd ? 'still running at the end' : `exited during the load (${exited})`} |`,
    '',
  ].join('\n');
  writeFileSync(path.join(root, 'bench', 'results', 'hostileLoad.md'), report);
  process.stdout.write(`${report}\nWritten to bench/results/hostileLoad.md\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});

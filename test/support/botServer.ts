// Starts the real bot for HTTP tests: in this process (createApp) or as its own process (`node dist/src/index.js`,
// exactly what `npm start` runs), with its own data folder.
import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { App, createApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger, Logger } from '../../src/log';

export interface RunningBot {
  url: string;
  app: App;
  stop(): Promise<void>;
}

/**
 * `logger` lets a test read what the bot logs (e.g. createLogger('info', a collecting stream)); silent otherwise.
 * `port` 0 picks a free one; a test restarting "the same" server passes the port it had.
 */
export async function startBot(
  env: Record<string, string>,
  logger: Logger = createLogger('silent'),
  port = 0,
): Promise<RunningBot> {
  const app = await createApp(loadConfig(env), logger);
  const url = await app.server.listen(port, '127.0.0.1');
  return { url, app, stop: () => app.server.shutdown() };
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export interface BotProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
}

const ENTRY_POINT = path.resolve(__dirname, '../../dist/src/index.js');

export async function startBotProcess(env: Record<string, string>, timeoutMs = 15_000): Promise<BotProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [ENTRY_POINT], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`bot exited early:\n${output}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`bot did not become healthy:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, child, output: () => output, exited };
}

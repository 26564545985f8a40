import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** `npm start` as a user runs it, in its own process group, with its output collected. */
export interface NpmStart {
  proc: ChildProcess;
  /** Everything printed so far (stdout and stderr). */
  output(): string;
  /** `http://localhost:<port>` once it serves. */
  base: string;
  /** Wait until the output matches (or fail after `ms`). */
  waitFor(pattern: RegExp, ms?: number): Promise<RegExpExecArray>;
  /** Ctrl-C, as a terminal sends it to the group; resolves when every process of it has gone. */
  stop(): Promise<void>;
}

export async function npmStart(env: Record<string, string>, readyMs = 120_000): Promise<NpmStart> {
  const { NODE_ENV: _vitests, ...inherited } = process.env; // npm start chooses its own (production)
  const proc = spawn('npm', ['start'], { env: { ...inherited, PORT: '0', WORKERS: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  proc.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  proc.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  const closed = new Promise<void>((r) => proc.once('close', () => r()));
  const waitFor = (pattern: RegExp, ms = 30_000) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const until = Date.now() + ms;
      const timer = setInterval(() => {
        const m = pattern.exec(out);
        if (m) return clearInterval(timer), resolve(m);
        if (Date.now() > until || proc.exitCode !== null) {
          clearInterval(timer);
          reject(new Error(`npm start: no ${pattern} (${proc.exitCode === null ? 'timeout' : `exit ${proc.exitCode}`}):\n${out}`));
        }
      }, 50);
    });
  const base = (await waitFor(/GraphQL API:\s+(http:\/\/\S+)\/graphql/, readyMs))[1]!;
  return {
    proc,
    output: () => out,
    base,
    waitFor,
    async stop() {
      if (proc.exitCode === null) {
        try {
          process.kill(-proc.pid!, 'SIGINT');
        } catch {
          // gone already
        }
      }
      await closed;
    },
  };
}

/** A TCP port that nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** The local addresses that listen on a TCP port, read from /proc/net (no traffic sent): e.g. ['127.0.0.1']. */
export function listeningAddresses(port: number): string[] {
  const found: string[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 4 || f[3] !== '0A') continue; // LISTEN
      const [hex, p] = f[1]!.split(':') as [string, string];
      if (parseInt(p, 16) !== port) continue;
      found.push(hex.length === 8 ? hex.match(/../g)!.reverse().map((b) => parseInt(b, 16)).join('.') : `[${hex}]`);
    }
  }
  return found;
}

/** A new folder for a data directory (`<it>/postgres`), that PostgreSQL can enter: it runs as the postgres user when we are root. */
export function tempDataParent(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o711);
  return dir;
}

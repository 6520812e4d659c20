/**
 * capaian as an Astro integration (src/site/integration.ts), exercised with the real Astro:
 * `astro build` on invalid data fails with every error as file:line:column (nothing built), and
 * `astro dev` on a copy of the fixture repository shows an edit of a data file on the next
 * request, then a bad value as the page's error: in the terminal, and in the error overlay (the
 * payload Vite's client receives on its websocket).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE, REPO } from './site-build.ts';

const ASTRO = join(REPO, 'node_modules', 'astro', 'astro.js');
const work = mkdtempSync(join(tmpdir(), 'capaian-integration-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the fixture repository whose company.yaml `edit` rewrites. */
function copyFixture(name: string): { root: string; edit: (f: (text: string) => string) => void } {
  const root = join(work, name);
  cpSync(FIXTURE, root, { recursive: true });
  const company = join(root, 'data', 'company.yaml');
  return { root, edit: (f) => writeFileSync(company, f(readFileSync(company, 'utf8'))) };
}

const env = (root: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => {
  const e: NodeJS.ProcessEnv = { ...process.env, CAPAIAN_ROOT: root, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', CAPAIAN_TODAY: '2026-05-10', ...extra };
  // vitest's own (NODE_ENV=test, VITEST…): a dev server under them runs without live reload.
  for (const k of Object.keys(e)) if (k === 'NODE_ENV' || k.startsWith('VITEST')) delete e[k];
  delete e.BASE;
  return e;
};

describe('astro build', () => {
  it('fails with the list of errors, file:line:column, and builds nothing', () => {
    const { root, edit } = copyFixture('bad-build');
    edit((t) => t.replace(/^currency: .*$/m, 'currency: rupiah'));
    // Inside the project (see site-build.ts, BUILDS): an outDir outside it is staged in .astro/.
    const parent = join(REPO, 'node_modules', '.cache', 'capaian-site-tests');
    mkdirSync(parent, { recursive: true });
    const out = join(mkdtempSync(join(parent, 'bad-')), 'out');
    const r = spawnSync(process.execPath, [ASTRO, 'build'], { cwd: REPO, encoding: 'utf8', env: env(root, { CAPAIAN_OUT: out }), timeout: 120_000 });
    rmSync(join(out, '..'), { recursive: true, force: true });
    expect(r.status).not.toBe(0);
    const output = r.stdout + r.stderr;
    expect(output).toContain('data/company.yaml:3:11  currency must be a 3-letter currency code like IDR, got "rupiah"');
    expect(output).toContain('nothing was built');
    expect(existsSync(join(out, 'index.html'))).toBe(false);
  }, 130_000);
});

/** A port nobody listens on now. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}

/** Polls `check` every 250 ms until it returns a value, or fails after `ms`. */
async function until<T>(what: string, ms: number, check: () => Promise<T | undefined>): Promise<T> {
  const end = Date.now() + ms;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}${last ? ` (${String(last)})` : ''}`);
}

/**
 * Listens on Vite's websocket as the browser's client does and prints every message, one a line.
 * Node 20 has WebSocket behind a flag: a child process with the flag.
 */
const LISTEN = `
const ws = new WebSocket(process.argv[1], 'vite-hmr');
ws.onmessage = (m) => process.stdout.write(m.data.replace(/\\n/g, ' ') + '\\n');
ws.onopen = () => process.stdout.write('{"type":"open"}\\n');
`;

describe('astro dev', () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const c of children) {
      try {
        process.kill(-c.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  });

  it('shows an edit of the data on the next page, and a bad value in the terminal and the error overlay', async () => {
    const { root, edit } = copyFixture('dev');
    const port = await freePort();
    const server = spawn(process.execPath, [ASTRO, 'dev', '--port', String(port), '--host', '127.0.0.1'], { cwd: REPO, env: env(root), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(server);
    let terminal = '';
    server.stdout!.on('data', (d: Buffer) => (terminal += d.toString()));
    server.stderr!.on('data', (d: Buffer) => (terminal += d.toString()));
    const base = `http://127.0.0.1:${port}`;
    const page = async () => {
      const r = await fetch(`${base}/en/`);
      return { status: r.status, text: await r.text() };
    };

    const first = await until('the dev server', 90_000, async () => ((await page()).status === 200 ? page() : undefined));
    expect(first.text).toContain('PT Uji Situs');

    edit((t) => t.replace(/^name: .*$/m, 'name: PT Uji Berubah'));
    const changed = await until('the edited name', 30_000, async () => {
      const p = await page();
      return p.status === 200 && p.text.includes('PT Uji Berubah') ? p : undefined;
    });
    expect(changed.text).not.toContain('PT Uji Situs');

    // The overlay: what Vite's client in the browser receives.
    const client = await (await fetch(`${base}/@vite/client`)).text();
    const token = /const wsToken = "([^"]*)"/.exec(client)?.[1];
    expect(token).toBeDefined();
    const listener = spawn(process.execPath, ['--experimental-websocket', '--no-warnings', '-e', LISTEN, `ws://127.0.0.1:${port}/?token=${token}`], { detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
    children.push(listener);
    let messages = '';
    listener.stdout!.on('data', (d: Buffer) => (messages += d.toString()));
    await until('the websocket', 15_000, async () => (messages.includes('"open"') ? true : undefined));

    edit((t) => t.replace(/^currency: .*$/m, 'currency: rupiah'));
    const broken = await until('the error page', 30_000, async () => {
      const p = await page();
      return p.status === 500 ? p : undefined;
    });
    expect(broken.text).toContain('DataError');
    const overlay = await until('the overlay payload', 15_000, async () => messages.split('\n').find((m) => m.includes('"type":"error"')));
    const err = (JSON.parse(overlay) as { err: { message: string; hint: string; loc: { file: string; line: number; column: number } } }).err;
    // The overlay shows the message as HTML: its quotes come escaped.
    expect(err.message.replaceAll('&quot;', '"')).toContain('data/company.yaml:3:11  currency must be a 3-letter currency code like IDR, got "rupiah"  (an ISO 4217 code such as IDR)');
    expect(err.loc).toMatchObject({ file: join(root, 'data', 'company.yaml'), line: 3, column: 11 });
    expect(err.hint).toContain('reloads when you save');
    expect(terminal).toContain('data/company.yaml:3:11  currency must be a 3-letter currency code like IDR');
    expect(messages).toContain('"type":"full-reload"');

    // Fixed again: the page comes back.
    edit((t) => t.replace(/^currency: .*$/m, 'currency: IDR'));
    await until('the fixed page', 30_000, async () => ((await page()).status === 200 ? true : undefined));
  }, 200_000);
});

/**
 * The CLI runs from JavaScript compiled once per change to the sources (bin/compile-cli.mjs): the
 * bundle is reused while no source file changes, built again when one does, and the real CLI and
 * its ingest worker thread run from it without tsx.
 */
import { isAscii } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { compiledCli, indexedSourceKey, sourceKey } from '../../bin/compile-cli.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'capaian-compiled-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Compiled = { main: string; dir: string; built: boolean } | null;
// Records stats however recent (a file's change time can be in the same millisecond as the check).
const AT_ONCE = -60_000;

/** A project of two source files whose main() returns `answer`. */
function project(answer: number): string {
  const dir = mkdtempSync(join(tmp, 'project-'));
  mkdirSync(join(dir, 'src/cli'), { recursive: true });
  mkdirSync(join(dir, 'src/load'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(dir, 'src/cli/answer.ts'), `export const answer: number = ${answer};\n`);
  writeFileSync(join(dir, 'src/cli/main.ts'), "import { answer } from './answer.ts';\nexport async function main(): Promise<number> { return answer; }\nexport function quietWhenStdoutCloses(): void {}\n");
  writeFileSync(join(dir, 'src/load/ingest-thread.ts'), 'export {};\n');
  return dir;
}

async function answerOf(c: Compiled): Promise<number> {
  return (await import(`${c!.main}?t=${Date.now()}`)).main();
}

describe('the compiled CLI cache', () => {
  it('builds once, reuses the bundle while the sources are unchanged, and builds again after a change', async () => {
    const dir = project(1);
    const cacheDir = join(tmp, 'cache-a');
    const first: Compiled = await compiledCli(dir, { cacheDir });
    expect(first?.built).toBe(true);
    expect(await answerOf(first)).toBe(1);

    const again: Compiled = await compiledCli(dir, { cacheDir });
    expect(again).toEqual({ ...first, built: false });

    // Same size, new text: still a change.
    writeFileSync(join(dir, 'src/cli/answer.ts'), 'export const answer: number = 2;\n');
    const changed: Compiled = await compiledCli(dir, { cacheDir });
    expect(changed?.built).toBe(true);
    expect(changed?.dir).not.toBe(first?.dir);
    expect(await answerOf(changed)).toBe(2);
    // Only finished bundles are left in the folder (no half-written one).
    expect(readdirSync(cacheDir).filter((f) => !f.startsWith('cli-'))).toEqual([]);
  });

  it('keys the sources by the contents of every file under src/: a new file is a new key, nothing changed the same key', () => {
    const dir = project(1);
    const key = sourceKey(dir, '0.0.0');
    expect(sourceKey(dir, '0.0.0')).toBe(key);
    expect(sourceKey(dir, '0.0.1')).not.toBe(key);
    // Contents, not times: a file written again unchanged (a checkout, an unpacked package) is no change.
    utimesSync(join(dir, 'src/cli/answer.ts'), new Date(2030, 0, 1), new Date(2030, 0, 1));
    expect(sourceKey(dir, '0.0.0')).toBe(key);
    writeFileSync(join(dir, 'src/load/extra.ts'), 'export {};\n');
    expect(sourceKey(dir, '0.0.0')).not.toBe(key);
  });

  it('finds the key through the stat index while no file changed, and hashes again after an edit', () => {
    const dir = project(1);
    const index = join(tmp, `index-${readdirSync(tmp).length}.json`);
    const key = sourceKey(dir, '0.0.0');
    // Files written just now are not recorded (their times could stay the same through another edit).
    expect(indexedSourceKey(dir, '0.0.0', index)).toEqual({ key, hashed: true });
    expect(indexedSourceKey(dir, '0.0.0', index)).toEqual({ key, hashed: true });
    // Settled files are: the next run reads no file.
    expect(indexedSourceKey(dir, '0.0.0', index, AT_ONCE)).toEqual({ key, hashed: true });
    expect(indexedSourceKey(dir, '0.0.0', index, AT_ONCE)).toEqual({ key, hashed: false });
    // Another compiler: another key.
    expect(indexedSourceKey(dir, '0.0.1', index, AT_ONCE)).toEqual({ key: sourceKey(dir, '0.0.1'), hashed: true });
    // An edit of the same size with a new modification time: hashed again, a new key.
    writeFileSync(join(dir, 'src/cli/answer.ts'), 'export const answer: number = 2;\n');
    utimesSync(join(dir, 'src/cli/answer.ts'), new Date(2020, 0, 1), new Date(2020, 0, 1));
    const edited = indexedSourceKey(dir, '0.0.0', index, AT_ONCE);
    expect(edited).toEqual({ key: sourceKey(dir, '0.0.0'), hashed: true });
    expect(edited.key).not.toBe(key);
    // Touched with the same contents: hashed again, the same key.
    utimesSync(join(dir, 'src/cli/answer.ts'), new Date(2021, 0, 1), new Date(2021, 0, 1));
    expect(indexedSourceKey(dir, '0.0.0', index, AT_ONCE)).toEqual({ key: edited.key, hashed: true });
    expect(indexedSourceKey(dir, '0.0.0', index, AT_ONCE)).toEqual({ key: edited.key, hashed: false });
    // A damaged index is no index.
    writeFileSync(index, '{ not json');
    expect(indexedSourceKey(dir, '0.0.0', index, AT_ONCE)).toEqual({ key: edited.key, hashed: true });
  });

  it('runs the bundle through the code cache it writes, and runs it compiled afresh when the cache data is damaged', async () => {
    const dir = project(7);
    const c: Compiled = await compiledCli(dir, { cacheDir: join(tmp, 'cache-c') });
    // Each load in a process of its own (V8 remembers what it compiled in a process).
    const load = () => {
      const script = `const { loadCompiled } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'bin/compile-cli.mjs')).href)});
        const cli = await loadCompiled({ dir: ${JSON.stringify(c!.dir)} });
        console.log(cli.codeCache, await cli.exports.main());
        cli.saveCodeCache();`;
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      return r.stdout.trim();
    };
    expect(load()).toBe('none 7');
    const cacheFile = readdirSync(c!.dir).find((f) => f.endsWith('.v8cache'));
    expect(cacheFile).toBeDefined();
    expect(load()).toBe('used 7');
    writeFileSync(join(c!.dir, cacheFile!), 'not a code cache');
    expect(load()).toBe('rejected 7');
    // … and the damaged data was replaced.
    expect(readFileSync(join(c!.dir, cacheFile!), 'utf8')).not.toBe('not a code cache');
    expect(load()).toBe('used 7');
  });

  it('gives null (the caller then runs tsx) when the sources do not compile', async () => {
    const dir = project(1);
    writeFileSync(join(dir, 'src/cli/answer.ts'), 'export const answer = ;\n');
    expect(await compiledCli(dir, { cacheDir: join(tmp, 'cache-b') })).toBeNull();
    expect(readdirSync(join(tmp, 'cache-b'))).toEqual([]);
  });
});

describe('the real CLI', () => {
  const run = (env: Record<string, string>) => spawnSync(process.execPath, [join(ROOT, 'bin/capaian.mjs'), '--help'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CAPAIAN_CLI_TRACE: '1', ...env } });

  it('runs from the compiled bundle, and prints the same help as through tsx', () => {
    const compiled = run({});
    expect(compiled.status).toBe(0);
    expect(compiled.stderr).toMatch(/^capaian: compiled .*node_modules\/\.cache\/capaian\/cli-[0-9a-f]{16}\n/);
    const viaTsx = run({ CAPAIAN_CLI: 'tsx' });
    expect(viaTsx.stderr).toBe('capaian: tsx\n');
    expect(compiled.stdout).toBe(viaTsx.stdout);
  });

  it('is ASCII, read as a one-byte string (the few other characters are escapes that mean the same)', async () => {
    const c: Compiled = await compiledCli(ROOT);
    expect(isAscii(readFileSync(join(c!.dir, 'main.cjs')))).toBe(true);
  });

  it('starts the compiled ingest worker thread, which reads a month file without tsx', async () => {
    const c: Compiled = await compiledCli(ROOT);
    const worker = new Worker(new URL('ingest-worker.mjs', pathToFileURL(`${c!.dir}/`)));
    try {
      const path = 'data/2026/03/orders.yaml';
      const reply = await new Promise<{ path: string; result?: { clean: boolean } }>((done, fail) => {
        worker.once('error', fail);
        worker.once('message', done);
        worker.postMessage({ path, origin: join(ROOT, 'test/fixtures/valid', path), kind: 'orders', month: '2026-03', tz: 'Asia/Jakarta', cacheDir: null, reader: '' });
      });
      expect(reply.path).toBe(path);
      expect(reply.result?.clean).toBe(true);
    } finally {
      await worker.terminate();
    }
  });
});

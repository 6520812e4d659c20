/**
 * What a command may do to the world, in one interface (as Observable Framework's build effects):
 * print a line on stdout or stderr, write a file whole (atomically), and whether to colour its
 * output. src/cli/main.ts passes `nodeEffects()`; tests pass `recordingEffects()` and read back
 * what was printed and written, with no disk touched. A command's own effects interface extends
 * this one with how it reads its input.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

export interface Effects {
  /** A line (or lines) of the command's output, on stdout. */
  out(text: string): void;
  /** A line of diagnostics, on stderr: notices, progress, things that are not the output. */
  err(text: string): void;
  /** Writes a whole file: to a temporary file beside it, then renamed over it, so a reader never sees half. Folders are created. */
  writeFile(path: string, text: string): Promise<void>;
  /** Colour the output (a terminal that wants it: see `useColor`). */
  color: boolean;
}

/**
 * Whether to colour what goes to `stream`, decided here only: FORCE_COLOR (not "0") says yes,
 * NO_COLOR (any value) or TERM=dumb says no, otherwise only a terminal gets colour.
 */
export function useColor(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return !!stream.isTTY;
}

const CODES = { red: 31, green: 32, yellow: 33, bold: 1, dim: 2 } as const;
export type Paint = keyof typeof CODES;

/** `text` in a colour when `on`, unchanged otherwise. */
export function paint(on: boolean, colour: Paint, text: string): string {
  return on ? `\x1b[${CODES[colour]}m${text}\x1b[0m` : text;
}

/** Writes `text` to `path` atomically: a temporary file in the same folder, then a rename. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.capaian-${process.pid}-${Date.now()}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}

/** The effects of a real run: stdout, stderr, files relative to `cwd`, colour decided by `useColor`. */
export function nodeEffects(opts: { cwd?: string; env?: Record<string, string | undefined> } = {}): Effects {
  const cwd = opts.cwd ?? process.cwd();
  return {
    out: (text) => console.log(text),
    err: (text) => console.error(text),
    writeFile: (path, text) => writeFileAtomic(resolve(cwd, path), text),
    color: useColor(process.stdout, opts.env ?? process.env),
  };
}

/** A fake for tests: records every line and file, touches nothing. */
export interface RecordingEffects extends Effects {
  stdout: string[];
  stderr: string[];
  files: Map<string, string>;
}

export function recordingEffects(opts: { color?: boolean } = {}): RecordingEffects {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const files = new Map<string, string>();
  return {
    stdout,
    stderr,
    files,
    out: (text) => void stdout.push(text),
    err: (text) => void stderr.push(text),
    writeFile: async (path, text) => void files.set(path, text),
    color: opts.color ?? false,
  };
}

/**
 * `capaian compute | head`: when the reader of stdout goes away (EPIPE), stop writing quietly, as
 * Unix tools do: no stack trace; the command runs to its end and exits with its own status (0,
 * or 1 for problems in the data), so a pipeline that checks it still learns the verdict. Called
 * once by bin/capaian.mjs (from the CLI, or from cli/kept-compute.ts).
 */
export function quietWhenStdoutCloses(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
    // Whatever is written from now on goes nowhere (console.log writes through stream.write).
    stream.write = (() => true) as typeof stream.write;
  });
}

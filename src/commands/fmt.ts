/**
 * `capaian fmt [--check]`: rewrites the data files and KPI definitions in their one canonical
 * form (see src/format/format-file.ts), keeping every value and comment. With --check nothing is
 * written: the files that would change are listed and the exit code is 1.
 *
 * A file that cannot be read (bad YAML, not UTF-8, …) is reported as `file:line:column  message
 * (hint)` and never rewritten; the other files are still formatted, and the exit code is 1.
 */
import { join } from 'node:path';
import { formatYaml, type FormatTarget } from '../format/format-file.ts';
import { formatReview } from '../format/review.ts';
import { decodeText } from '../load/decode.ts';
import { placeFile } from '../load/layout.ts';
import { readRepoFiles } from '../load/read-repo.ts';
import { locateIssues } from '../load/locate.ts';
import { formatIssue, sortIssues, type PendingIssue } from '../issues/issue.ts';
import type { SourceFile } from '../validate/validate-repo.ts';
import { writeFileAtomic, type Effects } from './effects.ts';

export interface FmtOptions {
  /** List the files that would change and exit 1 if any; write nothing. */
  check: boolean;
  /** The repository folder (named in messages; the effects read and write under it). */
  root: string;
}

export interface FmtEffects extends Pick<Effects, 'out'> {
  /** The files under data/ and kpis/ (paths relative to the root), and problems met reading them. */
  read(): Promise<{ files: SourceFile[]; issues?: PendingIssue[] }>;
  /** Replaces a file; `path` is relative to the root. */
  write(path: string, text: string): Promise<void>;
}

/** Returns the exit code: 0, or 1 when --check finds files to change or a file cannot be formatted. */
export async function fmtCommand(opts: FmtOptions, fx: FmtEffects): Promise<number> {
  const read = await fx.read();
  const problems: PendingIssue[] = [...(read.issues ?? [])];
  const changed: string[] = [];
  let seen = 0;
  for (const file of [...read.files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const kind = kindOf(file.path);
    if (!kind) continue;
    seen++;
    const decoded = decodeText(file.bytes, file.path);
    if (decoded.text === undefined) {
      problems.push(...decoded.issues);
      continue;
    }
    const result = kind === 'review' ? formatReview(decoded.text, file.path) : formatYaml(decoded.text, kind, file.path);
    if (result.issues) {
      problems.push(...result.issues);
      continue;
    }
    const bom = file.bytes[0] === 0xef && file.bytes[1] === 0xbb && file.bytes[2] === 0xbf;
    if (result.text === decoded.text && !bom) continue;
    changed.push(file.path);
    if (opts.check) fx.out(file.path);
    else await fx.write(file.path, result.text);
  }
  const located = sortIssues(locateIssues(problems, () => undefined));
  for (const p of located) fx.out(formatIssue(p));
  if (located.length) fx.out('');
  const files = (n: number) => `${n} file${n === 1 ? '' : 's'}`;
  const unread = new Set(located.map((p) => p.file)).size;
  const trouble = unread ? `; ${files(unread)} could not be formatted and ${unread === 1 ? 'was left as it is' : 'were left as they are'}` : '';
  if (opts.check) {
    if (changed.length) fx.out(`${changed.length} of ${files(seen)} not in canonical form${trouble}: run capaian fmt`);
    else if (unread) fx.out(`${files(seen)} checked${trouble}; the others are in canonical form`);
    else fx.out(`${files(seen)} checked: all in canonical form`);
    return changed.length || unread ? 1 : 0;
  }
  fx.out(`${changed.length ? `formatted ${changed.length} of ${files(seen)}` : `${files(seen)} checked: all in canonical form already`}${trouble}`);
  return unread ? 1 : 0;
}

/** The kind of file fmt formats, or undefined for files it leaves alone (not data or KPI YAML). */
export function kindOf(path: string): FormatTarget | undefined {
  if (path.startsWith('kpis/')) return /^kpis\/[^/]+\.yaml$/.test(path) ? 'kpi' : undefined;
  if (path.startsWith('reviews/')) return /^reviews\/[^/]+\.mdx$/.test(path) ? 'review' : undefined;
  if (!path.startsWith('data/')) return undefined;
  const place = placeFile(path.slice('data/'.length));
  return place.kind === 'ignored' || place.kind === 'unknown' ? undefined : place.kind;
}

/** The effects for a real run: files under `root`, each written whole to a temporary file first, then renamed over the old one. */
export function nodeFmtEffects(root: string, out: (line: string) => void = (line) => console.log(line)): FmtEffects {
  return {
    read: () => readRepoFiles(root, ['data', 'kpis', 'reviews']),
    write: (path, text) => writeFileAtomic(join(root, path), text),
    out,
  };
}

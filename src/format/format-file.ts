/**
 * `capaian fmt` for one file: the text of a data or KPI file in its canonical form, with every
 * value and every comment kept. Pure: text in, text (or the reason it cannot be done) out.
 *
 * The canonical form is what the writer (to-yaml.ts) makes of the file's values: keys in schema
 * order, unknown keys after them, the same flow or block style, quoting and numbers, records
 * sorted (layout.ts says by what). Comments come along: read with the `yaml` package's Document
 * API, which hangs each comment on a node, they become `Notes` that the writer puts back next
 * to the same node. Two rules of our own on top:
 *
 * - The comment lines at the top of a file are its header: they stay at the top.
 * - Comment lines right before a record (at the "- ", not indented deeper) belong to that
 *   record and travel with it when records are sorted; indented comment lines at the end of a
 *   record are its own trailing comments.
 *
 * Fast path: js-yaml (10x the `yaml` package) reads the values; a top-level list is cut into
 * records by its "- " lines, and a record whose text already is the writer's text for its value
 * is taken as it is. Only the other records are read again with `yaml` to find their comments,
 * so formatting a big file costs little more than reading it, and a comment in a 20 MB month
 * file does not mean parsing all of it with the slow parser.
 *
 * The parts, in reading order: format-list.ts (a list file record by record, the fast path),
 * format-whole.ts (any file whole, through `yaml`), comment-notes.ts (the comments of a `yaml`
 * Document as Notes for the writer) and check-output.ts (the safety net below).
 *
 * Blank lines are not kept, comment texts lose trailing spaces, a byte order mark and CRLF
 * line ends go. Defaults are written as they are (`discount: 0` stays): fmt never changes a
 * value. To make sure, the output of every changed file is read back and compared with the
 * input's values (records sorted) and comments; if either differs, the file is left alone and
 * the problem reported.
 */
import { parseYaml } from '../load/parse-yaml.ts';
import type { FileKind } from '../schema/file-kinds.ts';
import { issue, type PendingIssue } from '../issues/issue.ts';
import { checkOutput } from './check-output.ts';
import { Unformattable } from './comment-notes.ts';
import { formatList } from './format-list.ts';
import { formatWhole, isCanonicalMapping } from './format-whole.ts';
import { KPI_LAYOUT, LAYOUTS, REVIEW_LAYOUT } from './layout.ts';
import type { Layout } from './to-yaml.ts';

/** A data file kind, or a KPI definition (kpis/<id>.yaml). */
export type FormatKind = FileKind | 'kpi';
/** What fmt formats: a FormatKind, or a review's frontmatter (review.ts). */
export type FormatTarget = FormatKind | 'review';

export type Formatted = { text: string; issues?: undefined } | { text?: undefined; issues: PendingIssue[] };

/** The file in canonical form, or the issues that stop fmt from touching it. */
export function formatYaml(text: string, kind: FormatTarget, file: string): Formatted {
  const src = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  const parsed = parseYaml(src, file);
  if (parsed.issues.length) return { issues: parsed.issues };
  const value = parsed.value;
  const layout = layoutFor(kind);
  let out: string;
  let outValue = value;
  try {
    out = formatOnce(src, value, layout, kind === 'kpi');
    // Where a YAML reader hangs a comment depends on what surrounds it, so a comment that moved
    // may belong elsewhere when read back. Formatting the output again settles it (in practice
    // the first pass is final): the result is what formatting no longer changes.
    for (let pass = 0; out !== src; pass++) {
      const again = parseYaml(out, file);
      if (again.issues.length) return failed(file, 'write a file it cannot read back');
      outValue = again.value;
      const next = formatOnce(out, outValue, layout, kind === 'kpi');
      if (next === out) break;
      if (pass === 3) return failed(file, 'not settle where the comments go');
      out = next;
    }
  } catch (e) {
    if (!(e instanceof Unformattable)) throw e;
    return { issues: [issue(file, [], 'fmt-unsupported', `fmt cannot format this file: ${e.message}`, 'the file was left as it is; write it in plain YAML (no tags, no complex keys), or format it by hand')] };
  }
  if (out !== src) {
    const problem = checkOutput(src, value, out, outValue, layout);
    if (problem) return failed(file, problem);
  }
  return { text: out };
}

function formatOnce(src: string, value: unknown, layout: Layout, keepStyle: boolean): string {
  if (keepStyle) return formatWhole(src, value, layout, true);
  if (Array.isArray(value)) return formatList(src, value, layout) ?? formatWhole(src, value, layout, false);
  return isCanonicalMapping(src, value, layout) ? src : formatWhole(src, value, layout, false);
}

function failed(file: string, problem: string): Formatted {
  return { issues: [issue(file, [], 'fmt-failed', `fmt would ${problem}`, 'the file was left as it is; please report this as a bug in capaian fmt, with the file')] };
}

// ---------------------------------------------------------------------------------------------
// Layouts

const layouts = new Map<FormatTarget, Layout>();

/** The kind's canonical layout, writing defaults as they stand (the sample leaves them out). */
function layoutFor(kind: FormatTarget): Layout {
  let layout = layouts.get(kind);
  if (!layout) layouts.set(kind, (layout = keepingDefaults(kind === 'kpi' ? KPI_LAYOUT : kind === 'review' ? REVIEW_LAYOUT : LAYOUTS[kind])));
  return layout;
}

function keepingDefaults(layout: Layout): Layout {
  const nested: Record<string, Layout> = {};
  for (const [k, v] of Object.entries(layout.nested)) nested[k] = keepingDefaults(v);
  return { ...layout, nested, omitDefaults: false };
}

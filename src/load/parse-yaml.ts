/**
 * YAML text to plain data. js-yaml is the fast path (about 10x the `yaml` package); exact
 * positions of problems are recovered afterwards by the locator, only for files with problems.
 *
 * The YAML 1.2 core schema keeps dates as strings (we check them ourselves) and has no merge
 * keys or custom tags. Anchors and aliases are refused: data files have no use for them, and a
 * billion-laughs file would otherwise expand exponentially when walked.
 */
import yaml from 'js-yaml';
import { isAlias, isNode, LineCounter, parseDocument, visit } from 'yaml';
import { issue, type PendingIssue } from '../validate/issue.ts';

export const MAX_DEPTH = 32;

export interface Parsed {
  value: unknown;
  issues: PendingIssue[];
}

// An anchor (&a) or alias (*a) token: after a line start, space, or flow punctuation.
const ANCHOR_OR_ALIAS = /(?:^|[\s,[{:-])[&*][^\s,[\]{}]/;

export function parseYaml(text: string, file: string): Parsed {
  const alias = ANCHOR_OR_ALIAS.test(text) ? findAlias(text, file) : null;
  if (alias) return { value: undefined, issues: [alias] };
  let value: unknown;
  try {
    value = yaml.load(text, { schema: yaml.CORE_SCHEMA, filename: file, maxDepth: MAX_DEPTH } as yaml.LoadOptions);
  } catch (e) {
    return { value: undefined, issues: [syntaxIssue(e, file, text)] };
  }
  return { value, issues: [] };
}

/** The first anchor or alias, confirmed by a real parse (the quick test also matches inside quotes). */
function findAlias(text: string, file: string): PendingIssue | null {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, schema: 'core', uniqueKeys: false });
  let offset = -1;
  visit(doc, (_key, node) => {
    if (isAlias(node)) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    }
    if (isNode(node) && node.anchor) {
      // The node's range starts at its value; the &name is written before it.
      const start = node.range?.[0] ?? 0;
      const at = text.lastIndexOf(`&${node.anchor}`, start);
      offset = at >= 0 ? at : start;
      return visit.BREAK;
    }
    return undefined;
  });
  if (offset < 0) return null;
  const pos = lc.linePos(offset);
  const out = issue(file, [], 'yaml-alias', 'YAML anchors and aliases (&name, *name) are not allowed in data files', 'write the values out in full');
  out.line = pos.line;
  out.column = pos.col;
  return out;
}

function syntaxIssue(e: unknown, file: string, text: string): PendingIssue {
  const err = e as { reason?: string; message?: string; mark?: { line: number; column: number; position: number } };
  const reason = err.reason ?? err.message ?? String(e);
  let message = `YAML syntax error: ${reason}`;
  let line = err.mark ? err.mark.line + 1 : 0;
  let column = err.mark ? err.mark.column + 1 : 0;
  if (reason.includes('duplicated mapping key') && err.mark) {
    const key = /^\s*"?([^":\n]+)"?\s*:/.exec(text.slice(err.mark.position))?.[1]?.trim();
    if (key) message = `"${key}" appears twice in the same mapping`;
  }
  if (reason.includes('single document')) {
    message = 'file holds more than one YAML document';
    const second = secondDocumentLine(text);
    if (second) [line, column] = [second, 1];
  }
  const out = issue(file, [], 'yaml-syntax', message, syntaxHint(reason));
  out.line = line;
  out.column = column;
  return out;
}

/** The line of the "---" that starts a second document. */
function secondDocumentLine(text: string): number | null {
  const lines = text.split('\n');
  let content = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (/^---(\s|$)/.test(l)) {
      if (content) return i + 1;
    } else if (l.trim() && !l.trim().startsWith('#')) content = true;
  }
  return null;
}

function syntaxHint(reason: string): string {
  if (reason.includes('duplicated mapping key')) return 'each field may appear once per record; remove or rename the second one';
  if (reason.includes('maxDepth')) return `data files nest a few levels at most (limit ${MAX_DEPTH})`;
  if (reason.includes('single document')) return 'one document per file: remove the "---" separator and what follows, or move it to its own file';
  if (reason.includes('unknown tag')) return 'tags like !!binary or !foo are not used in data files; write plain values';
  if (reason.includes('tab')) return 'indent with spaces, not tabs';
  if (reason.includes('flow collection')) return 'a list or mapping opened with [ or { is not closed: check this line and the ones before for a missing ] or }';
  return 'check indentation and quoting on this line and the one before';
}

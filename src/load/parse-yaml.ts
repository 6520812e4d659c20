/**
 * YAML text to plain data. js-yaml is the fast path (about 10x the `yaml` package); exact
 * positions of problems are recovered afterwards by the locator, only for files with problems.
 *
 * The YAML 1.2 core schema keeps dates as strings (we check them ourselves) and has no merge
 * keys or custom tags. Aliases are refused: data files have no use for them, and a billion-laughs
 * file would otherwise expand exponentially when walked.
 */
import yaml from 'js-yaml';
import { issue, type PendingIssue } from '../validate/issue.ts';

export const MAX_DEPTH = 32;

export interface Parsed {
  value: unknown;
  issues: PendingIssue[];
}

export function parseYaml(text: string, file: string): Parsed {
  let value: unknown;
  try {
    value = yaml.load(text, { schema: yaml.CORE_SCHEMA, filename: file, maxDepth: MAX_DEPTH } as yaml.LoadOptions);
  } catch (e) {
    return { value: undefined, issues: [syntaxIssue(e, file)] };
  }
  const shared = findSharedNode(value);
  if (shared) {
    return {
      value: undefined,
      issues: [issue(file, shared, 'yaml-alias', 'YAML aliases (*name) are not allowed in data files', 'write the values out in full; fmt does this for you')],
    };
  }
  return { value, issues: [] };
}

function syntaxIssue(e: unknown, file: string): PendingIssue {
  const err = e as { name?: string; reason?: string; message?: string; mark?: { line: number; column: number } };
  const reason = err.reason ?? err.message ?? String(e);
  const out = issue(file, [], 'yaml-syntax', `YAML syntax error: ${reason}`, syntaxHint(reason));
  if (err.mark) {
    out.line = err.mark.line + 1;
    out.column = err.mark.column + 1;
  } else {
    out.line = 0;
    out.column = 0;
  }
  return out;
}

function syntaxHint(reason: string): string {
  if (reason.includes('duplicated mapping key')) return 'each field may appear once per record; remove or rename the second one';
  if (reason.includes('maxDepth')) return `data files nest a few levels at most (limit ${MAX_DEPTH})`;
  if (reason.includes('single document')) return 'one document per file: remove the "---" separators';
  if (reason.includes('unknown tag')) return 'tags like !!binary or !foo are not used in data files; write plain values';
  if (reason.includes('tab')) return 'indent with spaces, not tabs';
  return 'check indentation and quoting on this line and the one before';
}

/** The path of the first mapping or list reached twice: only an alias can do that. */
function findSharedNode(root: unknown): (string | number)[] | null {
  if (root === null || typeof root !== 'object') return null;
  const seen = new Set<object>();
  const stack: { node: object; path: (string | number)[] }[] = [{ node: root, path: [] }];
  while (stack.length) {
    const { node, path } = stack.pop()!;
    if (seen.has(node)) return path;
    seen.add(node);
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) {
        const v = node[i];
        if (v !== null && typeof v === 'object') stack.push({ node: v, path: [...path, i] });
      }
    } else {
      for (const k of Object.keys(node)) {
        const v = (node as Record<string, unknown>)[k];
        if (v !== null && typeof v === 'object') stack.push({ node: v, path: [...path, k] });
      }
    }
  }
  return null;
}

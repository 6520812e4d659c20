/**
 * A mapping file's text to a checked mapping, or its problems at `file:line:column`. The keys
 * of every `map:` are kept as they are written: a cell is text, so `01`, `7.0`, `true` or `~`
 * must match the cells "01", "7.0", "true" and "~", not the number, boolean or null YAML would
 * read them as (which would turn `01` into "1" and never match).
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { z } from 'zod';
import { formatIssue, type Issue, type PendingIssue } from '../issues/issue.ts';
import { decodeText } from '../load/decode.ts';
import { locateIssues } from '../load/locate.ts';
import { parseYaml, protoKeys } from '../load/parse-yaml.ts';
import type { MonthKind } from '../schema/file-kinds.ts';
import { schemaIssues } from '../validate/schema-issues.ts';
import { mappingSchema, type Mapping } from './mapping.ts';

export type LoadedMapping = { mapping: Mapping; text: string; problems?: undefined } | { mapping?: undefined; problems: string[] };

export function loadMapping(bytes: Uint8Array, file: string, kind: MonthKind): LoadedMapping {
  const decoded = decodeText(bytes, file);
  if (decoded.text === undefined) return { problems: decoded.issues.map((i) => formatIssue(whole(i))) };
  const text = decoded.text;
  const located = (issues: PendingIssue[]) => ({ problems: locateIssues(issues, () => text).map(formatIssue) });
  const parsed = parseYaml(text, file);
  if (parsed.issues.length) return located(parsed.issues);
  const reserved = protoKeys(parsed.value, file);
  if (reserved.length) return located(reserved);
  const value = mapKeysAsWritten(text, parsed.value);
  const schema = mappingSchema(kind);
  const r = schema.safeParse(value ?? {}, { reportInput: true });
  if (!r.success) return located(schemaIssues({ issues: r.error.issues.flatMap(intoTheBranch) } as z.ZodError, schema, file, false));
  return { mapping: r.data, text };
}

/**
 * A value spec is a column name, a number or { column: …, … }: when the value given is of one
 * branch's shape (an object) and only that branch's insides are wrong, the problem is told there
 * (`fields.score.round must be a whole number…`), not as "must be a column name, a number, or …".
 */
function intoTheBranch(zi: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (zi.code !== 'invalid_union' || !zi.errors?.length) return [zi];
  const fitting = zi.errors.filter((branch) => !branch.some((b) => b.code === 'invalid_type' && b.path.length === 0));
  if (fitting.length !== 1) return [zi];
  return fitting[0]!.map((b) => ({ ...b, path: [...zi.path, ...b.path] }) as z.core.$ZodIssue).flatMap(intoTheBranch);
}

function whole(i: PendingIssue): Issue {
  return { ...i, line: i.line ?? 0, column: i.column ?? 0 };
}

type Obj = Record<string, unknown>;

/**
 * `value` (as js-yaml read it) with the keys of each `map:` replaced by their text in the file.
 * A plain key is taken as written (`01`, `1.0`, `true`); a quoted one as its string.
 */
function mapKeysAsWritten(text: string, value: unknown): unknown {
  if (!/\bmap\s*:/.test(text)) return value;
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length) return value;
  const walk = (node: Node | null | undefined, v: unknown): void => {
    if (isSeq(node) && Array.isArray(v)) node.items.forEach((n, k) => walk(n as Node, v[k]));
    if (!isMap(node) || v === null || typeof v !== 'object') return;
    const obj = v as Obj;
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      const inner = obj[key];
      if (key === 'map' && isMap(pair.value) && inner !== null && typeof inner === 'object' && !Array.isArray(inner)) {
        const asWritten: Obj = {};
        for (const entry of pair.value.items) {
          if (!isPair(entry) || !isScalar(entry.key)) continue;
          const raw = entry.key.type === 'PLAIN' && typeof entry.key.source === 'string' ? entry.key.source : String(entry.key.value);
          const read = String(entry.key.value);
          if (Object.hasOwn(inner, read)) asWritten[raw] = (inner as Obj)[read];
        }
        obj[key] = asWritten;
      } else walk(pair.value as Node, inner);
    }
  };
  walk(doc.contents as Node, value);
  return value;
}

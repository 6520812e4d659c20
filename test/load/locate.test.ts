/**
 * Where an issue points (src/load/locate.ts): a list file above WHOLE_FILE_LIMIT is located record
 * by record, and must point where a parse of the whole file points, for every record and field,
 * at a value and at its key.
 */
import { describe, expect, it } from 'vitest';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { locateIssues, WHOLE_FILE_LIMIT } from '../../src/load/locate.ts';
import type { DocPath, PendingIssue } from '../../src/issues/issue.ts';

/** The oracle: the whole file parsed by the `yaml` package, the path walked as far as it goes. */
function wholeFile(text: string): (at: DocPath, atKey: boolean) => { line: number; column: number } {
  const lc = new LineCounter();
  const root = parseDocument(text, { lineCounter: lc, schema: 'core', uniqueKeys: false }).contents as Node | null;
  return (at, atKey) => {
  let node = root;
  let key: Node | null = null;
  for (const step of at) {
    let next: Node | null = null;
    key = null;
    if (isSeq(node) && typeof step === 'number') next = (node.items[step] as Node) ?? null;
    else if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
      if (pair) [next, key] = [(pair.value as Node) ?? (pair.key as Node), pair.key as Node];
    }
    if (!next) break;
    node = next;
  }
  const p = lc.linePos(((atKey && key ? key : node) as Node).range![0]);
  return { line: p.line, column: p.col };
  };
}

/** An orders file in the shapes people write: comments, quoted and multi-line text, flow maps. */
function ordersFile(n: number): string {
  const out = ['# orders of the month', ''];
  for (let i = 0; i < n; i++) {
    out.push(`- id: SO-${i}`, `  # a comment inside record ${i}`, `  customer: "C-${i % 7}"`, `  date: 2026-03-${String((i % 28) + 1).padStart(2, '0')}T10:00:00+07:00`);
    if (i % 3 === 0) out.push(`  note: >`, `    a folded note`, `    - not a record, only text`);
    if (i % 5 === 0) out.push(`  memo: 'it''s a "quote", and - a dash'`);
    out.push('  lines:', `    - { sku: P-${i % 11}, qty: ${1 + (i % 4)}, unit_price: 1000 }`, `    - sku: P-${i % 13}`, `      qty: ${2 + (i % 3)}`, `      unit_price: 2500`);
    out.push('');
  }
  return out.join('\n');
}

describe('locating an issue in a list file above the whole-file limit', () => {
  const text = ordersFile(220);
  it('is a file the record-by-record path reads', () => {
    expect(text.length).toBeGreaterThan(WHOLE_FILE_LIMIT);
  });

  it('points where the whole-file parse points, at values and at keys', () => {
    const paths: [DocPath, boolean][] = [];
    for (const i of [0, 1, 2, 3, 5, 15, 99, 150, 219]) {
      for (const p of [[i], [i, 'id'], [i, 'customer'], [i, 'note'], [i, 'memo'], [i, 'lines'], [i, 'lines', 0], [i, 'lines', 0, 'qty'], [i, 'lines', 1, 'unit_price'], [i, 'missing']] as DocPath[]) {
        paths.push([p, false], [p, true]);
      }
    }
    const issues: PendingIssue[] = paths.map(([at, atKey]) => ({ file: 'data/2026/03/orders.yaml', level: 'error', message: 'x', at, ...(atKey ? { atKey } : {}) }) as PendingIssue);
    const located = locateIssues(issues, () => text);
    const oracle = wholeFile(text);
    located.forEach((got, k) => {
      const [at, atKey] = paths[k]!;
      expect({ at: at.join('.'), atKey, line: got.line, column: got.column }).toEqual({ at: at.join('.'), atKey, ...oracle(at, atKey) });
    });
  });
});

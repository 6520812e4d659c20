/**
 * Fuzzing the KPI definition parser (kpis/*.yaml: the schema, then the checks against the
 * datasets and the data) through validateRepo with the fixture data: mutations of the real
 * definitions in kpis/, and arbitrary mappings built from the format's own words. Validation
 * never throws; a definition is either valid, or reported with a position in its file; and a
 * valid one computes (runPipeline) without throwing, every value a finite number or empty.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { DATASETS, DATASET_NAMES } from '../../src/dataset/fields.ts';
import { AGGREGATIONS, type Filter, type Formula, type Kpi } from '../../src/kpi/schema.ts';
import { runPipeline } from '../../src/pipeline.ts';
import { validateRepo, type ValidationResult } from '../../src/validate/validate-repo.ts';
import { baseFiles, ROOT, toSourceFiles } from '../corpus/support.ts';
import { expectWellFormed, fuzz, linesOf, TIMEOUT } from './support.ts';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const REAL = readdirSync(`${ROOT}kpis`)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => yaml.load(readFileSync(`${ROOT}kpis/${f}`, 'utf8'), { schema: yaml.CORE_SCHEMA }) as { [k: string]: Json });

const base = baseFiles();
const enc = new TextEncoder();

const FIELD_NAMES = [...new Set(DATASET_NAMES.flatMap((d) => Object.keys(DATASETS[d].fields)))];
const OPS = [...AGGREGATIONS, 'share', 'ratio', 'growth', 'per_working_day', 'per_rep', 'retention', 'kpi'];
const WORDS = [
  ...OPS,
  ...DATASET_NAMES,
  ...FIELD_NAMES,
  'id', 'title', 'description', 'group', 'unit', 'direction', 'grains', 'frequency', 'goal', 'owner', 'formula', 'secondary', 'breakdowns', 'thresholds', 'judge', 'at_risk', 'at_risk_points', 'additive', 'maturity_days',
  'of', 'field', 'where', 'within', 'at', 'p', 'numerator', 'denominator', 'vs', 'per', 'entity', 'by', 'any', 'not',
  'eq', 'ne', 'in', 'not_in', 'lt', 'lte', 'gt', 'gte', 'exists', 'period',
  '__proto__', 'constructor', 'toString', 'prototype', 'valueOf', 'eqq', 'Share', 'sum ',
];
const VALUES: Json[] = [
  'won', 'lost', 'open', 'contact', 'cross-sell', 'jakarta', 'retail', 'referral', 'andi', 'minuman', 'TEH-1', 'net-sales', 'grow-sales',
  'in', 'before', 'after', 'ratio', 'points', 'previous-period', 'same-period-last-year', 'company', 'rep', 'month', 'quarter', 'year', 'higher', 'lower', 'percent', 'currency', 'volume',
  0, -0, 1, 0.5, 24, -1, 1e308, Number.MAX_SAFE_INTEGER + 2, 0.1 + 0.2, true, false, null, '', ' ', '🎯', 'مرحبا', 'x'.repeat(600),
  [], {}, ['won', 'lost'], { eq: 'won' }, { lte: 24 }, { period: 'in' }, { exists: true },
];

const word = fc.constantFrom(...WORDS);
const leaf: fc.Arbitrary<Json> = fc.oneof({ arbitrary: fc.constantFrom(...VALUES), weight: 4 }, { arbitrary: word, weight: 3 }, { arbitrary: fc.double(), weight: 1 }, { arbitrary: fc.string({ maxLength: 12 }), weight: 1 });

/** A key on an object as an own property, even __proto__ (plain assignment would set the prototype). */
function put(o: { [k: string]: Json }, k: string, v: Json): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

const objectOf = (entries: [string, Json][]): { [k: string]: Json } => {
  const o: { [k: string]: Json } = {};
  for (const [k, v] of entries) put(o, k, v);
  return o;
};

/** Nested values made of the format's words: mostly mappings, as definitions are. */
const value: fc.Arbitrary<Json> = fc.letrec<{ v: Json }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: leaf, weight: 3 },
    { arbitrary: fc.array(tie('v'), { maxLength: 3 }), weight: 1 },
    { arbitrary: fc.array(fc.tuple(word, tie('v')), { maxLength: 4 }).map(objectOf), weight: 3 },
  ),
})).v;

/** A path into a value, and the value there. */
function paths(v: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v && typeof v === 'object') for (const k of Object.keys(v)) paths(v[k]!, [...at, k], out);
  return out;
}

const clone = (v: Json): Json => {
  if (Array.isArray(v)) return v.map(clone);
  if (v && typeof v === 'object') return objectOf(Object.keys(v).map((k) => [k, clone(v[k]!)]));
  return v;
};

type Mutation = { kind: 'delete' | 'replace' | 'rename' | 'wrap' | 'graft' | 'swap'; pick: number; with: Json; key: string; other: number };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  // swap (a field for another field, a dataset for another, an operation for another) keeps most definitions valid, so that they reach compute.
  kind: fc.constantFrom('delete', 'replace', 'rename', 'wrap', 'graft', 'swap', 'swap', 'swap', 'swap'),
  pick: fc.nat(),
  with: value,
  key: word,
  other: fc.nat(),
});

/** Applies one mutation at one path of a definition (in place). */
function mutate(def: { [k: string]: Json }, m: Mutation): void {
  const all = paths(def).filter((p) => p.length > 0);
  if (!all.length) return;
  const at = all[m.pick % all.length]!;
  const parent = at.slice(0, -1).reduce<Json>((v, k) => (v as { [k: string]: Json })[k as string]!, def) as { [k: string]: Json } | Json[];
  const last = at[at.length - 1]!;
  const get = () => (parent as Record<string | number, Json>)[last]!;
  const set = (v: Json) => (Array.isArray(parent) ? (parent[last as number] = v) : put(parent, last as string, v));
  switch (m.kind) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last as string];
      break;
    case 'replace':
      // A copy: the constants in VALUES are shared by every run.
      set(clone(m.with));
      break;
    case 'rename':
      if (!Array.isArray(parent)) {
        const v = get();
        delete parent[last as string];
        put(parent, m.key, v);
      } else set(clone(m.with));
      break;
    case 'wrap':
      // The value becomes an operand: { ratio: { numerator: v, denominator: v } }, { growth: { of: v } }, …
      set(objectOf([[m.key, objectOf([[m.other % 2 ? 'numerator' : 'of', get()], ['denominator', clone(get())]])]]));
      break;
    case 'swap': {
      const sameKind = (w: string) => [FIELD_NAMES, DATASET_NAMES as readonly string[], OPS, VALUES.filter((x) => typeof x === 'string') as string[]].find((list) => list.includes(w));
      const v = get();
      if (typeof v === 'string' && sameKind(v)) {
        const list = sameKind(v)!;
        set(list[m.other % list.length]!);
      } else if (!Array.isArray(parent) && sameKind(last as string)) {
        const list = sameKind(last as string)!;
        delete parent[last as string];
        put(parent, list[m.other % list.length]!, v);
      }
      break;
    }
    case 'graft': {
      // A piece of another real definition put here.
      const donor = REAL[m.other % REAL.length]!;
      const pieces = paths(donor).filter((p) => p.length > 0);
      const piece = pieces[m.pick % pieces.length]!.reduce<Json>((v, k) => (v as { [k: string]: Json })[k as string]!, donor);
      set(clone(piece));
      break;
    }
  }
}

const dump = (v: unknown) => yaml.dump(v, { schema: yaml.CORE_SCHEMA, noRefs: true, lineWidth: -1 });

interface Case {
  id: string;
  text: string;
}

const realMutated: fc.Arbitrary<Case> = fc.tuple(fc.nat(REAL.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 }), fc.boolean()).map(([k, ms, flow]) => {
  const def = clone(REAL[k]!) as { [k: string]: Json };
  for (const m of ms) mutate(def, m);
  const id = typeof def.id === 'string' && /^[a-z0-9][a-z0-9-]{0,60}$/.test(def.id) ? def.id : 'fuzz-kpi';
  return { id, text: flow ? yaml.dump(def, { schema: yaml.CORE_SCHEMA, noRefs: true, flowLevel: 2, lineWidth: -1 }) : dump(def) };
});

const arbitraryMapping: fc.Arbitrary<Case> = fc.tuple(fc.array(fc.tuple(word, value), { maxLength: 10 }), fc.boolean()).map(([entries, withId]) => {
  const def = objectOf(entries);
  if (withId) put(def, 'id', 'fuzz-kpi');
  return { id: 'fuzz-kpi', text: dump(def) };
});

/** Text-level damage to a real definition: a character removed, doubled or replaced. */
const damagedText: fc.Arbitrary<Case> = fc.tuple(fc.nat(REAL.length - 1), fc.array(fc.tuple(fc.nat(), fc.constantFrom('del', 'dup', ':', '-', ' ', '\t', '"', '{', '}', '[', '&a ', '*a', '#', '\n', '\r')), { minLength: 1, maxLength: 3 })).map(([k, edits]) => {
  let text = dump(REAL[k]);
  for (const [at, e] of edits) {
    const i = at % (text.length + 1);
    text = e === 'del' ? text.slice(0, i) + text.slice(i + 1) : e === 'dup' ? text.slice(0, i) + text.slice(i, i + 1) + text.slice(i) : text.slice(0, i) + e + text.slice(i);
  }
  return { id: String(REAL[k]!.id), text };
});

const OPERATORS = new Set(['eq', 'ne', 'in', 'not_in', 'lt', 'lte', 'gt', 'gte', 'exists', 'period']);

/**
 * What a valid definition's filters may hold: fields of their dataset (own fields, not
 * "constructor"), any: and not:, and comparisons with at least one known operator. A key the
 * parser let through otherwise would be ignored when computing: a filter that filters nothing.
 */
function filterProblems(kpi: Kpi): string[] {
  const out: string[] = [];
  const filter = (ds: string, f: Filter, at: string) => {
    for (const k of Object.keys(f)) {
      const v = f[k];
      if (k === 'any') (v as Filter[]).forEach((x, i) => filter(ds, x, `${at}.any[${i}]`));
      else if (k === 'not') filter(ds, v as Filter, `${at}.not`);
      else {
        if (!Object.hasOwn(DATASETS[ds as keyof typeof DATASETS].fields, k)) out.push(`${at}.${k} is not a field of ${ds}`);
        if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
          const ops = Object.keys(v).filter((o) => (v as Record<string, unknown>)[o] !== undefined);
          if (!ops.length || ops.some((o) => !OPERATORS.has(o))) out.push(`${at}.${k} compares with ${JSON.stringify(ops)}`);
        }
      }
    }
  };
  const formula = (f: Formula, at: string) => {
    if (f.op === 'ratio') (formula(f.numerator, `${at}.numerator`), formula(f.denominator, `${at}.denominator`));
    else if (f.op === 'growth' || f.op === 'per_working_day' || f.op === 'per_rep') formula(f.of, `${at}.of`);
    else if (f.op === 'share') {
      filter(f.spec.of, f.spec.where, `${at}.where`);
      if (f.spec.within) filter(f.spec.of, f.spec.within, `${at}.within`);
    } else if (f.op !== 'kpi' && f.op !== 'retention' && f.spec.where) filter(f.spec.of, f.spec.where, `${at}.where`);
  };
  formula(kpi.formula, 'formula');
  if (kpi.secondary) formula(kpi.secondary.formula, 'secondary.formula');
  return out;
}

function check({ id, text }: Case): void {
  const path = `kpis/${id}.yaml`;
  const files = new Map(base);
  files.set(path, enc.encode(text));
  const source = toSourceFiles(files);
  let r: ValidationResult | undefined;
  expect(() => (r = validateRepo(source))).not.toThrow();
  const result = r!;
  expectWellFormed(result.issues, (file) => (file === path ? linesOf(text) : undefined));
  const valid = result.kpis.some((k) => k.id === id) || (id === 'fuzz-kpi' && result.kpis.length > 6);
  const mine = result.issues.filter((i) => i.file === path && i.level === 'error');
  if (!valid) {
    expect(mine.length, `neither valid nor reported:\n${text}`).toBeGreaterThan(0);
    // At a position, unless the document is not a mapping at all.
    let doc: unknown = null;
    try {
      doc = yaml.load(text, { schema: yaml.CORE_SCHEMA });
    } catch {
      doc = undefined;
    }
    const isMapping = doc !== null && typeof doc === 'object' && !Array.isArray(doc);
    if (isMapping || doc === undefined) expect(mine.some((i) => i.line >= 1), `no position:\n${mine.map((i) => i.message).join('\n')}\n${text}`).toBe(true);
  }
  // A definition that validates says what it was written to say: no filter key ignored, no __proto__ dropped.
  const mineValid = mine.length ? undefined : result.kpis.find((k) => `kpis/${k.id}.yaml` === path);
  if (mineValid) {
    expect(filterProblems(mineValid), text).toEqual([]);
    expect(/(^|[\s{,])"?__proto__"?\s*:/m.test(text), `__proto__ in a valid definition:\n${text}`).toBe(false);
  }
  // A repository that validates computes, and every value is a finite number or empty.
  if (result.data) {
    let out: ReturnType<typeof runPipeline> | undefined;
    expect(() => (out = runPipeline(source, []))).not.toThrow();
    for (const k of out!.report!.kpis) {
      for (const grain of Object.values(k.values)) {
        for (const p of grain ?? []) {
          expect(p.value === null || Number.isFinite(p.value), `${k.id} ${p.period}: ${p.value}`).toBe(true);
        }
      }
    }
  }
}

describe('fuzz: KPI definitions', () => {
  it(
    'mutations of the real definitions, arbitrary mappings and damaged text: never a crash; valid, or reported at a position; valid ones compute',
    async () => {
      const arb = fc.oneof({ arbitrary: realMutated, weight: 6 }, { arbitrary: arbitraryMapping, weight: 2 }, { arbitrary: damagedText, weight: 2 });
      await fuzz('KPI definitions', arb, check);
    },
    TIMEOUT,
  );
});

/**
 * The error path on columns (src/validate/problem-records.ts) against the full checker: a
 * generated repository with errors planted in a few month records (a wrong type, a value out of
 * range, an unknown reference, a missing field, a repeated id, a date outside the file's month,
 * an activity without its lead) must give exactly the same issues and summary either way, and
 * stay on columns (the result carries the columns).
 */
import { describe, expect, it } from 'vitest';
import type { MonthKind } from '../../src/ingest/chunk.ts';
import { ingestMonthFile } from '../../src/ingest/ingest-file.ts';
import { generateSampleFiles } from '../../src/sample/generate.ts';
import { validateFull, validateRepo, type SourceFile } from '../../src/validate/validate-repo.ts';
import { readTree } from '../support/repo.ts';
import { Rng } from '../../src/sample/random.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const enc = new TextEncoder();

/** Two months of 30 orders, with the real KPI definitions (its goals and targets name them). */
function sampleTexts(): Map<string, string> {
  const files = new Map<string, string>();
  for (const f of generateSampleFiles({ months: 2, ordersPerMonth: 30 })) if (!f.path.startsWith('kpis/')) files.set(f.path, f.text);
  for (const f of readTree(`${ROOT}kpis`)) files.set(`kpis/${f.path}`, new TextDecoder().decode(f.bytes));
  return files;
}
const SAMPLE = sampleTexts();
const toFiles = (texts: Map<string, string>): SourceFile[] => [...texts].map(([path, text]) => ({ path, bytes: enc.encode(text) }));

/** A small seeded generator (mulberry32). */
function rng(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}

/** Where record `i` of a list file starts and ends (each record starts with "- " at the start of a line). */
function recordAt(text: string, i: number): [number, number] | undefined {
  const starts = [...text.matchAll(/^- /gm)].map((m) => m.index!);
  if (i >= starts.length) return undefined;
  return [starts[i]!, starts[i + 1] ?? text.length];
}

/** One planted error: the kind of file, a change to one record's text (undefined: it does not apply). */
interface Plant {
  name: string;
  kind: 'orders' | 'leads' | 'activities' | 'surveys';
  change(record: string, other: (kind: string) => string): string | undefined;
}

const sub = (re: RegExp, to: string) => (r: string) => (re.test(r) ? r.replace(re, to) : undefined);

const PLANTS: Plant[] = [
  { name: 'wrong type (qty as words)', kind: 'orders', change: sub(/qty: \d+/, 'qty: many') },
  { name: 'out of range (qty 0)', kind: 'orders', change: sub(/qty: \d+/, 'qty: 0') },
  { name: 'out of range (discount above 1)', kind: 'orders', change: sub(/price: (\d+) \}/, 'price: $1, discount: 1.5 }') },
  { name: 'unknown customer', kind: 'orders', change: sub(/customer: \S+/, 'customer: C9999') },
  { name: 'unknown sku', kind: 'orders', change: sub(/sku: [^,]+/, 'sku: NOPE-1') },
  { name: 'unknown rep', kind: 'orders', change: sub(/\n {2}rep: \S+/, '\n  rep: andy') },
  { name: 'missing field (rep)', kind: 'orders', change: sub(/\n {2}rep: \S+/, '') },
  { name: 'unknown field', kind: 'orders', change: sub(/\n {2}date:/, '\n  colour: red\n  date:') },
  { name: 'a day that does not exist', kind: 'orders', change: sub(/date: (\d{4})-(\d{2})-\d{2}/, 'date: $1-$2-32') },
  { name: 'outside the file month', kind: 'orders', change: sub(/date: \d{4}-\d{2}-(\d{2})/, 'date: 2019-01-$1') },
  { name: 'repeated order id', kind: 'orders', change: (r, other) => r.replace(/id: \S+/, `id: ${other('orders')}`) },
  { name: 'two problems in one order', kind: 'orders', change: (r) => r.replace(/qty: \d+/, 'qty: -1').replace(/customer: \S+/, 'customer: C9998') },
  { name: 'bad created', kind: 'leads', change: sub(/created: \S+/, 'created: yesterday') },
  { name: 'unknown region', kind: 'leads', change: sub(/region: \S+/, 'region: atlantis') },
  { name: 'repeated lead id', kind: 'leads', change: (r, other) => r.replace(/id: \S+/, `id: ${other('leads')}`) },
  { name: 'unknown lead', kind: 'activities', change: sub(/lead: \S+/, 'lead: L-NONE-1') },
  { name: 'unknown activity type', kind: 'activities', change: sub(/type: \S+/, 'type: lunch') },
  { name: 'without its lead', kind: 'activities', change: sub(/\n {2}lead: \S+/, '') },
  { name: 'a syntax error', kind: 'orders', change: sub(/qty: (\d+)/, 'qty: [$1') },
  { name: 'a syntax error in leads', kind: 'leads', change: sub(/name: /, 'name: "') },
  { name: 'score out of range', kind: 'surveys', change: sub(/score: \d/, 'score: 9') },
  { name: 'unknown survey customer', kind: 'surveys', change: sub(/customer: \S+/, 'customer: C0000X') },
];

/** Plants `plants` into copies of the sample at random records; the names of what applied. */
function plant(random: () => number, plants: Plant[]): { texts: Map<string, string>; planted: string[] } {
  const texts = new Map(SAMPLE);
  const planted: string[] = [];
  const filesOf = (kind: string) => [...texts.keys()].filter((p) => /^data\/\d{4}\/\d{2}\//.test(p) && p.endsWith(`/${kind}.yaml`));
  const pick = <T,>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  const other = (kind: string) => {
    const text = texts.get(pick(filesOf(kind)))!;
    return pick([...text.matchAll(/^- id: (\S+)/gm)].map((m) => m[1]!));
  };
  for (const p of plants) {
    for (let attempt = 0; attempt < 40; attempt++) {
      const path = pick(filesOf(p.kind));
      const text = texts.get(path)!;
      const count = text.match(/^- /gm)?.length ?? 0;
      const at = recordAt(text, Math.floor(random() * count));
      if (!at) continue;
      const changed = p.change(text.slice(at[0], at[1]), other);
      if (changed === undefined || changed === text.slice(at[0], at[1])) continue;
      texts.set(path, text.slice(0, at[0]) + changed + text.slice(at[1]));
      planted.push(`${p.name} in ${path}`);
      break;
    }
  }
  return { texts, planted };
}

function agree(texts: Map<string, string>) {
  const files = toFiles(texts);
  const fast = validateRepo(files);
  const full = validateFull(files);
  expect(fast.data).toBeNull();
  expect(fast.issues.length).toBeGreaterThan(0);
  expect(fast.issues).toEqual(full.issues);
  expect(fast.summary).toEqual(full.summary);
  return fast;
}

describe('the error path on columns and the full checker agree', () => {
  it('the sample is clean to start with', () => {
    const r = validateRepo(toFiles(SAMPLE));
    expect(r.data).not.toBeNull();
  });

  for (const p of PLANTS) {
    it(`on one planted error: ${p.name}`, () => {
      const { texts, planted } = plant(rng(PLANTS.indexOf(p) + 1), [p]);
      expect(planted).toHaveLength(1);
      const r = agree(texts);
      // Stayed on columns: the month files are chunks, the planted file among them.
      expect(r.columns?.length).toBeGreaterThan(0);
    });
  }

  it('on a few planted errors at once, in many random draws', () => {
    for (let seed = 100; seed < 100 + Number(process.env.ERRPATH_DRAWS ?? 12); seed++) {
      const random = rng(seed);
      const chosen = Array.from({ length: 1 + Math.floor(random() * 4) }, () => PLANTS[Math.floor(random() * PLANTS.length)]!);
      const { texts, planted } = plant(random, chosen);
      try {
        const r = agree(texts);
        expect(r.columns).toBeDefined();
      } catch (e) {
        if (process.env.SHOW) console.log(JSON.stringify(validateRepo(toFiles(texts)).issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.message}`), null, 1), JSON.stringify(validateFull(toFiles(texts)).issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.message}`), null, 1));
        throw new Error(`seed ${seed}, planted: ${planted.join('; ')}\n${(e as Error).message}`);
      }
    }
  }, 900_000); // ERRPATH_DRAWS=300 draws more (a few minutes); the default 12 take a few seconds

  it('words a bad quantity once, at its place, with every other record of the file kept as columns', () => {
    const path = [...SAMPLE.keys()].find((p) => p.endsWith('/orders.yaml'))!;
    const text = SAMPLE.get(path)!;
    const texts = new Map(SAMPLE).set(path, text.replace(/qty: \d+/, 'qty: 0'));
    const r = agree(texts);
    expect(r.issues.map((i) => `${i.file}:${i.line} ${i.message}`)).toEqual([`${path}:7 lines[0].qty must be a positive integer, got 0`]);
    const columns = r.columns!.find((c) => c.chunk.file === path)!;
    const count = text.match(/^- /gm)!.length;
    expect(columns.chunk.length).toBe(count - 1);
    expect(Array.from(columns.index!)).toEqual(Array.from({ length: count - 1 }, (_, i) => i + 1));
  });

  it('gives the same with the month files handed in as chunks (worker threads, the cache)', () => {
    const random = rng(7);
    const { texts } = plant(random, [PLANTS[0]!, PLANTS[3]!, PLANTS[10]!]);
    const files = toFiles(texts);
    const tz = validateRepo(toFiles(SAMPLE)).data!.company.timezone;
    const ingested = (f: SourceFile) => {
      const m = /^data\/(\d{4})\/(\d{2})\/(orders|leads|activities|surveys)\.yaml$/.exec(f.path);
      return m ? { tz, result: ingestMonthFile(f.bytes, f.path, m[3] as MonthKind, `${m[1]}-${m[2]}`, tz) } : undefined;
    };
    const r = validateRepo(files, [], { ingested });
    expect(r.columns).toBeDefined();
    expect(r.issues).toEqual(validateFull(files).issues);
  });

  it('words a file it cannot read as a list (a syntax error, a mapping) as the full checker does, the others staying columns', () => {
    const [orders, leads] = ['orders', 'leads'].map((k) => [...SAMPLE.keys()].find((p) => p.endsWith(`/${k}.yaml`))!);
    const texts = new Map(SAMPLE).set(orders!, SAMPLE.get(orders!)!.replace(/qty: \d+/, 'qty: [1')).set(leads!, 'name: not a list\n');
    const r = agree(texts);
    expect(r.issues.map((i) => `${i.file} ${i.code}`)).toEqual([`${leads} not-a-list`, `${orders} yaml-syntax`]);
    expect(r.columns?.find((c) => c.chunk.file === orders)?.chunk.length).toBe(0);
  });
});

/**
 * In-memory repositories for KPI tests. A test states only the records that matter; this fills
 * in the rest: the base company, team, products and customers from test/fixtures/kpi/data/
 * (overridable), record ids, default reps and customers, and the month file each record belongs
 * in. The KPI definitions are the real kpis/*.yaml files, read from disk.
 *
 * The whole pipeline runs as in production: validateRepo -> buildDataset -> computeKpis. A
 * fixture that does not validate cleanly (any error) throws, with the errors, so a test never
 * silently computes over data the product would have refused.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { expect } from 'vitest';
import { computeKpis, type ComputeResult, type KpiPeriodValue, type MemberValue } from '../../src/compute/compute-kpis.ts';
import { fieldsUsedBy } from '../../src/kpi/fields-used.ts';
import { buildDataset } from '../../src/dataset/build-dataset.ts';
import type { Kpi } from '../../src/kpi/schema.ts';
import type { ActivityInput } from '../../src/schema/activities.ts';
import type { CompanyInput } from '../../src/schema/company.ts';
import type { CustomerInput } from '../../src/schema/customers.ts';
import type { LeadInput } from '../../src/schema/leads.ts';
import type { OrderInput } from '../../src/schema/orders.ts';
import type { SurveyInput } from '../../src/schema/surveys.ts';
import type { RepInput } from '../../src/schema/team.ts';
import { formatIssue, type Issue } from '../../src/issues/issue.ts';
import { validateRepo, type SourceFile } from '../../src/validate/validate-repo.ts';
import { fileOf, readTree } from '../support/repo.ts';

const BASE = fileURLToPath(new URL('../fixtures/kpi/data/', import.meta.url));
const KPIS = fileURLToPath(new URL('../../kpis/', import.meta.url));

type OrderLineInput = OrderInput['lines'][number];

/** An order: the date is required; id, customer (C1), rep (andi) and lines default. */
export type OrderSpec = Partial<OrderInput> & { date: string };
/** A lead: id and created are required; source (referral), rep (andi), region (jakarta) default. */
export type LeadSpec = Partial<LeadInput> & { id: string; created: string };
/** An activity: at is required; id, type (contact) and rep (andi) default. */
export type ActivitySpec = Partial<ActivityInput> & { at: string };
/** A survey response: date and score are required; id and customer (C1) default. */
export type SurveySpec = Partial<SurveyInput> & { date: string; score: number };

export interface FixtureInput {
  /** Fields laid over the base company.yaml (fiscal_year_start, holidays, …). */
  company?: Partial<CompanyInput>;
  /** Replaces the base team. */
  team?: RepInput[];
  /** Replaces the base customers. */
  customers?: CustomerInput[];
  orders?: OrderSpec[];
  leads?: LeadSpec[];
  activities?: ActivitySpec[];
  surveys?: SurveySpec[];
  /** Months (YYYY-MM) whose folder exists with nothing in it: an orders.yaml without records. */
  emptyMonths?: string[];
}

export interface Computed {
  result: ComputeResult;
  /** Validation warnings (errors throw). */
  warnings: Issue[];
  /** A KPI's value in one period: 2026-03 (month), 2026-Q1 (fiscal quarter), 2026 (fiscal year) or 2026-W05 (week). */
  at(kpi: string, period: string): KpiPeriodValue;
  /** The period labels of a grain, oldest first. */
  labels(grain: 'week' | 'month' | 'quarter' | 'year'): string[];
}

const baseText = (name: string) => readFileSync(BASE + name, 'utf8');
const loadBase = (name: string) => yaml.load(baseText(name), { schema: yaml.CORE_SCHEMA });

let kpiFiles: SourceFile[] | undefined;
/** The real KPI definitions, kpis/*.yaml. */
function kpiSources(): SourceFile[] {
  return (kpiFiles ??= readTree(KPIS).map((f) => ({ ...f, path: `kpis/${f.path}` })));
}

/** The real KPI definition with this id. */
export function kpiDefinition(id: string): Kpi {
  const v = validateRepo([...baseFiles({}), ...kpiSources()]);
  const k = v.kpis.find((x) => x.id === id);
  if (!k) throw new Error(`no KPI ${id} in kpis/`);
  return k;
}

/** One order line of TEH-1 worth `amount`: for tests where only the order's value matters. */
export function sale(date: string, customer: string, amount: number, more: Partial<OrderSpec> = {}): OrderSpec {
  return { date, customer, lines: [{ sku: 'TEH-1', qty: 1, price: amount }], ...more };
}

export function line(sku: string, qty: number, price: number, more: Partial<OrderLineInput> = {}): OrderLineInput {
  return { sku, qty, price, ...more };
}

function baseFiles(input: FixtureInput): SourceFile[] {
  const company = { ...(loadBase('company.yaml') as object), ...input.company };
  return [
    fileOf('data/company.yaml', company),
    input.team ? fileOf('data/team.yaml', input.team) : fileOf('data/team.yaml', baseText('team.yaml')),
    fileOf('data/products.yaml', baseText('products.yaml')),
    input.customers ? fileOf('data/customers.yaml', input.customers) : fileOf('data/customers.yaml', baseText('customers.yaml')),
    fileOf('data/goals.yaml', baseText('goals.yaml')),
  ];
}

/**
 * The company-local month (YYYY-MM) of a date-time as written: without an offset it is company
 * time already; with one, the instant is turned into company time with Intl (not with the
 * engine's own code, so placement is checked, not assumed).
 */
export function localMonth(written: string, timeZone: string): string {
  if (!/(Z|[+-]\d{2}:?\d{2})$/.test(written)) return written.slice(0, 7);
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(new Date(written.replace(' ', 'T')));
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}`;
}

/** The files of an in-memory repository: base data, the test's month files, kpis/. */
export function repoFiles(input: FixtureInput): SourceFile[] {
  const tz = input.company?.timezone ?? (loadBase('company.yaml') as { timezone: string }).timezone;
  const months = new Map<string, Record<string, unknown[]>>();
  const put = (month: string, kind: string, record: unknown) => {
    let m = months.get(month);
    if (!m) months.set(month, (m = {}));
    (m[kind] ??= []).push(record);
  };
  (input.orders ?? []).forEach((o, i) =>
    put(o.date.slice(0, 7), 'orders', { id: `SO-${i + 1}`, customer: 'C1', rep: 'andi', lines: [line('TEH-1', 1, 1000)], ...o }),
  );
  for (const l of input.leads ?? []) put(localMonth(l.created, tz), 'leads', { source: 'referral', rep: 'andi', region: 'jakarta', ...l });
  (input.activities ?? []).forEach((a, i) => put(localMonth(a.at, tz), 'activities', { id: `A-${i + 1}`, type: 'contact', rep: 'andi', ...a }));
  (input.surveys ?? []).forEach((s, i) => put(s.date.slice(0, 7), 'surveys', { id: `S-${i + 1}`, customer: 'C1', ...s }));

  const files = [...baseFiles(input)];
  for (const [month, kinds] of months) {
    for (const [kind, records] of Object.entries(kinds)) files.push(fileOf(`data/${month.slice(0, 4)}/${month.slice(5, 7)}/${kind}.yaml`, records));
  }
  for (const month of input.emptyMonths ?? []) {
    if (months.has(month)) throw new Error(`fixture: ${month} is listed as empty but has records`);
    files.push(fileOf(`data/${month.slice(0, 4)}/${month.slice(5, 7)}/orders.yaml`, '# nothing happened this month\n'));
  }
  return [...files, ...kpiSources()];
}

/** Validates, builds the dataset and computes every KPI. Throws on any validation error. */
export function compute(input: FixtureInput): Computed {
  const v = validateRepo(repoFiles(input));
  const errors = v.issues.filter((i) => i.level === 'error');
  if (errors.length || !v.data) throw new Error(`fixture does not validate:\n${errors.map(formatIssue).join('\n')}`);
  if (v.kpis.length !== 22) throw new Error(`expected the 22 KPI definitions of kpis/, got ${v.kpis.length}`);
  // Only the columns the KPIs name, as the pipeline builds them.
  const result = computeKpis({ data: v.data, dataset: buildDataset(v.data, fieldsUsedBy(v.kpis)), kpis: v.kpis });
  return {
    result,
    warnings: v.issues.filter((i) => i.level === 'warning'),
    at(kpi, period) {
      const grain = /^\d{4}-\d{2}$/.test(period) ? 'month' : /^\d{4}-Q[1-4]$/.test(period) ? 'quarter' : /^\d{4}-W\d{2}$/.test(period) ? 'week' : 'year';
      const series = result.values[kpi]?.[grain];
      if (!series) throw new Error(`no ${grain} values for KPI ${kpi}`);
      const found = series.find((x) => x.period === period);
      if (!found) throw new Error(`KPI ${kpi} has no period ${period}; it has ${series.map((x) => x.period).join(', ')}`);
      return found;
    },
    labels: (grain) => (grain === 'week' ? (result.weeks ?? []) : result.periods[grain]).map((p) => p.label),
  };
}

/** One breakdown member's value. Throws when the member is not listed. */
export function member(v: KpiPeriodValue, breakdown: string, name: string): MemberValue {
  const list = v.breakdowns[breakdown];
  if (!list) throw new Error(`no breakdown ${breakdown}; there are ${Object.keys(v.breakdowns).join(', ')}`);
  const m = list.find((x) => x.member === name);
  if (!m) throw new Error(`breakdown ${breakdown} has no member ${name}; it has ${list.map((x) => x.member).join(', ')}`);
  return m;
}

/** A breakdown as { member: value } (null for no value), for whole-breakdown expectations. */
export function members(v: KpiPeriodValue, breakdown: string): Record<string, number | null> {
  const list = v.breakdowns[breakdown];
  if (!list) throw new Error(`no breakdown ${breakdown}; there are ${Object.keys(v.breakdowns).join(', ')}`);
  return Object.fromEntries(list.map((m) => [m.member, m.value]));
}

/** No value, for this reason (and never NaN). */
export function expectNone(v: { value: number | null; reason?: string } | undefined, reason: string): void {
  expect({ value: v?.value, reason: v?.reason }).toEqual({ value: null, reason });
}

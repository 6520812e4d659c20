/**
 * What the schema alone cannot see in KPI definitions: fields that do not exist in their
 * dataset, a breakdown a dataset cannot give, values a vocabulary does not have (a typo in a
 * filter would silently match nothing), unknown goals and KPIs, cycles between KPIs.
 */
import { DATASETS, type DatasetName, type FieldInfo } from '../dataset/fields.ts';
import { ENUM_VALUES } from '../schema/record-fields.ts';
import { closest } from '../issues/did-you-mean.ts';
import { issue, type DocPath, type PendingIssue } from '../issues/issue.ts';
import { GRAIN_OF_FREQUENCY, type Filter, type Formula, type Kpi } from './schema.ts';

export interface KpiFile {
  file: string;
  kpi: Kpi;
}

export interface KpiCheckContext {
  /** Known values per vocabulary (region ids, segment ids, …), from the data. */
  vocabularies: Record<string, Set<string>>;
  goals: Set<string>;
}

/** Values of vocabularies that are fixed by the format itself. */
const FIXED: Record<string, readonly string[]> = {
  // The record fields' own (kind, type, channel: schema/record-fields.ts), then the derived ones.
  ...ENUM_VALUES,
  status: ['open', 'won', 'lost'],
  lead_open: ['yes', 'no'],
  touch: ['yes', 'no'],
};

const NUMERIC_OPS = new Set(['sum', 'avg', 'median', 'percentile', 'min', 'max']);

export function checkKpis(files: KpiFile[], ctx: KpiCheckContext): PendingIssue[] {
  const out: PendingIssue[] = [];
  const byId = new Map(files.map((f) => [f.kpi.id, f]));
  for (const { file, kpi } of files) {
    const expected = file.replace(/^.*\//, '').replace(/\.yaml$/, '');
    if (kpi.id !== expected) out.push(issue(file, ['id'], 'kpi-id-file', `id "${kpi.id}" differs from the file name`, `name the file kpis/${kpi.id}.yaml, or set id: ${expected}`));
    if (kpi.goal && !ctx.goals.has(kpi.goal)) {
      const guess = closest(kpi.goal, [...ctx.goals]);
      out.push(issue(file, ['goal'], 'unknown-goal', `goal "${kpi.goal}" does not exist`, `${guess ? `did you mean "${guess}"? ` : ''}goals are listed in data/goals.yaml`));
    }
    out.push(...grainProblems(file, kpi, byId));
    const check = formulaChecker(file, byId, ctx, out);
    const used = check(kpi.formula, ['formula']);
    if (kpi.secondary) check(kpi.secondary.formula, ['secondary', 'formula']);
    kpi.breakdowns.forEach((b, i) => {
      for (const ds of used.datasets) {
        const f = fieldInfo(ds, b.field);
        const options = () => Object.entries(DATASETS[ds].fields).filter(([, x]) => x.type === 'category' && x.breakdown !== false).map(([k]) => k);
        if (!f || f.type !== 'category') {
          out.push(issue(file, ['breakdowns', i], 'unknown-breakdown', `breakdown "${b.field}" is not something ${ds} can be broken down by`, `${ds} can be broken down by: ${options().join(', ')}`));
        } else if (f.breakdown === false) {
          out.push(issue(file, ['breakdowns', i], 'unknown-breakdown', `breakdown "${b.field}" would list every ${b.field} one by one`, `break ${ds} down by a field with a few values: ${options().join(', ')}`));
        }
      }
      if (used.perRepField !== null && b.field !== used.perRepField) {
        out.push(issue(file, ['breakdowns', i], 'unknown-breakdown', `breakdown "${b.field}" cannot be divided per rep`, `a per-rep formula can be broken down by its rep field only (${used.perRepField})`));
      }
    });
  }
  out.push(...cycles(files));
  return out;
}

/**
 * The frequency's grain must be one of the KPI's grains (the dashboard shows a KPI at its
 * frequency), and the week grain needs a formula that a week can hold: no retention (its windows
 * start at month starts) and no growth against the same period last year (a year has 52 or 53 weeks).
 */
function grainProblems(file: string, kpi: Kpi, byId: Map<string, KpiFile>): PendingIssue[] {
  const out: PendingIssue[] = [];
  const grain = GRAIN_OF_FREQUENCY[kpi.frequency];
  if (!kpi.grains.includes(grain)) {
    out.push(issue(file, ['frequency'], 'frequency-grain', `frequency ${kpi.frequency} needs the ${grain} grain, and grains are ${kpi.grains.join(', ')}`, `add ${grain} to grains, or choose a frequency of one of them`));
  }
  if (kpi.grains.includes('week')) {
    const seen = new Set<string>();
    const why = (f: Formula): string | null => {
      if (f.op === 'retention') return 'retention';
      if (f.op === 'growth') return f.vs === 'same-period-last-year' ? 'growth against the same period last year' : why(f.of);
      if (f.op === 'ratio') return why(f.numerator) ?? why(f.denominator);
      if (f.op === 'per_working_day' || f.op === 'per_rep') return why(f.of);
      if (f.op === 'kpi' && !seen.has(f.id)) {
        seen.add(f.id);
        const k = byId.get(f.id)?.kpi;
        return k ? why(k.formula) : null;
      }
      return null;
    };
    const bad = why(kpi.formula) ?? (kpi.secondary ? why(kpi.secondary.formula) : null);
    if (bad) out.push(issue(file, ['grains', kpi.grains.indexOf('week')], 'week-grain', `the week grain cannot compute ${bad}`, 'remove week from grains: weeks hold counts, sums, averages, shares and rates per working day'));
  }
  return out;
}

/** A dataset's field, only its own: "constructor" or "toString" is not a field. */
function fieldInfo(ds: DatasetName, field: string): FieldInfo | undefined {
  return Object.hasOwn(DATASETS[ds].fields, field) ? DATASETS[ds].fields[field] : undefined;
}

interface Used {
  datasets: Set<DatasetName>;
  /** The field naming the rep when the formula divides per rep, else null. */
  perRepField: string | null;
}

function formulaChecker(file: string, byId: Map<string, KpiFile>, ctx: KpiCheckContext, out: PendingIssue[]) {
  const fieldOf = (ds: DatasetName, field: string, at: DocPath, want?: FieldInfo['type'] | 'numeric'): FieldInfo | undefined => {
    const f = fieldInfo(ds, field);
    if (!f) {
      const names = Object.keys(DATASETS[ds].fields);
      const guess = closest(field, names);
      out.push(issue(file, at, 'unknown-field', `field "${field}" does not exist in ${ds}`, guess ? `did you mean "${guess}"?` : `${ds} has: ${names.join(', ')}`));
      return undefined;
    }
    const type = want === 'numeric' ? 'number' : want;
    if (type && f.type !== type) out.push(issue(file, at, 'wrong-field-type', `field "${field}" of ${ds} is a ${f.type} field, not a ${type} field`, `choose a ${type} field of ${ds}`));
    return f;
  };

  const checkFilter = (ds: DatasetName, filter: Filter, at: DocPath) => {
    for (const [key, cond] of Object.entries(filter)) {
      if (cond === undefined) continue;
      if (key === 'any' && Array.isArray(cond)) {
        cond.forEach((f, i) => checkFilter(ds, f as Filter, [...at, 'any', i]));
        continue;
      }
      if (key === 'not' && cond && typeof cond === 'object' && !Array.isArray(cond)) {
        checkFilter(ds, cond as Filter, [...at, 'not']);
        continue;
      }
      const f = fieldOf(ds, key, [...at, key]);
      if (!f) continue;
      const values: unknown[] = Array.isArray(cond) ? cond : typeof cond === 'object' && cond !== null ? [(cond as Record<string, unknown>).eq, (cond as Record<string, unknown>).ne, ...((cond as Record<string, unknown[]>).in ?? []), ...((cond as Record<string, unknown[]>).not_in ?? [])] : [cond];
      const obj = typeof cond === 'object' && cond !== null && !Array.isArray(cond) ? (cond as Record<string, unknown>) : {};
      if (f.type !== 'number' && ['lt', 'lte', 'gt', 'gte'].some((k) => obj[k] !== undefined)) {
        out.push(issue(file, [...at, key], 'wrong-field-type', `"${key}" is a ${f.type} field: lt, lte, gt and gte compare numbers`, 'compare a number field, or use eq / in'));
      }
      if (obj.period !== undefined && f.type !== 'time') {
        out.push(issue(file, [...at, key, 'period'], 'wrong-field-type', `"${key}" is not a time field: period compares times`, 'use period on a time field such as customer_first_order'));
      }
      if (f.type === 'category') {
        const vocabulary = f.vocabulary ?? key;
        const known = FIXED[vocabulary] ? new Set(FIXED[vocabulary]) : ctx.vocabularies[vocabulary];
        if (!known) continue;
        for (const v of values) {
          if (v === undefined || known.has(String(v))) continue;
          const guess = closest(String(v), [...known]);
          out.push(issue(file, [...at, key], 'unknown-value', `${key} "${String(v)}" matches nothing: no such ${vocabulary}`, guess ? `did you mean "${guess}"?` : `known values: ${[...known].slice(0, 12).join(', ')}`));
        }
      }
    }
  };

  const check = (f: Formula, at: DocPath, seen: Set<string> = new Set()): Used => {
    const used: Used = { datasets: new Set(), perRepField: null };
    const merge = (u: Used) => {
      for (const d of u.datasets) used.datasets.add(d);
      used.perRepField ??= u.perRepField;
    };
    switch (f.op) {
      case 'ratio':
        merge(check(f.numerator, [...at, 'ratio', 'numerator'], seen));
        merge(check(f.denominator, [...at, 'ratio', 'denominator'], seen));
        break;
      case 'growth':
        merge(check(f.of, [...at, 'growth', 'of'], seen));
        break;
      case 'per_working_day':
      case 'per_rep': {
        const inner = check(f.of, [...at, f.op, 'of'], seen);
        merge(inner);
        if (f.op === 'per_rep' || f.per === 'rep') {
          for (const ds of inner.datasets) fieldOf(ds, f.field, [...at, f.op, 'field'], 'category');
          used.perRepField = f.field;
        }
        break;
      }
      case 'kpi': {
        const target = byId.get(f.id);
        if (!target) {
          const guess = closest(f.id, [...byId.keys()]);
          out.push(issue(file, [...at, 'kpi'], 'unknown-kpi', `KPI "${f.id}" does not exist`, guess ? `did you mean "${guess}"?` : 'KPIs are the files in kpis/'));
        } else if (!seen.has(f.id)) {
          // Datasets of the referenced KPI decide what breakdowns are possible; cycles are reported once, below.
          const sub = formulaChecker(target.file, byId, ctx, []);
          merge(sub(target.kpi.formula, ['formula'], new Set([...seen, f.id])));
        }
        break;
      }
      case 'retention': {
        const ds = f.spec.of as DatasetName;
        used.datasets.add(ds);
        fieldOf(ds, f.spec.entity, [...at, 'retention', 'entity'], 'category');
        if (f.spec.at) fieldOf(ds, f.spec.at, [...at, 'retention', 'at'], 'time');
        break;
      }
      case 'share': {
        const ds = f.spec.of as DatasetName;
        used.datasets.add(ds);
        const base = [...at, 'share'];
        checkFilter(ds, f.spec.where, [...base, 'where']);
        if (f.spec.within) checkFilter(ds, f.spec.within, [...base, 'within']);
        if (f.spec.field) fieldOf(ds, f.spec.field, [...base, 'field'], 'numeric');
        if (f.spec.at) fieldOf(ds, f.spec.at, [...base, 'at'], 'time');
        break;
      }
      default: {
        const ds = f.spec.of as DatasetName;
        used.datasets.add(ds);
        const base = [...at, f.op];
        if (f.op === 'count') {
          if (f.spec.field) out.push(issue(file, [...base, 'field'], 'unexpected-field', 'count counts rows and takes no field', 'remove field, or use count_distinct to count distinct values of a field'));
        } else if (!f.spec.field) {
          out.push(issue(file, base, 'missing-field', `${f.op} needs a field`, `add "field:" naming a ${f.op === 'count_distinct' ? '' : 'number '}field of ${ds}`));
        } else fieldOf(ds, f.spec.field, [...base, 'field'], NUMERIC_OPS.has(f.op) ? 'numeric' : undefined);
        if (f.op === 'percentile' && f.spec.p === undefined) out.push(issue(file, base, 'missing-field', 'percentile needs p, the percentile as a fraction', 'add "p: 0.9" for the 90th percentile'));
        if (f.spec.where) checkFilter(ds, f.spec.where, [...base, 'where']);
        if (f.spec.at) fieldOf(ds, f.spec.at, [...base, 'at'], 'time');
      }
    }
    return used;
  };
  return check;
}

/** KPIs that refer to themselves through `kpi:` references. */
function cycles(files: KpiFile[]): PendingIssue[] {
  const refs = new Map<string, string[]>();
  const collect = (f: Formula, acc: string[]) => {
    if (f.op === 'kpi') acc.push(f.id);
    else if (f.op === 'ratio') (collect(f.numerator, acc), collect(f.denominator, acc));
    else if (f.op === 'growth' || f.op === 'per_working_day' || f.op === 'per_rep') collect(f.of, acc);
    return acc;
  };
  for (const { kpi } of files) refs.set(kpi.id, [...collect(kpi.formula, []), ...(kpi.secondary ? collect(kpi.secondary.formula, []) : [])]);
  const out: PendingIssue[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, path: string[]) => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      const cycle = [...path.slice(path.indexOf(id)), id];
      const file = files.find((f) => f.kpi.id === id)!.file;
      out.push(issue(file, ['formula'], 'kpi-cycle', `KPIs refer to each other in a circle: ${cycle.join(' -> ')}`, 'one of them must be computed from data, not from the others'));
      return;
    }
    state.set(id, 'visiting');
    for (const r of refs.get(id) ?? []) if (refs.has(r)) visit(r, [...path, id]);
    state.set(id, 'done');
  };
  for (const id of [...refs.keys()].sort()) visit(id, []);
  return out;
}

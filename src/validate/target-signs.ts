/**
 * A target whose sign makes attainment meaningless: a zero or negative target of a KPI judged
 * by ratio (value ÷ target). −2 % as a target for a ratio gives "−77 % attainment" for a growth of
 * 1.5 %; such a KPI should be judged in points (`judge: points`, the default for percent KPIs).
 */
import type { Kpi } from '../kpi/schema.ts';
import { judgingOf } from '../kpi/judging.ts';
import { issue, type PendingIssue } from '../issues/issue.ts';
import type { RepoData } from './repo-data.ts';
import { eachRecord } from './rules/each-record.ts';

export function targetSigns(data: Partial<RepoData>, kpis: Kpi[]): PendingIssue[] {
  const byId = new Map(kpis.map((k) => [k.id, k]));
  const out: PendingIssue[] = [];
  eachRecord(data.targets ?? [], (t, file, at) => {
    const kpi = byId.get(t.kpi);
    if (!kpi || t.value > 0 || judgingOf(kpi).judge !== 'ratio') return;
    out.push(
      issue(
        file,
        [...at, 'value'],
        'target-sign',
        `value: ${t.value} is ${t.value === 0 ? 'zero' : 'below zero'}, but "${kpi.id}" is judged by attainment (value ÷ target), which means nothing against such a target; it is judged on which side of the target the value is`,
        `set judge: points in kpis/${kpi.id}.yaml to judge it by the difference to the target, or give a target above zero`,
        'warning',
      ),
    );
  });
  return out;
}

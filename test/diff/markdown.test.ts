/**
 * The PR comment's escaping and budget, on their own: `inert` against what GitHub links or
 * renders, and a restatement of 60 months rendered within the budget.
 */
import { describe, expect, it } from 'vitest';
import type { ReportDiff, ValueChange } from '../../src/diff/diff-reports.ts';
import { codeOf, fenceOf, inert } from '../../src/diff/inert.ts';
import { DEFAULT_BUDGET, renderDiffMarkdown } from '../../src/diff/markdown.ts';
import type { Report } from '../../src/report/model.ts';

const ZWJ = '\u200d';

describe('inert', () => {
  it.each([
    ['@octocat', `@${ZWJ}octocat`],
    ['mail a@b.co', `mail a@${ZWJ}b.co`],
    ['#1', `#${ZWJ}1`],
    ['GH-2', `GH${ZWJ}-2`],
    ['owner/repo#3', `owner/repo#${ZWJ}3`],
    ['https://x.example', `https:${ZWJ}//x.example`],
    ['www.x.example', `www${ZWJ}.x.example`],
    ['a5c3785ed8', `a5c378${ZWJ}5ed8`],
    ['<img src=x>', '&lt;img src=x&gt;'],
    ['R&D', 'R&amp;D'],
    ['a|b', 'a\\|b'],
    ['*b* _i_ [l](u) `c` ~s~ $m$ !x \\', '\\*b\\* \\_i\\_ \\[l\\](u) \\`c\\` \\~s\\~ \\$m\\$ \\!x \\\\'],
  ])('%j → %j', (from, to) => expect(inert(from)).toBe(to));

  it('keeps every string on one line, whatever the line break', () => {
    for (const br of ['\n', '\r', '\r\n', '\u0085', '\u2028', '\u2029', '\v', '\f']) expect(inert(`a${br}b`)).toBe('a b');
  });

  it('drops bidirectional controls and cuts long strings', () => {
    expect(inert('a\u202eb\u2066c')).toBe('abc');
    expect(inert('x'.repeat(500), 10)).toBe('x'.repeat(9) + '…');
  });

  it('puts code in <code>, where its escapes hold, never in a backtick span a newline or backtick could end', () => {
    expect(codeOf('data/2026/03/a`b\n@c.yaml')).toBe(`<code>data/2026/03/a\\\`b @${ZWJ}c.yaml</code>`);
  });

  it('fences validation problems with a fence longer than any run of backticks inside, one line each', () => {
    const f = fenceOf(['a ``` b', 'c\n```\nd']);
    expect(f.open).toBe('````');
    expect(f.lines).toEqual(['a ``` b', 'c ``` d']);
  });
});

/** A head report with 21 KPIs and the month 2026-11, enough for the renderer. */
function fakeReport(): Report {
  const kpis = Array.from({ length: 21 }, (_, i) => ({
    id: `kpi-${i}`,
    title: { id: `KPI nomor ${i} dengan judul panjang`, en: `KPI number ${i} with a long title` },
    unit: 'currency',
    values: { month: [{ period: '2026-11', value: 1000 * i, target: 900 * i, status: 'on-track', changeRatio: 0.01, notes: [], breakdowns: {} }] },
  }));
  return { company: { currency: 'IDR' }, labels: { region: { jakarta: 'Jakarta' } }, kpis, lints: [] } as unknown as Report;
}

/** A restatement of 60 months: every KPI, month, and a region member each, plus a definition change. */
function bigDiff(): ReportDiff {
  const months = Array.from({ length: 60 }, (_, i) => `${2021 + Math.floor((i + 10) / 12)}-${String(((i + 10) % 12) + 1).padStart(2, '0')}`);
  const values: ValueChange[] = [];
  for (let k = 0; k < 21; k++) {
    for (const period of months) {
      const row = { kind: 'restatement' as const, kpi: `kpi-${k}`, grain: 'month' as const, period, before: 1000, after: 1100, change: 100, changeRatio: 0.1, targetBefore: null, targetAfter: null, statusBefore: null, statusAfter: null };
      values.push(row, { ...row, breakdown: 'region', member: 'jakarta' });
    }
  }
  values.push({ kind: 'definition', kpi: 'kpi-3', grain: 'month', period: '2026-10', before: 1, after: 2, change: 1, changeRatio: 1, targetBefore: null, targetAfter: null, statusBefore: null, statusAfter: null });
  return {
    newMonths: ['2026-11'],
    restatedMonths: months,
    files: months.map((m) => ({ file: `data/${m.slice(0, 4)}/${m.slice(5)}/orders.yaml`, status: 'modified' as const, added: [], removed: [], changed: ['SO-1', 'SO-2'] })),
    sharedFiles: [{ file: 'data/customers.yaml', status: 'modified', summary: [{ action: 'changed', subject: 'customers', count: 412, field: 'region' }] }],
    definitions: [{ kpi: 'kpi-3', file: 'kpis/kpi-3.yaml', status: 'modified', fields: ['formula'] }],
    values,
    newLints: [{ level: 'warning', code: 'no-goal', kpi: 'kpi-4', file: 'kpis/kpi-4.yaml', message: { id: 'KPI 4 tidak melayani tujuan', en: 'KPI 4 serves no goal' } }],
  };
}

describe('the budget', () => {
  const headings = ['### ⚠️ Closed periods changed (restatement)', '### Shared files changed', '### KPI definitions changed', '### New lints', '### New month 2026-11'];

  it('holds a restatement of 60 months within the default budget, every section kept and every <details> closed', () => {
    const input = { diff: bigDiff(), head: fakeReport(), base: null, issues: [], lang: 'en' as const };
    const full = renderDiffMarkdown({ ...input, budget: Infinity });
    expect(full.length).toBeGreaterThan(DEFAULT_BUDGET);
    const text = renderDiffMarkdown(input);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(DEFAULT_BUDGET);
    expect(text.split('\n')[0]).toBe('**capaian**: ⚠️ **RESTATED: 2021-11 … 2026-10 (60 months)** (2520 values) · 2026-11 added · 1 KPI definition changed · 1 shared file changed · 1 new lint');
    for (const h of headings) expect(text).toContain(h);
    expect(text).toContain('- <code>data/customers.yaml</code>: 412 customers changed region');
    expect(text).toContain('- <code>kpis/kpi-3.yaml</code> (KPI number 3 with a long title): changed: <code>formula</code>; 1 value');
    expect(text).toContain('KPI 4 serves no goal');
    expect(text).toMatch(/… \d+ more rows, see the artifact \(the full report\)/);
    expect(text.match(/<details>/g)?.length).toBe(text.match(/<\/details>/g)?.length);
    // The full report has no note and every row.
    expect(full).not.toContain('see the artifact');
    expect(full.match(/\| KPI number 0 with a long title · region: Jakarta \| /g)?.length).toBe(60);
  });

  it('keeps the summary and every heading with a budget too small for any row', () => {
    const text = renderDiffMarkdown({ diff: bigDiff(), head: fakeReport(), base: null, issues: [], lang: 'en', budget: 800 });
    for (const h of headings) expect(text).toContain(h);
    expect(text).not.toContain('<details>');
    expect(text).toContain('… 2520 more rows, see the artifact');
  });

  it('speaks Indonesian too', () => {
    const text = renderDiffMarkdown({ diff: bigDiff(), head: fakeReport(), base: null, issues: [], lang: 'id', budget: 5000 });
    expect(text.split('\n')[0]).toContain('⚠️ **DINYATAKAN ULANG: 2021-11 … 2026-10 (60 bulan)**');
    expect(text).toContain('412 pelanggan berganti wilayah');
    expect(text).toMatch(/baris lainnya, lihat artefak/);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(5000);
  });
});

import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.ts';
import { readTree } from '../support/repo.ts';

const files = readTree(new URL('../fixtures/valid', import.meta.url).pathname);
const text = (path: string) => new TextDecoder().decode(files.find((f) => f.path === path)!.bytes);

describe('the definition as written, in the report model', () => {
  it('carries the text of kpis/<id>.yaml on each KPI, with line ends made plain', () => {
    const crlf = '# Our base number.\r\n' + text('kpis/net-sales.yaml').replace(/\n/g, '\r\n');
    const changed = files.map((f) => (f.path === 'kpis/net-sales.yaml' ? { ...f, bytes: new TextEncoder().encode(crlf) } : f));
    const { report } = runPipeline(changed, []);
    const kpi = report!.kpis.find((k) => k.id === 'net-sales')!;
    expect(kpi.source).toBe('# Our base number.\n' + text('kpis/net-sales.yaml'));
    expect(report!.kpis.find((k) => k.id === 'follow-up-24h')!.source).toBe(text('kpis/follow-up-24h.yaml'));
  });

  it('keeps the secondary formula for display', () => {
    const { report } = runPipeline(files, []);
    const csat = report!.kpis.find((k) => k.id === 'customer-satisfaction')!;
    expect(csat.secondary?.formula).toEqual({ op: 'share', spec: { of: 'surveys', where: { score: { gte: 4 } } } });
  });
});

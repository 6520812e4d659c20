/**
 * The one-line summaries of shared files, worked by hand from two versions of each file.
 */
import { describe, expect, it } from 'vitest';
import { fileChanges, sharedFileChanges } from '../../src/diff/record-changes.ts';

const file = (path: string, text: string) => ({ path, bytes: new TextEncoder().encode(text) });

describe('sharedFileChanges', () => {
  it('counts an owner change once per customer, whether written as owner or as the dated owners list', () => {
    const base = [file('data/customers.yaml', '- { id: C1, name: A, region: jakarta, owner: andi }\n- { id: C2, name: B, region: bandung, owner: budi }\n- { id: C3, name: C, region: bandung, owner: budi }\n')];
    const head = [
      file(
        'data/customers.yaml',
        // C1: owner replaced by a dated list (both fields change: one ownership change); C2: owner changed; C3: region changed.
        '- { id: C1, name: A, region: jakarta, owners: [{ rep: andi, from: 2025-01-01 }, { rep: budi, from: 2026-02-01 }] }\n- { id: C2, name: B, region: bandung, owner: andi }\n- { id: C3, name: C, region: jakarta, owner: budi }\n- { id: C4, name: D, region: jakarta, owner: andi }\n',
      ),
    ];
    expect(sharedFileChanges(base, head)).toEqual([
      {
        file: 'data/customers.yaml',
        status: 'modified',
        summary: [
          { action: 'added', subject: 'customers', count: 1 },
          { action: 'changed', subject: 'customers', count: 2, field: 'owner' },
          { action: 'changed', subject: 'customers', count: 1, field: 'region' },
        ],
      },
    ]);
  });

  it('summarises company.yaml per section: holidays by date, regions by id, settings by name', () => {
    const base = [file('data/company.yaml', 'timezone: Asia/Jakarta\nworking_days: [mon, tue, wed, thu, fri]\nholidays:\n  - { date: 2026-03-20, name: Idul Fitri }\nregions:\n  - { id: jakarta, name: Jakarta }\n')];
    const head = [
      file('data/company.yaml', 'timezone: Asia/Jakarta\nworking_days: [mon, tue, wed, thu, fri, sat]\nholidays:\n  - { date: 2026-03-20, name: Idul Fitri 1447 H }\n  - { date: 2026-03-23, name: Cuti bersama }\nregions:\n  - { id: jakarta, name: Jakarta }\n  - { id: bali, name: Bali }\n'),
    ];
    expect(sharedFileChanges(base, head)[0]!.summary).toEqual([
      { action: 'changed', subject: 'working_days', count: null },
      { action: 'added', subject: 'holidays', count: 1 },
      { action: 'changed', subject: 'holidays', count: 1, field: 'name' },
      { action: 'added', subject: 'regions', count: 1 },
    ]);
  });

  it('counts targets by kpi, period and scope, and leaves out month files, formatting-only changes and files validation ignores', () => {
    const base = [
      file('data/targets/2026.yaml', '- { kpi: net-sales, period: 2026-03, value: 60000 }\n- { kpi: net-sales, period: 2026-03, rep: andi, value: 30000 }\n'),
      file('data/team.yaml', '- { id: andi, name: Andi, region: jakarta, joined: 2025-01-01 }\n'),
      file('data/2026/03/orders.yaml', '[]\n'),
    ];
    const head = [
      file('data/targets/2026.yaml', '- { kpi: net-sales, period: 2026-03, value: 90000 }\n- { kpi: net-sales, period: 2026-03, rep: andi, value: 30000 }\n'),
      file('data/team.yaml', '- id: andi\n  name: Andi\n  region: jakarta\n  joined: 2025-01-01\n'),
      file('data/2026/03/orders.yaml', '- { id: SO-1 }\n'),
      file('data/README.md', '# notes\n'),
      file('data/2026/03/.draft.yaml', '- { id: X }\n'),
    ];
    expect(sharedFileChanges(base, head)).toEqual([{ file: 'data/targets/2026.yaml', status: 'modified', summary: [{ action: 'changed', subject: 'targets', count: 1 }] }]);
    expect(fileChanges(base, head).map((f) => f.file)).toEqual(['data/2026/03/orders.yaml', 'data/targets/2026.yaml']);
  });
});

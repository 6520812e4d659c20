/**
 * The layers of src/ and the one direction imports take: a file may import files of its own
 * layer and of the layers below it, never above. This table is the rule; the check
 * (imports.ts, run by layers.test.ts in `npm test`) enforces it and CONTRIBUTING.md's diagram is
 * generated from it (`UPDATE_GOLDEN=1 npx vitest run test/architecture` rewrites the diagram).
 *
 * A path ending in "/" is a folder, any other a single file; a file takes the layer of the most
 * specific path that holds it. A few files sit in a layer other than their folder's: the pure
 * steps of load/, and two tables the lower layers read (their `why` says so).
 */
export interface Layer {
  name: string;
  /** What the layer is, for the diagram. */
  what: string;
  paths: string[];
  /** When set, the only layers below that this one may import (the pages read the report model, not the engine). */
  only?: string[];
  /** No disk, processes, threads or network: Node's modules with effects may not be imported. */
  pure?: boolean;
  /** Files placed here rather than in their folder's layer, and why. */
  why?: Record<string, string>;
}

/** Top first: each layer imports only the layers listed after it. */
export const LAYERS: Layer[] = [
  {
    name: 'pages',
    what: 'the site: reads the report model, never computes',
    paths: ['src/pages/', 'src/components/', 'src/layouts/', 'src/content.config.ts'],
    only: ['site', 'charts', 'report', 'kpi', 'calendar', 'i18n', 'issues'],
  },
  { name: 'cli', what: 'parses arguments, wires disk and stdout into the commands', paths: ['src/cli/'] },
  { name: 'commands', what: 'each CLI command, its effects passed in', paths: ['src/commands/'] },
  { name: 'site', what: 'what the pages read (loadReport) and their words', paths: ['src/site/'] },
  { name: 'load', what: 'the edge: reads the disk and git, worker threads, the chunk cache', paths: ['src/load/'] },
  { name: 'outputs', what: 'the diff, the CSV import, the sample generator', paths: ['src/diff/', 'src/import/', 'src/sample/'] },
  { name: 'charts', what: 'report data to static SVG (Observable Plot)', paths: ['src/charts/'], pure: true },
  { name: 'format', what: 'the canonical YAML writer', paths: ['src/format/'], pure: true },
  { name: 'pipeline', what: 'validate, dataset, compute and report in order, pure', paths: ['src/pipeline.ts'], pure: true },
  { name: 'report', what: 'targets, statuses, lints, insights: the report model', paths: ['src/report/'], pure: true },
  { name: 'compute', what: 'the engine: decides every KPI value', paths: ['src/compute/'], pure: true },
  { name: 'dataset', what: 'valid records as column tables', paths: ['src/dataset/'], pure: true },
  { name: 'validate', what: 'runs the checks, cross-file rules, collects issues', paths: ['src/validate/'], pure: true },
  { name: 'kpi', what: 'the KPI definition schema and its checks', paths: ['src/kpi/'], pure: true },
  { name: 'ingest', what: 'month files as columns (chunks), the fast path', paths: ['src/ingest/'], pure: true },
  {
    name: 'parse',
    what: "load/'s pure steps: bytes to text, YAML, line:column, where a file belongs",
    paths: ['src/load/decode.ts', 'src/load/parse-yaml.ts', 'src/load/fast-yaml.ts', 'src/load/locate.ts', 'src/load/layout.ts'],
    pure: true,
  },
  { name: 'calendar', what: 'company time: timezone, periods, working days', paths: ['src/calendar/'], pure: true },
  {
    name: 'schema',
    what: 'the shape of each file kind and record, the dataset field list',
    paths: ['src/schema/', 'src/dataset/fields.ts', 'src/validate/fast-records.ts'],
    pure: true,
    why: {
      'src/dataset/fields.ts': 'the names KPI formulas may use: kpi/ reads it, and it imports nothing',
      'src/validate/fast-records.ts': "the record checks of the schemas, for the fast path; ingest/ reads it",
    },
  },
  { name: 'i18n', what: 'number and date formats, the words of both languages', paths: ['src/i18n/'], pure: true, only: [] },
  { name: 'issues', what: 'Issue, paths in a document, formatting, did-you-mean', paths: ['src/issues/'], pure: true, only: [] },
];

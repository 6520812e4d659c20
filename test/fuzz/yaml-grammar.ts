/**
 * YAML-ish text from a small grammar: keys (real field names, near misses, __proto__), scalars
 * (ids, dates good and bad, numbers written every way, quoted and plain text with the
 * characters that matter in YAML), block and flow collections, anchors and aliases, tags,
 * comments, document markers, block scalars, odd indentation and line ends (every character a
 * reader might take for one: LF, CRLF, lone CR, NEL, LS, PS, VT, FF). Most of it is close
 * to a real data file, so that it reaches the schema and rule checks, not only the parser.
 */
import fc from 'fast-check';

export const FIELDS: Record<string, string[]> = {
  orders: ['id', 'date', 'customer', 'rep', 'lines', 'note'],
  lines: ['sku', 'qty', 'price', 'discount', 'kind'],
  leads: ['id', 'created', 'name', 'source', 'rep', 'region', 'segment'],
  activities: ['id', 'at', 'type', 'rep', 'lead', 'customer', 'note'],
  surveys: ['id', 'date', 'customer', 'score', 'comment'],
  customers: ['id', 'name', 'region', 'segment', 'owner', 'since'],
  team: ['id', 'name', 'region', 'team', 'manager', 'joined', 'left'],
  goals: ['id', 'title', 'description', 'kpi', 'owner'],
  targets: ['kpi', 'period', 'value', 'rep', 'region', 'category'],
  products: ['sku', 'name', 'category', 'tier', 'list_price'],
  company: ['name', 'currency', 'locale', 'timezone', 'fiscal_year_start', 'working_days', 'holidays', 'regions', 'segments', 'lead_sources'],
};

const oddKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '<<', 'Id', 'custmer', 'qtty', '"id"', "'date'", '? id', '0', '-1', 'null', 'true', '~', 'ключ', '名前', '🔑'];

const anyKey = fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/);

/** Arbitraries are built once per kind: building them (stringMatching parses its pattern) costs more than drawing from them. */
function once<T>(make: (kind: string) => fc.Arbitrary<T>): (kind: string) => fc.Arbitrary<T> {
  const made = new Map<string, fc.Arbitrary<T>>();
  return (kind) => {
    let a = made.get(kind);
    if (!a) made.set(kind, (a = make(kind)));
    return a;
  };
}

export const key = once((kind) => fc.oneof({ arbitrary: fc.constantFrom(...(FIELDS[kind] ?? FIELDS.orders!)), weight: 8 }, { arbitrary: fc.constantFrom(...oddKeys), weight: 2 }, { arbitrary: anyKey, weight: 1 }));

const dateish = fc.oneof(
  fc.constantFrom('2026-03-02', '2026-03-31', '2026-03-10T09:15', '2026-03-04T09:15+07:00', '2026-02-29', '2026-03-32', '31/03/2026', '2026-3-4', '2026-03-04 9:15', '2026-03-10T24:00', '46091', '2026-04-01'),
  fc.tuple(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
);

const numberish = fc.oneof(
  fc.integer({ min: -5, max: 100_000 }).map(String),
  fc.double({ noNaN: false }).map((n) => String(n)),
  fc.constantFrom('-0', '-0.0', '0.0', '1e400', '1.0e+400', '.nan', '.inf', '-.Inf', '0x1F', '0o17', '1_000', '1.234.567', '1,5', '99999999999999999999', '+12', '.5', '5.', '1e3', '10%', 'Rp 15.000'),
);

const idish = fc.oneof(
  fc.constantFrom('C1', 'C2', 'andi', 'budi', 'TEH-1', 'TEH-2', 'L-1', 'jakarta', 'bandung', 'retail', 'referral', 'minuman', 'net-sales', 'S-1', 'SO-1', 'A-1'),
  fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,12}$/),
  fc.constantFrom('constructor', '__proto__', 'toString', 'C 1', 'c1\u200b', 'x'.repeat(81)),
);

/** What a reader might take for a line end: LF, CRLF and a lone CR (YAML 1.2); NEL, LS, PS (YAML 1.1, Unicode); VT, FF. */
export const LINE_BREAKS = ['\n', '\r\n', '\r', '\u0085', '\u2028', '\u2029', '\x0b', '\x0c'];

const wordChars = fc.constantFrom(...'abcXYZ 019-_.,:#&*!|>%@`\'"[]{}?\\/\t🍵éمא\u202e\u200b'.split(''), '\u0000', '\u0007', '\ufeff', ...LINE_BREAKS);

/** A comment line with a line break (or what looks like one) inside, followed by what would be content. */
const brokenComment = fc.tuple(fc.constantFrom(...LINE_BREAKS), fc.constantFrom('- { id: C9, name: x }', '  - { sku: TEH-1, qty: 1, price: 1400000 }', '  id: C9', '- id: C9', '')).map(([b, rest]) => `# c${b}${rest}`);
const plainText = fc.array(wordChars, { maxLength: 24 }).map((cs) => cs.join(''));

/** A scalar as written: plain, double- or single-quoted, maybe tagged or anchored/aliased. */
export const scalar: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof({ arbitrary: idish, weight: 4 }, { arbitrary: dateish, weight: 3 }, { arbitrary: numberish, weight: 3 }, { arbitrary: plainText, weight: 2 }, { arbitrary: fc.constantFrom('', '~', 'null', 'true', 'false', 'yes', 'no', 'on', '[]', '{}'), weight: 1 }),
    fc.constantFrom('plain', 'plain', 'plain', 'double', 'single'),
    fc.constantFrom('', '', '', '', '', '', '', '!!str ', '!!int ', '!!binary ', '!foo ', '!!js/function ', '&a ', '*a', '&b ', '*b '),
  )
  .map(([v, q, prefix]) => {
    const body = q === 'double' ? JSON.stringify(v) : q === 'single' ? `'${v.replace(/'/g, "''")}'` : v;
    return prefix === '*a' ? '*a' : prefix + body;
  });

const flowScalar = scalar.map((s) => s.replace(/[\n\r]/g, ' '));

/** A flow mapping of a record: `{ id: C1, name: x }`. */
export const flowRecord = once((kind) =>
  fc.array(fc.tuple(key(kind), flowScalar), { maxLength: 7 }).map((pairs) => `{ ${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')} }`),
);

/** Nested flow collections, to a depth. */
const flowValue: fc.Arbitrary<string> = fc.letrec<{ v: string }>((tie) => ({
  v: fc.oneof({ depthSize: 'small', withCrossShrink: true }, flowScalar, fc.array(tie('v'), { maxLength: 4 }).map((xs) => `[${xs.join(', ')}]`), fc.array(fc.tuple(flowScalar, tie('v')), { maxLength: 3 }).map((ps) => `{${ps.map(([k, v]) => `${k}: ${v}`).join(', ')}}`)),
})).v;

/** A record in block style: `- id: C1\n  name: x\n  lines:\n    - { … }`. */
export const blockRecord = once((kind) =>
  fc
    .array(
      fc.oneof(
        { arbitrary: fc.tuple(key(kind), scalar).map(([k, v]) => [`${k}: ${v}`]), weight: 6 },
        { arbitrary: fc.tuple(key(kind), flowValue).map(([k, v]) => [`${k}: ${v}`]), weight: 1 },
        { arbitrary: fc.array(flowRecord('lines'), { maxLength: 3 }).map((ls) => ['lines:', ...ls.map((l) => `  - ${l}`)]), weight: 1 },
        { arbitrary: fc.tuple(key(kind), fc.constantFrom('|', '>', '|-', '>+'), fc.array(plainText, { maxLength: 3 })).map(([k, s, ls]) => [`${k}: ${s}`, ...ls.map((l) => `  ${l.replace(/[\r\n]/g, '')}`)]), weight: 1 },
        { arbitrary: fc.constantFrom(['# a comment'], [''], ['  # indented comment']), weight: 1 },
        { arbitrary: brokenComment.map((c) => [c]), weight: 1 },
      ),
      { maxLength: 7 },
    )
    .map((fields) => {
      const lines = fields.flat();
      return lines.length ? [`- ${lines[0]}`, ...lines.slice(1).map((l) => `  ${l}`)] : ['-'];
    }),
);

/** Noise lines: document markers, directives, stray text, deep or odd indentation. */
const noise = fc.oneof(
  fc.constantFrom('---', '...', '%YAML 1.2', '%TAG ! tag:x,2026:', '# comment', '', '   ', '\t- tab', '- - nested', '? complex key', ': value', '[', ']', '{', '- [', '- &a { id: C1 }', '- *a', '<<: *a', 'key: value', '- "unterminated', "- 'unterminated"),
  fc.tuple(fc.integer({ min: 0, max: 12 }), scalar).map(([n, s]) => `${' '.repeat(n)}${s}`),
  brokenComment,
  fc.tuple(fc.integer({ min: 0, max: 40 }), fc.constantFrom('[', '{', '- ')).map(([n, open]) => open.repeat(n) + 'x'),
);

/** A whole file: mostly a list of records (block or flow), sometimes broken up by noise. */
export const yamlText = once((kind) =>
  fc
    .tuple(
      fc.oneof(
        { arbitrary: fc.array(fc.oneof({ arbitrary: blockRecord(kind), weight: 3 }, { arbitrary: flowRecord(kind).map((r) => [`- ${r}`]), weight: 3 }, { arbitrary: noise.map((n) => [n]), weight: 1 }), { maxLength: 8 }).map((rs) => rs.flat()), weight: 6 },
        { arbitrary: fc.array(flowRecord(kind), { maxLength: 6 }).map((rs) => [`[${rs.join(',\n  ')}]`]), weight: 1 },
        { arbitrary: fc.array(fc.tuple(key(kind), scalar).map(([k, v]) => `${k}: ${v}`), { maxLength: 8 }), weight: 1 },
        { arbitrary: fc.array(noise, { maxLength: 10 }), weight: 1 },
      ),
      fc.constantFrom('\n', '\n', '\n', '\r\n', '\r', ...LINE_BREAKS.slice(3)),
      fc.constantFrom('', '', '', '\ufeff'),
      fc.constantFrom(0, 0, 0, 2, 4),
    )
    .map(([lines, eol, bom, indent]) => bom + lines.map((l) => (l ? ' '.repeat(indent) + l : l)).join(eol) + eol),
);

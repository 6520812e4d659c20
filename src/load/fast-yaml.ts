/**
 * A fast scanner for the canonical layout of month data files, as `capaian sample` and
 * `capaian fmt` write them:
 *
 *     # comment
 *     - id: SO-2026-03-0001
 *       date: 2026-03-02
 *       lines:
 *         - { sku: BEV-KOP-RCG, qty: 24, price: 14000, discount: 0.02 }
 *
 * that is, a block sequence at column 0 of mappings (block, or flow on one line), whose values
 * are plain scalars on the key's line, or an empty value (null) or a nested block sequence of
 * such mappings. It returns exactly what `yaml.load(text, { schema: yaml.CORE_SCHEMA })` of
 * js-yaml 4 returns, or `undefined` ("not recognised": use js-yaml) as soon as it meets
 * anything else. Giving up is always safe, so the scanner gives up on everything it does not
 * resolve exactly: scalars starting with a quote or another indicator, anchors, aliases, tags,
 * block scalars, multi-line plain scalars, flow sequences, nested or multi-line flow mappings,
 * comments inside or after a flow mapping, explicit keys, document markers, directives, tabs,
 * lone CRs, NUL, C0/C1 controls, lone surrogates, duplicate keys, keys other than plain
 * identifiers ([A-Za-z_][A-Za-z0-9_-]*), the keys __proto__ / constructor / prototype and the
 * null/bool words as keys, and numbers other than decimal integers (up to 15 digits) and
 * decimals without exponent (up to 15 digits). Quotes, '#', ',' and brackets inside a block
 * plain scalar are plain text to js-yaml too, and are read as such; " #" starts a comment.
 * CRLF line ends and a leading byte order mark are read as js-yaml reads them. NEL, LS and PS
 * end no line in YAML 1.2 (js-yaml): in a comment they are comment, in a value LS and PS are
 * text (NEL gives up, with the C1 controls); VT and FF in a comment are comment too.
 *
 * The whole scan is charCodeAt-based; only values are sliced. Keys are reused from the previous
 * mapping at the same depth when they repeat (the usual case), and short values (dates, reps,
 * SKUs) go through a small intern table, so repeated text is one string.
 */

import { KEYWORD_VALUES } from '../schema/yaml-scalar.ts';

/** Thrown inside the scanner to give up; caught in scanRecordList. */
const GIVE_UP = { giveUp: true };

// Scanner state: module-level for speed (the scanner is synchronous and not re-entrant).
let T = '';
let N = 0;
/** Start of the current content line (or N at the end). */
let P = 0;
/** Indent of the current content line, or -1 at the end of the text. */
let IND = -1;
/** A comment line was seen (a text of only comments and blank lines loads as null). */
let sawComment = false;
/** Position just after a key's colon, set by readKey. */
let Q = 0;
/** Keys of the last mapping read at each nesting depth (also the current mapping's keys so far). */
const keyCache: string[][] = [];

const MAX_NEST = 8;

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

function fail(): never {
  throw GIVE_UP;
}

/**
 * The value of a canonical month file, or undefined when the text is not in the recognised
 * layout (the caller then parses it with js-yaml). null for a text of only comments and blank
 * lines (as js-yaml).
 */
export function scanRecordList(text: string): unknown[] | null | undefined {
  T = text;
  N = text.length;
  P = 0;
  IND = -1;
  sawComment = false;
  try {
    if (N === 0) return undefined;
    if (text.indexOf('\0') !== -1) return undefined;
    // A CR must start a CRLF: a lone CR is a line break to js-yaml, also inside comments.
    for (let r = text.indexOf('\r'); r !== -1; r = text.indexOf('\r', r + 2)) {
      if (text.charCodeAt(r + 1) !== 10) return undefined;
    }
    if (text.charCodeAt(0) === 0xfeff) P = 1; // js-yaml drops a byte order mark
    nextContentLine();
    if (IND === -1) return sawComment ? null : undefined;
    if (IND !== 0 || !atDash(0)) return undefined;
    const out = readSequence(0, 0);
    return atEnd() ? out : undefined;
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  } finally {
    T = '';
  }
}

/** From P (a line start), skip blank and comment lines; set P and IND for the next content line. */
function nextContentLine(): void {
  while (P < N) {
    let q = P;
    let c = T.charCodeAt(q);
    while (c === 32) c = T.charCodeAt(++q);
    if (q >= N) break;
    if (c === 10) {
      P = q + 1;
    } else if (c === 13) {
      P = q + 2; // always CRLF (checked up front)
    } else if (c === 35) {
      sawComment = true;
      const nl = T.indexOf('\n', q);
      if (nl === -1) break;
      P = nl + 1;
    } else {
      IND = q - P;
      return;
    }
  }
  P = N;
  IND = -1;
}

/** Continue after a line's content ends at q (at LF, CR or the end): skip to the next content line. */
function endLine(q: number): void {
  const c = T.charCodeAt(q);
  if (c === 10) P = q + 1;
  else if (c === 13) P = q + 2;
  else if (q >= N) P = N;
  else fail();
  nextContentLine();
}

/** No content line is left. */
function atEnd(): boolean {
  return IND === -1;
}

/** The current line has "- " at its indent `s`. */
function atDash(s: number): boolean {
  return T.charCodeAt(P + s) === 45 && T.charCodeAt(P + s + 1) === 32;
}

/** A block sequence at indent s: items "- " at exactly that indent, each a mapping. */
function readSequence(s: number, depth: number): unknown[] {
  if (depth >= MAX_NEST) fail();
  const out: unknown[] = [];
  while (IND === s && atDash(s)) {
    let q = P + s + 2;
    while (T.charCodeAt(q) === 32) q++;
    const c = T.charCodeAt(q);
    if (c === 123) {
      out.push(readFlowMapping(q, depth + 1));
    } else {
      out.push(readBlockMapping(q - P, q, depth + 1));
    }
  }
  // The next line must end the sequence: less indented, or a key of the parent mapping at s.
  if (IND > s) fail();
  return out;
}

const isKeyStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
const isKeyChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45;

/**
 * A key at p: an identifier ([A-Za-z_][A-Za-z0-9_-]*) directly followed by ':'. Sets Q after the
 * colon. Fails on a key js-yaml would resolve to something else (null, true, ...), on reserved
 * names, and on a repeated key in the same mapping (cache[0..i-1] holds this mapping's keys).
 */
function readKey(p: number, cache: string[], i: number): string {
  let key = cache[i];
  if (key !== undefined && T.startsWith(key, p) && T.charCodeAt(p + key.length) === 58) {
    Q = p + key.length + 1;
  } else {
    let q = p;
    if (!isKeyStart(T.charCodeAt(q))) fail();
    q++;
    while (isKeyChar(T.charCodeAt(q))) q++;
    if (T.charCodeAt(q) !== 58) fail();
    key = T.slice(p, q);
    if (reservedKey(key)) fail();
    cache[i] = key;
    Q = q + 1;
  }
  for (let j = 0; j < i; j++) if (cache[j] === key) fail();
  return key;
}

/** A key the scanner leaves to js-yaml: one JavaScript treats specially, or a null/bool word (schema/yaml-scalar.ts). */
function reservedKey(k: string): boolean {
  return k === '__proto__' || k === 'constructor' || k === 'prototype' || KEYWORD_VALUES.has(k);
}

function cacheAt(depth: number): string[] {
  let c = keyCache[depth];
  if (c === undefined) {
    c = [];
    keyCache[depth] = c;
  }
  return c;
}

/**
 * A block mapping whose keys are at column m; the first key is at p on the current line (after
 * "- "). Returns with P/IND at the first line that is not part of it.
 */
function readBlockMapping(m: number, p: number, depth: number): Record<string, unknown> {
  if (depth >= MAX_NEST) fail();
  const cache = cacheAt(depth);
  const obj: Record<string, unknown> = {};
  let i = 0;
  for (;;) {
    const key = readKey(p, cache, i++);
    let q = Q;
    let c = T.charCodeAt(q);
    if (c !== 32 && c !== 10 && c !== 13 && q < N) fail(); // "key:x" is one scalar to js-yaml
    while (c === 32) c = T.charCodeAt(++q);
    if (c === 10 || c === 13 || q >= N || c === 35) {
      // Empty value: null, or a block sequence on the next lines.
      if (c === 35) q = lineEnd(q);
      endLine(q);
      if (IND > m || (IND === m && atDash(m))) {
        if (!atDash(IND)) fail(); // a nested mapping, or an error
        obj[key] = readSequence(IND, depth + 1);
      } else {
        obj[key] = null;
      }
    } else {
      obj[key] = readBlockValue(q);
      endLine(VEND);
    }
    if (IND !== m) {
      if (IND > m) fail(); // a continuation line or bad indentation
      return obj;
    }
    p = P + m;
  }
}

/** The end of the line (LF, CR or end of text) from q, inside a comment. */
function lineEnd(q: number): number {
  const nl = T.indexOf('\n', q);
  if (nl === -1) return N;
  return T.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
}

/** Where the line of the last block value ends (LF, CR or N). */
let VEND = 0;

/** Fails unless c may start a plain scalar that the scanner resolves. */
function checkScalarStart(c: number, next: number): void {
  switch (c) {
    case 44: // ,
    case 91: // [
    case 93: // ]
    case 123: // {
    case 125: // }
    case 35: // #
    case 38: // &
    case 42: // *
    case 33: // !
    case 124: // |
    case 62: // >
    case 39: // '
    case 34: // "
    case 37: // %
    case 64: // @
    case 96: // `
    case 58: // :
    case 63: // ?
      fail();
      break;
    case 45: // -
      if (next === 32 || next === 10 || next === 13 || next !== next || next === 44 || next === 125 || next === 93 || next === 91 || next === 123) fail();
      break;
    default:
      if (c < 33) fail();
  }
}

/**
 * A plain scalar in block context from s (its first character) to the end of the line, or to a
 * comment (" #"). Sets VEND to the line end.
 */
function readBlockValue(s: number): unknown {
  checkScalarStart(T.charCodeAt(s), T.charCodeAt(s + 1));
  let q = s;
  let end = s; // after the last non-space character
  for (; q < N; q++) {
    const c = T.charCodeAt(q);
    if (c === 32) continue;
    if (c === 10 || c === 13) break;
    if (c === 58) {
      // ": " or ":" at the end of the line ends the scalar: js-yaml would then fail, or read a key.
      const n = T.charCodeAt(q + 1);
      if (n === 32 || n === 10 || n === 13 || q + 1 >= N) fail();
    } else if (c === 35) {
      if (T.charCodeAt(q - 1) === 32) {
        q = lineEnd(q);
        break;
      }
    } else if (c < 32) {
      fail();
    } else if (c >= 0x7f) {
      q = checkWide(c, q);
    }
    end = q + 1;
  }
  VEND = q;
  return resolvePlain(s, end);
}

/** Fails on characters js-yaml refuses (or the scanner does not handle); returns the index of the last code unit used. */
function checkWide(c: number, q: number): number {
  if (c <= 0x9f) fail(); // DEL and C1 controls (NEL included: left to js-yaml)
  if (c >= 0xd800 && c <= 0xdfff) {
    if (c >= 0xdc00) fail();
    const d = T.charCodeAt(q + 1);
    if (!(d >= 0xdc00 && d <= 0xdfff)) fail();
    return q + 1;
  }
  if (c === 0xfffe || c === 0xffff) fail();
  return q;
}

/**
 * A flow mapping on one line, `{ k: v, k: v }`, at p (the '{'); nothing but spaces may follow it
 * on the line. Values are plain scalars.
 */
function readFlowMapping(p: number, depth: number): Record<string, unknown> {
  if (depth >= MAX_NEST) fail();
  const cache = cacheAt(depth);
  const obj: Record<string, unknown> = {};
  let q = p + 1;
  let c = T.charCodeAt(q);
  while (c === 32) c = T.charCodeAt(++q);
  let i = 0;
  if (c !== 125) {
    for (;;) {
      const key = readKey(q, cache, i++);
      q = Q;
      if (T.charCodeAt(q) !== 32) fail();
      c = T.charCodeAt(++q);
      while (c === 32) c = T.charCodeAt(++q);
      const s = q;
      checkScalarStart(c, T.charCodeAt(q + 1));
      let end = q;
      for (; ; c = T.charCodeAt(++q)) {
        if (c === 32) continue;
        if (c === 44 || c === 125) break; // , }
        if (c === 58) {
          const n = T.charCodeAt(q + 1);
          if (n === 32 || n === 44 || n === 125 || n === 91 || n === 93 || n === 123 || n === 10 || n === 13) fail();
        } else if (c === 35) {
          if (T.charCodeAt(q - 1) === 32) fail(); // a comment inside the mapping
        } else if (c === 91 || c === 93 || c === 123) {
          fail();
        } else if (c < 32 || c !== c) {
          fail(); // the line (or text) ends inside the mapping; tabs; controls
        } else if (c >= 0x7f) {
          q = checkWide(c, q);
        }
        end = q + 1;
      }
      obj[key] = resolvePlain(s, end);
      if (c === 125) break;
      // ','
      c = T.charCodeAt(++q);
      while (c === 32) c = T.charCodeAt(++q);
      if (!isKeyStart(c)) fail(); // "{ a: 1, }" and the like
    }
  }
  // After the closing brace: only spaces to the end of the line.
  c = T.charCodeAt(++q);
  while (c === 32) c = T.charCodeAt(++q);
  endLine(q);
  return obj;
}

/**
 * The core-schema value of the plain scalar T[s, e) (non-empty, trimmed), as js-yaml resolves
 * it (null, bool, int, float, else string); fails where it is not sure. The rules are
 * schema/yaml-scalar.ts's (its keywords are read from there); numbers are resolved here in one
 * pass without a string, a subset of resolvePlainScalar that test/schema/yaml-scalar.test.ts
 * holds to it.
 */
function resolvePlain(s: number, e: number): unknown {
  const c0 = T.charCodeAt(s);
  if ((c0 >= 48 && c0 <= 57) || c0 === 45 || c0 === 43 || c0 === 46) return resolveNumeric(s, e, c0);
  const len = e - s;
  if (len === 1 && c0 === 126) return null; // ~
  if ((len === 4 || len === 5) && (c0 === 110 || c0 === 78 || c0 === 116 || c0 === 84 || c0 === 102 || c0 === 70)) {
    const w = T.slice(s, e);
    const k = KEYWORD_VALUES.get(w);
    return k === undefined ? w : k;
  }
  return len <= INTERN_MAX ? intern(s, e) : T.slice(s, e);
}

/**
 * Short values repeat a lot (dates, reps, SKUs, customers, types): a small direct-mapped table
 * returns the same string for the same text, which saves an allocation and memory per value.
 */
const INTERN_MAX = 12;
const INTERN_BITS = 12;
const internTable: (string | undefined)[] = new Array(1 << INTERN_BITS).fill(undefined);

function intern(s: number, e: number): string {
  let h = e - s;
  for (let q = s; q < e; q++) h = Math.imul(h ^ T.charCodeAt(q), 0x5bd1e995);
  h = (h ^ (h >>> 15)) & ((1 << INTERN_BITS) - 1);
  const hit = internTable[h];
  if (hit !== undefined && hit.length === e - s && T.startsWith(hit, s)) return hit;
  const str = T.slice(s, e);
  internTable[h] = str;
  return str;
}

/** A scalar starting with a digit, sign or dot. */
function resolveNumeric(s: number, e: number, c0: number): unknown {
  let q = s;
  let neg = false;
  if (c0 === 45 || c0 === 43) {
    neg = c0 === 45;
    q++;
  }
  const digitsFrom = q;
  let m = 0;
  let c = T.charCodeAt(q);
  while (q < e && c >= 48 && c <= 57) {
    m = m * 10 + (c - 48);
    c = T.charCodeAt(++q);
  }
  const nd = q - digitsFrom;
  if (q === e) {
    // [-+]?[0-9]+: an integer (js-yaml: "0" after the sign is 0, otherwise sign * parseInt).
    if (nd === 0 || nd > 15) fail();
    if (nd === 1 && m === 0) return 0;
    return neg ? -m : m;
  }
  if (c === 46) {
    // '.'
    if (nd === 0 && q !== s) fail(); // "-.5" (a string), "+.inf" (a float): leave to js-yaml
    c = T.charCodeAt(++q);
    const fracFrom = q;
    while (q < e && c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      c = T.charCodeAt(++q);
    }
    const nf = q - fracFrom;
    if (q === e) {
      if (nd === 0 && nf === 0) fail();
      if (nd + nf > 15) fail();
      // Both exact below 2^53 and 10^15: the division is the correctly rounded value, as parseFloat.
      const v = m / POW10[nf]!;
      return neg ? -v : v;
    }
    if (nd === 0) fail(); // ".inf", ".nan", ".5e3", ...
    if (c === 101 || c === 69) fail(); // an exponent
    return T.slice(s, e); // "1.2.3", "1.5x": neither int nor float
  }
  if (nd === 0) {
    // A sign and then neither a digit nor a dot: "-foo" is a string.
    return T.slice(s, e);
  }
  // Digits followed by something else: an exponent, 0x / 0o / 0b, or a string such as a date.
  if (c === 101 || c === 69 || c === 120 || c === 111 || c === 98) fail();
  return T.slice(s, e);
}

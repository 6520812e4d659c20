/**
 * Bytes to text, refusing what is not UTF-8 text. Pure: the reader hands us the bytes.
 */
import { isUtf8 } from 'node:buffer';
import { issue, type PendingIssue } from '../issues/issue.ts';

/** Files larger than this are refused before parsing (a month of 1M-order data is ~20 MB). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeText(bytes: Uint8Array, file: string): { text?: string; issues: PendingIssue[] } {
  const fail = (code: string, message: string, hint: string, at?: number) => {
    const out = issue(file, [], code, message, hint);
    if (at !== undefined) Object.assign(out, lineColumnOf(bytes, at));
    return { issues: [out] };
  };
  if (bytes.length > MAX_FILE_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    return fail('file-too-large', `file is ${mb} MB, more than the ${MAX_FILE_BYTES / 1024 / 1024} MB a data file may hold`, 'split the records over month files, or check that this is the file you meant to commit');
  }
  if (isUtf16(bytes)) return fail('not-utf8', 'file is UTF-16 text', 'save it as UTF-8 (in Excel: "CSV UTF-8"; in an editor: encoding UTF-8)');
  const nul = bytes.indexOf(0);
  if (nul >= 0) return fail('binary-file', 'file holds binary content (a NUL byte), not YAML text', 'only YAML text files belong under data/', nul);
  try {
    return { text: utf8.decode(bytes), issues: [] }; // drops a UTF-8 BOM
  } catch {
    const at = firstInvalidUtf8(bytes);
    return fail('not-utf8', `file is not UTF-8 text (invalid byte 0x${bytes[at]!.toString(16).padStart(2, '0')})`, 'save it as UTF-8; names with accents saved as Latin-1 (Windows-1252) need re-saving', at);
  }
}

/**
 * The bytes of a file decodeText reads without an issue, without a UTF-8 byte order mark (as
 * decodeText drops it), checked but not decoded; undefined when decodeText would find an issue.
 * For readers of bytes (ingest/canonical-reader.ts): the same verdict, no string of the file.
 */
export function utf8Body(bytes: Uint8Array): Uint8Array | undefined {
  if (bytes.length > MAX_FILE_BYTES || isUtf16(bytes) || bytes.indexOf(0) >= 0 || !isUtf8(bytes)) return undefined;
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

function isUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || looksLikeUtf16(bytes);
}

/** UTF-16 without a byte order mark: ASCII text with a zero in every other byte. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const half = n / 2;
  return (odd > half * 0.9 && even < half * 0.1) || (even > half * 0.9 && odd < half * 0.1);
}

/** The index of the first byte that breaks UTF-8. Only runs on files already known to be bad. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const len = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) if (i + k >= b.length || (b[i + k]! & 0xc0) !== 0x80) return i;
    // Overlongs and surrogates are rare enough to leave to the decoder's verdict on this sequence.
    if (len > 1) {
      try {
        utf8.decode(b.subarray(i, i + len));
      } catch {
        return i;
      }
    }
    i += len;
  }
  return Math.max(0, b.length - 1);
}

/** 1-based line and column (in bytes) of a byte offset; LF, CRLF and a lone CR end a line. */
function lineColumnOf(bytes: Uint8Array, at: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: at - lineStart + 1 };
}

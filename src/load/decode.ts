/**
 * Bytes to text, refusing what is not UTF-8 text. Pure: the reader hands us the bytes.
 */
import { issue, type PendingIssue } from '../validate/issue.ts';

/** Files larger than this are refused before parsing (a month of 1M-order data is ~20 MB). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeText(bytes: Uint8Array, file: string): { text?: string; issues: PendingIssue[] } {
  const fail = (code: string, message: string, hint: string) => ({ issues: [issue(file, [], code, message, hint)] });
  if (bytes.length > MAX_FILE_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    return fail('file-too-large', `file is ${mb} MB, more than the ${MAX_FILE_BYTES / 1024 / 1024} MB a data file may hold`, 'split the records over month files, or check that this is the file you meant to commit');
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail('not-utf8', 'file is UTF-16 text', 'save it as UTF-8 (in Excel: "CSV UTF-8"; in an editor: encoding UTF-8)');
  }
  let text: string;
  try {
    text = utf8.decode(bytes); // drops a UTF-8 BOM
  } catch {
    const at = firstInvalidUtf8(bytes);
    return fail('not-utf8', `file is not UTF-8 text (invalid byte 0x${bytes[at]!.toString(16).padStart(2, '0')} at byte ${at})`, 'save it as UTF-8; names with accents saved as Latin-1 (Windows-1252) need re-saving');
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    return fail('binary-file', 'file holds binary content (a NUL byte), not YAML text', 'only YAML text files belong under data/');
  }
  return { text, issues: [] };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  // Narrow down by decoding prefixes; only runs on files already known to be bad.
  let lo = 0;
  let hi = bytes.length;
  const probe = new TextDecoder('utf-8', { fatal: true });
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    try {
      probe.decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  return lo;
}

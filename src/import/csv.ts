/**
 * CSV text as spreadsheets and CRMs export it: RFC 4180 quoting ("" inside quotes, commas and
 * line breaks inside quoted cells), CRLF or LF line ends, a UTF-8 byte order mark, and comma,
 * semicolon or tab as the separator, found from the header line (Excel in an Indonesian or
 * European locale writes semicolons). Pure: it takes the bytes and a name to show in errors.
 *
 * A small parser of our own rather than a package: the grammar is a page long, and this one
 * knows the line number every record starts on, which is what our error lines need.
 */

/** A problem in the CSV itself, shown as `file:line  message  (hint)`. */
export interface RowIssue {
  file: string;
  /** 1-based line in the file where the record starts; 0 for the file as a whole. */
  line: number;
  message: string;
  hint?: string;
  level?: 'error' | 'warning';
  /** Problems with the same kind are listed together, and a long run of them is cut short. */
  kind?: string;
}

export interface CsvRow {
  /** 1-based line the record starts on (a quoted cell may run over several lines). */
  line: number;
  cells: string[];
}

export interface CsvTable {
  file: string;
  /** Column names as written, trimmed, without the byte order mark. */
  header: string[];
  rows: CsvRow[];
  delimiter: Delimiter;
}

export type Delimiter = ',' | ';' | '\t';
const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

export interface CsvOptions {
  /** The separator; found from the header line when not given. */
  delimiter?: Delimiter;
}

/** Files larger than this are refused: no CRM export of one company's month comes close. */
const MAX_CSV_BYTES = 256 * 1024 * 1024;

export function formatRowIssue(i: RowIssue): string {
  const where = i.line ? `${i.file}:${i.line}` : i.file;
  return `${i.level === 'warning' ? 'warning: ' : ''}${where}  ${i.message}${i.hint ? `  (${i.hint})` : ''}`;
}

/** Bytes to a table, or the problems that stop it being read. */
export function readCsv(bytes: Uint8Array, file: string, options: CsvOptions = {}): { table?: CsvTable; issues: RowIssue[] } {
  const decoded = decodeCsv(bytes, file);
  if (decoded.text === undefined) return { issues: decoded.issues };
  return parseCsv(decoded.text, file, options);
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** UTF-8 (with or without a byte order mark) only: what Excel's "CSV UTF-8" writes. */
function decodeCsv(bytes: Uint8Array, file: string): { text?: string; issues: RowIssue[] } {
  const fail = (message: string, hint: string, line = 0) => ({ issues: [{ file, line, message, hint }] });
  if (bytes.length > MAX_CSV_BYTES) return fail(`file is ${(bytes.length / 1e6).toFixed(0)} MB, more than the ${MAX_CSV_BYTES / 1024 / 1024} MB an import may read`, 'export one period at a time');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail('file is UTF-16 text (Excel "Unicode Text")', 'save it as "CSV UTF-8 (comma delimited)"');
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return fail('file holds binary content (a NUL byte), not CSV text', 'is this an .xlsx workbook? save it as "CSV UTF-8 (comma delimited)"', lineOfByte(bytes, nul));
  try {
    return { text: utf8.decode(bytes), issues: [] }; // drops the byte order mark
  } catch {
    let at = 0;
    // Find the first bad byte for the line number: decode growing prefixes line by line.
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 0x0a || bytes[i] === 0x0d) {
        try {
          utf8.decode(bytes.subarray(start, i));
        } catch {
          at = start;
          break;
        }
        start = i + 1;
      }
    }
    return fail('file is not UTF-8 text', 'save it as "CSV UTF-8 (comma delimited)"; files saved as plain "CSV" by Excel on Windows are Windows-1252', lineOfByte(bytes, at));
  }
}

/** The 1-based line of a byte offset; LF, CRLF and a lone CR (old Mac exports) end a line, as in parseCsv. */
function lineOfByte(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  return line;
}

/** The separator used in the header line (outside quotes): the most frequent of , ; and tab. */
export function detectDelimiter(text: string): Delimiter {
  const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c as Delimiter)) counts.set(c as Delimiter, counts.get(c as Delimiter)! + 1);
  }
  let best: Delimiter = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/**
 * Text to rows. Every record must have as many cells as the header (a short row usually means
 * a value with the separator in it was not quoted); all such problems are reported, each with
 * the line its record starts on. Blank lines are skipped.
 */
export function parseCsv(text: string, file: string, options: CsvOptions = {}): { table?: CsvTable; issues: RowIssue[] } {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const issues: RowIssue[] = [];
  const records: CsvRow[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const startLine = line;
    const cells: string[] = [];
    let blank = true;
    for (;;) {
      // One cell.
      let cell = '';
      if (text[i] === '"') {
        blank = false;
        const openLine = line;
        i++;
        let closed = false;
        while (i < n) {
          const q = text.indexOf('"', i);
          if (q < 0) break;
          const chunk = text.slice(i, q);
          line += countNewlines(chunk);
          cell += chunk;
          if (text[q + 1] === '"') {
            cell += '"';
            i = q + 2;
          } else {
            i = q + 1;
            closed = true;
            break;
          }
        }
        if (!closed) {
          issues.push({ file, line: openLine, message: 'a quoted value is never closed: the file ends inside quotes', hint: 'a value that starts with " must end with "; write a " inside a value as ""' });
          return { issues };
        }
        // After the closing quote: a separator, a line end or the end of the file.
        let j = i;
        while (j < n && (text[j] === ' ' || text[j] === '\t') && text[j] !== delimiter) j++;
        if (j < n && text[j] !== delimiter && text[j] !== '\n' && text[j] !== '\r') {
          issues.push({ file, line, message: `unexpected ${JSON.stringify(text[j])} after a closing quote in cell ${cells.length + 1}`, hint: 'a quoted value ends at its closing quote; write a " inside a value as ""' });
          // Skip to the next separator or line end, to go on reading.
          while (j < n && text[j] !== delimiter && text[j] !== '\n' && text[j] !== '\r') j++;
        }
        i = j;
      } else {
        let j = i;
        while (j < n) {
          const c = text[j];
          if (c === delimiter || c === '\n' || c === '\r') break;
          j++;
        }
        cell = text.slice(i, j);
        if (cell.trim() !== '') blank = false;
        i = j;
      }
      cells.push(cell);
      if (i < n && text[i] === delimiter) {
        blank = false;
        i++;
        continue;
      }
      // Line end: CRLF, LF or a lone CR.
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      line++;
      break;
    }
    if (blank && cells.length === 1) continue;
    records.push({ line: startLine, cells });
  }
  if (!records.length) {
    issues.push({ file, line: 0, message: 'file is empty: no header line', hint: 'the first line names the columns, e.g. id,date,customer,rep,sku,qty,price' });
    return { issues };
  }
  const [head, ...rows] = records;
  const header = head!.cells.map((c) => c.trim());
  const seen = new Map<string, number>();
  header.forEach((name, k) => {
    if (name === '') return;
    if (seen.has(name)) issues.push({ file, line: head!.line, message: `column "${name}" appears twice in the header (cells ${seen.get(name)! + 1} and ${k + 1})`, hint: 'give each column its own name', level: 'warning' });
    else seen.set(name, k);
  });
  const width = header.length;
  for (const r of rows) {
    if (r.cells.length === width) continue;
    // Trailing empty cells beyond the header (some exports pad rows) are harmless.
    if (r.cells.length > width && r.cells.slice(width).every((c) => c.trim() === '')) {
      r.cells.length = width;
      continue;
    }
    const sep = delimiter === '\t' ? 'tab' : `"${delimiter}"`;
    issues.push({
      file,
      line: r.line,
      message: `row has ${r.cells.length} ${r.cells.length === 1 ? 'value' : 'values'}, the header has ${width} columns`,
      hint: r.cells.length > width ? `a value that holds ${sep} must be in double quotes` : `each row needs a value (or an empty place) for every column, separated by ${sep}`,
    });
  }
  if (issues.some((x) => x.level !== 'warning')) return { issues };
  return { table: { file, header, rows, delimiter }, issues };
}

function countNewlines(s: string): number {
  let k = 0;
  for (let p = 0; p < s.length; p++) {
    const c = s.charCodeAt(p);
    if (c === 10) k++;
    else if (c === 13 && s.charCodeAt(p + 1) !== 10) k++;
  }
  return k;
}

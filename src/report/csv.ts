/** A value of the report model as a CSV cell, for the CLI's compute output and the site's data downloads alike. */
/** A CSV cell; text that a spreadsheet would run as a formula is quoted with a leading apostrophe. */
export function csvCell(x: unknown): string {
  if (x === null || x === undefined) return '';
  let s = typeof x === 'number' ? String(x) : String(x);
  if (typeof x === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

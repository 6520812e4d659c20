import type { DocPath } from '../../issues/issue.ts';
import type { RecordFile } from '../repo-data.ts';

/** Calls `fn` for every record of the files with the record's document path. */
export function eachRecord<T>(files: RecordFile<T>[], fn: (record: T, file: string, at: DocPath, source: RecordFile<T>) => void): void {
  for (const f of files) {
    for (let i = 0; i < f.records.length; i++) fn(f.records[i]!, f.file, [...f.listAt, f.index[i]!], f);
  }
}

/**
 * One month file, bytes to a chunk, when it is clean: it decodes, parses, every record passes
 * its schema, sits in the file's month, and an activity names what it concerns. Anything else
 * makes the file "not clean" and the full checker (validate-repo.ts) reports it with positions;
 * this path never words an error itself, so the messages come from one place.
 *
 * Pure and self-contained so it can run in a worker thread and be cached by content.
 */
import type { z } from 'zod';
import { decodeText, utf8Body } from '../load/decode.ts';
import { parseYaml } from '../load/parse-yaml.ts';
import { schemaOf } from '../schema/file-kinds.ts';
import type { Activity } from '../schema/activities.ts';
import { FAST_CHECK } from '../validate/fast-records.ts';
import { subjectProblems } from '../schema/activity-subject.ts';
import { readCanonical } from './canonical-reader.ts';
import { chunkBuilder, type MonthChunk, type MonthKind } from './chunk.ts';

export type IngestResult = { clean: true; chunk: MonthChunk } | { clean: false; why: string };

/** Bump when the chunk layout or what makes a file clean changes: cached chunks are keyed by it. */
export const INGEST_VERSION = 4;

export function ingestMonthFile(bytes: Uint8Array, file: string, kind: MonthKind, month: string, tz: string): IngestResult {
  const body = utf8Body(bytes);
  if (!body) return { clean: false, why: 'encoding' };
  // The canonical layout in one pass over the bytes; anything else through the YAML parser and the schemas.
  const direct = readCanonical(body, kind, file, month, tz);
  if (direct) return { clean: true, chunk: direct };
  const decoded = decodeText(bytes, file);
  if (decoded.text === undefined || decoded.issues.length) return { clean: false, why: 'encoding' };
  const parsed = parseYaml(decoded.text, file);
  if (parsed.issues.length) return { clean: false, why: 'syntax' };
  const list = parsed.value ?? [];
  if (!Array.isArray(list)) return { clean: false, why: 'not a list' };
  const fast = FAST_CHECK[kind] as (raw: unknown) => unknown;
  const schema = (schemaOf[kind] as unknown as z.ZodArray<z.ZodType>).element;
  const builder = chunkBuilder(kind, file, month, tz);
  for (let i = 0; i < list.length; i++) {
    let record = fast(list[i]);
    if (record === null) {
      const r = schema.safeParse(list[i]);
      if (!r.success) return { clean: false, why: `record ${i} fails its schema` };
      record = r.data;
    }
    const a = record as Activity;
    if (kind === 'activities' && subjectProblems(a.type, a.lead !== undefined, a.customer !== undefined, a.reason !== undefined).length) return { clean: false, why: `record ${i} lacks its lead or customer, or gives a reason without being lost` };
    if (!builder.add(record as never)) return { clean: false, why: `record ${i} is outside ${month}` };
  }
  return { clean: true, chunk: builder.finish() };
}

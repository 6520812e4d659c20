/**
 * ingestMonthFile reads a month file's bytes: the one-pass reader reads them without making a
 * string of the file (utf8Body checks them as decodeText would), and the verdict on the
 * encoding is decodeText's.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestMonthFile } from '../../src/ingest/ingest-file.ts';
import { readCanonical } from '../../src/ingest/canonical-reader.ts';
import { decodeText, utf8Body } from '../../src/load/decode.ts';

const FILE = 'data/2026/03/orders.yaml';
const TZ = 'Asia/Jakarta';
const TEXT = readFileSync(new URL('../../data/2026/03/orders.yaml', import.meta.url), 'utf8');
const enc = new TextEncoder();
const bytes = (...parts: (string | number[])[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...enc.encode(p)] : p)));
const plain = (x: unknown) => JSON.parse(JSON.stringify(x, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v)));
const chunkOf = (b: Uint8Array) => {
  const r = ingestMonthFile(b, FILE, 'orders', '2026-03', TZ);
  return r.clean ? plain(r.chunk) : r.why;
};

describe('ingestMonthFile on bytes', () => {
  const want = chunkOf(enc.encode(TEXT));

  it('reads the sample month in one pass, as the reader reads its text', () => {
    expect(want).toEqual(plain(readCanonical(TEXT, 'orders', FILE, '2026-03', TZ)));
    expect(want.length).toBeGreaterThan(100);
  });

  it('drops a byte order mark and reads past comments that are not ASCII, as decodeText does', () => {
    const bom = bytes([0xef, 0xbb, 0xbf], TEXT);
    expect(utf8Body(bom)).toEqual(enc.encode(TEXT));
    expect(chunkOf(bom)).toEqual(want);
    const commented = bytes('# Penjualan bulan Maret — café “Jaya” ✓ 売上\n', TEXT.replace('\n- ', '\n# ütf-8 ok\n- '));
    expect(decodeText(commented, FILE).issues).toEqual([]);
    expect(chunkOf(commented)).toEqual(want);
  });

  it('refuses what decodeText refuses: invalid UTF-8, a NUL byte, UTF-16', () => {
    const bad = [
      bytes('# caf', [0xe9], '\n', TEXT), // Latin-1 é
      bytes('# ', [0xed, 0xa0, 0x80], '\n', TEXT), // a UTF-16 surrogate in UTF-8
      bytes('# ', [0xc0, 0xaf], '\n', TEXT), // an overlong
      bytes(TEXT, [0]),
      bytes([0xff, 0xfe], TEXT),
    ];
    for (const b of bad) {
      expect(decodeText(b, FILE).issues.length).toBe(1);
      expect(utf8Body(b)).toBeUndefined();
      expect(chunkOf(b)).toBe('encoding');
    }
  });
});

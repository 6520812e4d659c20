/**
 * A tiny PDF reader for the printed report, enough for Chromium's PDFs and no more: the number
 * of pages and each page's text. Objects are found by `n 0 obj … endobj`, streams inflated with
 * node:zlib, and text decoded through each font's ToUnicode CMap (Chromium writes glyph ids,
 * never plain text). Text pieces are joined with a space at each positioning operator, so words
 * come out separated, though not always as the page's lines.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

export interface PdfText {
  pages: number;
  /** One string per page, in page order. */
  text: string[];
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const s = pdf.toString('latin1');
  const out = new Map<number, PdfObject>();
  const re = /(\d+)\s+0\s+obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const start = m.index + m[0].length;
    const end = s.indexOf('endobj', start);
    if (end < 0) break;
    const body = s.slice(start, end);
    const at = body.search(/\bstream\r?\n/);
    let stream: Buffer | null = null;
    let dict = body;
    if (at >= 0) {
      dict = body.slice(0, at);
      const dataStart = start + at + body.slice(at).indexOf('\n') + 1;
      const dataEnd = s.lastIndexOf('endstream', end);
      let raw = pdf.subarray(dataStart, dataEnd);
      if (raw[raw.length - 1] === 0x0a) raw = raw.subarray(0, raw.length - 1);
      if (raw[raw.length - 1] === 0x0d) raw = raw.subarray(0, raw.length - 1);
      stream = /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw;
    }
    out.set(Number(m[1]), { dict, stream });
    re.lastIndex = end;
  }
  return out;
}

const ref = (dict: string, key: string): number[] => {
  const m = new RegExp(`/${key}\\s*(\\[[^\\]]*\\]|\\d+\\s+0\\s+R)`).exec(dict);
  return m ? [...m[1]!.matchAll(/(\d+)\s+0\s+R/g)].map((x) => Number(x[1])) : [];
};

/** A ToUnicode CMap: code (hex) -> text, and the code length in hex digits. */
function cmapOf(text: string): { map: Map<string, string>; digits: number } {
  const map = new Map<string, string>();
  const hexText = (h: string) => String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map((x) => parseInt(x, 16)));
  const range = /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/.exec(text.slice(text.indexOf('begincodespacerange')));
  const digits = range ? range[1]!.length : 4;
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, uni] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(code!.toUpperCase().padStart(digits, '0'), hexText(uni!));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, rest] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\[[^\]]*\])/g)) {
      const a = parseInt(lo!, 16);
      const b = parseInt(hi!, 16);
      const list = rest!.startsWith('[') ? [...rest!.matchAll(/<([0-9a-fA-F]+)>/g)].map((x) => x[1]!) : null;
      for (let c = a; c <= b; c++) {
        const code = c.toString(16).toUpperCase().padStart(digits, '0');
        if (list) map.set(code, hexText(list[c - a]!));
        else {
          const base = rest!.slice(1, -1);
          const last = parseInt(base.slice(-4), 16) + (c - a);
          map.set(code, hexText(base.slice(0, -4) + last.toString(16).padStart(4, '0')));
        }
      }
    }
  }
  return { map, digits };
}

/** Reads a PDF's page count and each page's text. */
export function readPdf(pdf: Buffer): PdfText {
  const objs = objects(pdf);
  const pages = [...objs.entries()].filter(([, o]) => /\/Type\s*\/Page(?![a-zA-Z])/.test(o.dict)).map(([n]) => n);
  // Page objects in the order of the page tree (the /Kids of /Pages), which is the printed order.
  const order: number[] = [];
  const walk = (n: number) => {
    const o = objs.get(n);
    if (!o) return;
    if (/\/Type\s*\/Pages\b/.test(o.dict)) for (const k of ref(o.dict, 'Kids')) walk(k);
    else if (pages.includes(n)) order.push(n);
  };
  const root = [...objs.entries()].find(([, o]) => /\/Type\s*\/Catalog\b/.test(o.dict));
  for (const p of root ? ref(root[1].dict, 'Pages') : []) walk(p);
  const pageList = order.length === pages.length ? order : pages;

  const cmaps = new Map<number, ReturnType<typeof cmapOf>>();
  const fontCmap = (fontObj: number) => {
    if (!cmaps.has(fontObj)) {
      const tu = ref(objs.get(fontObj)?.dict ?? '', 'ToUnicode')[0];
      const stream = tu !== undefined ? objs.get(tu)?.stream : null;
      cmaps.set(fontObj, stream ? cmapOf(stream.toString('latin1')) : { map: new Map(), digits: 4 });
    }
    return cmaps.get(fontObj)!;
  };

  const text = pageList.map((n) => {
    const page = objs.get(n)!;
    let resources = page.dict;
    const resRef = /\/Resources\s+(\d+)\s+0\s+R/.exec(page.dict);
    if (resRef) resources = objs.get(Number(resRef[1]))?.dict ?? '';
    let fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? '';
    const fontRef = /\/Font\s+(\d+)\s+0\s+R/.exec(resources);
    if (fontRef) fontDict = objs.get(Number(fontRef[1]))?.dict ?? '';
    const fonts = new Map([...fontDict.matchAll(/\/([\w.+-]+)\s+(\d+)\s+0\s+R/g)].map((x) => [x[1]!, Number(x[2])]));
    const content = ref(page.dict, 'Contents').map((c) => objs.get(c)?.stream?.toString('latin1') ?? '').join('\n');
    let font: ReturnType<typeof cmapOf> = { map: new Map(), digits: 4 };
    let out = '';
    const decode = (hex: string) => {
      const h = hex.replace(/\s+/g, '').toUpperCase();
      let t = '';
      for (let i = 0; i + font.digits <= h.length; i += font.digits) t += font.map.get(h.slice(i, i + font.digits)) ?? '';
      return t;
    };
    for (const tok of content.matchAll(/\/([\w.+-]+)\s+[\d.]+\s+Tf|<([0-9a-fA-F\s]*)>\s*Tj|\[((?:[^\]\\]|\\.)*)\]\s*TJ|\b(Td|TD|Tm|T\*|BT|ET)\b/g)) {
      if (tok[1] !== undefined) {
        const f = fonts.get(tok[1]);
        font = f !== undefined ? fontCmap(f) : { map: new Map(), digits: 4 };
      } else if (tok[2] !== undefined) out += decode(tok[2]);
      else if (tok[3] !== undefined) {
        for (const part of tok[3].matchAll(/<([0-9a-fA-F\s]*)>|(-?[\d.]+)/g)) {
          if (part[1] !== undefined) out += decode(part[1]);
          // A large negative kern is a word space.
          else if (Number(part[2]) < -200) out += ' ';
        }
      } else out += ' ';
    }
    return out.normalize('NFKC').replace(/\s+/g, ' ').trim();
  });
  return { pages: pageList.length, text };
}

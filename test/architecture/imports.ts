/**
 * The dependency rule check: reads every import in src/ (TypeScript, JavaScript and the
 * frontmatter and scripts of .astro files, type-only and dynamic imports included) with the
 * TypeScript compiler's import scanner and reports each import that points up the layers of
 * layers.ts, each file no layer holds, each import cycle between files, and each Node module
 * with effects (fs, child_process, worker_threads, ...) imported by a pure layer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { LAYERS, type Layer } from './layers.ts';

const CODE = /\.(ts|mts|mjs|js|astro)$/;

/** Every source file under `root`/src, as a path relative to `root` with forward slashes. */
export function sourceFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (CODE.test(e.name)) out.push(relative(root, p).split(sep).join('/'));
    }
  };
  walk(join(root, 'src'));
  return out.sort();
}

/** The code of a file that can import: all of it, or an .astro file's frontmatter and <script>s. */
function codeOf(file: string, text: string): string {
  if (!file.endsWith('.astro')) return text;
  const parts: string[] = [];
  const front = /^\s*---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (front) parts.push(front[1]!);
  for (const m of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) parts.push(m[1]!);
  return parts.join('\n');
}

/** Every module specifier `file` names, as written. */
function specifiersOf(file: string, text: string): string[] {
  return ts.preProcessFile(codeOf(file, text), true, true).importedFiles.map((f) => f.fileName);
}

/** The files under src/ that `file` imports (relative specifiers only; packages are not layers). */
export function importsOf(root: string, file: string, text: string): string[] {
  const out: string[] = [];
  for (const spec of specifiersOf(file, text)) {
    if (!spec.startsWith('.')) continue;
    const target = relative(root, resolve(root, dirname(file), spec)).split(sep).join('/');
    if (target.startsWith('src/') && CODE.test(target)) out.push(target);
  }
  return out;
}

/** Node's modules that touch the world outside a function's arguments: the disk, processes, threads, the network. */
const EFFECTS = /^(node:)?(fs|fs\/promises|child_process|worker_threads|cluster|net|http|https|http2|dgram|os|process|readline)$/;

/** The layer that holds `file`: the most specific of the table's paths. */
export function layerOf(file: string, layers: Layer[] = LAYERS): Layer | undefined {
  let best: Layer | undefined;
  let bestLength = -1;
  for (const layer of layers) {
    for (const p of layer.paths) {
      const holds = p.endsWith('/') ? file.startsWith(p) : file === p;
      if (holds && p.length > bestLength) [best, bestLength] = [layer, p.length];
    }
  }
  return best;
}

/** Every breach of the rule, one line each; empty when the imports follow the layers. */
export function checkImports(root: string, layers: Layer[] = LAYERS): string[] {
  const problems: string[] = [];
  const rank = new Map(layers.map((l, i) => [l.name, layers.length - i]));
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(root)) {
    const from = layerOf(file, layers);
    if (!from) problems.push(`${file}: in no layer (add its folder to test/architecture/layers.ts)`);
    const text = readFileSync(join(root, file), 'utf8');
    const targets = importsOf(root, file, text);
    graph.set(file, targets);
    if (!from) continue;
    if (from.pure) for (const spec of specifiersOf(file, text).filter((x) => EFFECTS.test(x))) problems.push(`${file} imports ${spec}: ${from.name} is pure (no disk, processes, threads or network)`);
    for (const target of targets) {
      const to = layerOf(target, layers);
      if (!to || to === from) continue;
      if (rank.get(to.name)! > rank.get(from.name)!) problems.push(`${file} imports ${target}: ${from.name} may not import ${to.name}, a layer above it`);
      else if (from.only && !from.only.includes(to.name)) problems.push(`${file} imports ${target}: ${from.name} imports only ${from.only.join(', ') || 'nothing in src/'}`);
    }
  }
  for (const cycle of cycles(graph)) problems.push(`import cycle: ${[...cycle, cycle[0]].join(' -> ')}`);
  return problems;
}

/** The import cycles between files: one path round each strongly connected group (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || graph.get(v)!.includes(v)) groups.push(group);
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  // A readable path round each group: follow imports inside the group from its first file.
  return groups.map((group) => {
    const inGroup = new Set(group);
    const start = [...group].sort()[0]!;
    const path = [start];
    const seen = new Set(path);
    for (let v = start; ; ) {
      const next = graph.get(v)!.find((w) => inGroup.has(w) && (w === start || !seen.has(w)));
      if (!next || next === start) break;
      path.push(next);
      seen.add(next);
      v = next;
    }
    return path;
  });
}

/** A layer's paths, short: src/ left out, files of one folder as folder/{a,b}.ts. */
function pathsOf(layer: Layer): string {
  const out: string[] = [];
  const files = new Map<string, string[]>();
  for (const p of layer.paths.map((x) => x.replace(/^src\//, ''))) {
    const slash = p.lastIndexOf('/');
    if (p.endsWith('/') || slash < 0) out.push(p);
    else files.set(p.slice(0, slash), [...(files.get(p.slice(0, slash)) ?? []), p.slice(slash + 1)]);
  }
  for (const [dir, names] of files) out.push(names.length === 1 ? `${dir}/${names[0]}` : `${dir}/{${names.map((n) => n.replace(/\.ts$/, '')).join(',')}}.ts`);
  return out.join(' ');
}

/** CONTRIBUTING.md's diagram, from the table: one line per layer, top first. */
export function diagram(layers: Layer[] = LAYERS): string {
  const name = Math.max(...layers.map((l) => l.name.length)) + 2;
  const paths = Math.max(...layers.map((l) => pathsOf(l).length)) + 2;
  const lines = ['a layer imports only itself and the layers below it (in src/); a pure one no fs, child_process, worker_threads, ...', ''];
  for (const l of layers) {
    const only = !l.only ? '' : l.only.length ? `; imports only ${l.only.join(', ')}` : '; imports nothing';
    lines.push(`${l.name.padEnd(name)}${pathsOf(l).padEnd(paths)}${l.pure ? 'pure: ' : ''}${l.what}${only}`);
  }
  return lines.join('\n');
}

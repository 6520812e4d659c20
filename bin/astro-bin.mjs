// Where Astro's command is: beside this package (its own node_modules), or hoisted above it in
// the node_modules of the team's repository that installed capaian.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The path of astro.js, looked for in node_modules from `from` up. */
export function astroBin(from) {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', 'astro', 'astro.js');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`capaian: astro is not installed (looked in node_modules from ${from} up); run npm install`);
  }
}

// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import capaian from './src/site/integration.ts';

// SITE and BASE come from the environment so the report works under a GitHub Pages project path
// (e.g. SITE=https://acme.github.io BASE=/sales-kpis). CAPAIAN_OUT builds elsewhere than dist/
// (tests build fixture repositories side by side). The data repository is CAPAIAN_ROOT (default:
// the working directory); capaian() validates it and computes the report once (src/site/integration.ts).
const out = process.env.CAPAIAN_OUT;
export default defineConfig({
  site: process.env.SITE || undefined,
  base: process.env.BASE || '/',
  integrations: [capaian(), mdx()],
  trailingSlash: 'always',
  build: { format: 'directory' },
  // The pages are bundled only to be run once, at build time, and the site ships no script:
  // Rollup's tree-shaking (a third of the bundling step's CPU) removes nothing that changes a page.
  vite: { build: { rollupOptions: { treeshake: false } } },
  ...(out ? { outDir: out, cacheDir: `${out}-cache` } : {}),
});

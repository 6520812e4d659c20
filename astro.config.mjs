// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// SITE and BASE come from the environment so the report works under a GitHub Pages project path
// (e.g. SITE=https://acme.github.io BASE=/sales-kpis). CAPAIAN_OUT builds elsewhere than dist/
// (tests build fixture repositories side by side).
const out = process.env.CAPAIAN_OUT;
export default defineConfig({
  site: process.env.SITE || undefined,
  base: process.env.BASE || '/',
  integrations: [mdx()],
  trailingSlash: 'always',
  build: { format: 'directory' },
  ...(out ? { outDir: out, cacheDir: `${out}-cache` } : {}),
});

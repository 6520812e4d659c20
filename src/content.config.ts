/**
 * The team's reviews as an Astro content collection, so the site renders their MDX bodies: the
 * files reviews/<period>.mdx of the repository at CAPAIAN_ROOT. Their frontmatter is checked by
 * capaian (src/validate/reviews.ts) and reaches the pages through the report model; here it is
 * taken as it is.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const root = process.env.CAPAIAN_ROOT ?? process.cwd();

export const collections = {
  reviews: defineCollection({ loader: glob({ pattern: '*.mdx', base: `${root.replace(/\/$/, '')}/reviews` }) }),
};

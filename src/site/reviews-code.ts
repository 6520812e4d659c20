/**
 * Whether any of the team's reviews (reviews/*.mdx, the site's one Markdown) has a code block:
 * only then does `astro build` load Shiki to highlight it (its engine alone takes about 0.1 s
 * to load). MDX writes a code block only as a fence (``` or ~~~; indented code is plain text in
 * MDX), so a review without either sequence anywhere has none, and its page is the same with
 * highlighting on or off.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function reviewsHaveCode(root: string): boolean {
  const dir = join(root, 'reviews');
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.mdx'));
  } catch {
    return false;
  }
  return files.some((f) => {
    try {
      return /```|~~~/.test(readFileSync(join(dir, f), 'utf8'));
    } catch {
      return true; // unreadable here: leave highlighting as it is
    }
  });
}

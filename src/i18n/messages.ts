/**
 * The CLI's and the site's shared words: the glossary (i18n/glossary.ts) under the names most
 * callers know it by. Add a term to the glossary, not here.
 */
import type { Lang } from './format-value.ts';
import { glossary, type Glossary } from './glossary.ts';

export type Messages = Glossary;

export function t(lang: Lang): Messages {
  return glossary(lang);
}

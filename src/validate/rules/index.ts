/** The cross-file rules, in the order they run. Each returns issues; none throws on bad data. */
import type { Rule } from './context.ts';
import { duplicateIds } from './duplicates.ts';
import { lifecycle } from './lifecycle.ts';
import { lineKinds } from './line-kinds.ts';
import { references } from './references.ts';
import { placedInTime } from './time.ts';

export const crossFileRules: Rule[] = [
  { name: 'duplicates', check: duplicateIds },
  { name: 'references', check: references },
  { name: 'time', check: placedInTime },
  { name: 'lifecycle', check: lifecycle },
  { name: 'line-kinds', check: lineKinds },
];

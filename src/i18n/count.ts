/**
 * A number and its noun, singular or plural, for the CLI's English lines: "1 error", "2 errors",
 * "1 activity". (Indonesian nouns do not change with the number: "1 peringatan", "2 peringatan".)
 */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** The records of each file kind, one and many, as the CLI counts them: "1 order", "2 team members". */
const RECORD_NOUNS = {
  company: ['company', 'companies'],
  team: ['team member', 'team members'],
  products: ['product', 'products'],
  customers: ['customer', 'customers'],
  goals: ['goal', 'goals'],
  targets: ['target', 'targets'],
  orders: ['order', 'orders'],
  leads: ['lead', 'leads'],
  activities: ['activity', 'activities'],
  surveys: ['survey', 'surveys'],
} as const satisfies Record<string, readonly [string, string]>;

/** "3 orders", "1 team member". */
export function countRecords(kind: keyof typeof RECORD_NOUNS, n: number): string {
  const [one, many] = RECORD_NOUNS[kind];
  return count(n, one, many);
}

/** The activity-subject rule: what an activity must name (a lead, a customer), asked by both validation paths. */
export type SubjectProblem = 'missing-lead' | 'won-without-customer' | 'activity-without-subject' | 'reason-not-lost';
const NO_PROBLEMS: readonly SubjectProblem[] = [];

/**
 * What an activity lacks of what it concerns: a won or lost names the lead it closes, a won the
 * customer the lead became, any other activity a lead or a customer. Only a lost activity gives
 * a lost reason: a reason on any other type is an error (the type or the reason is wrong). The full checker's
 * `references` rule (validate/rules/references.ts) and the fast readers (ingest/) both ask it here.
 */
export function subjectProblems(type: unknown, hasLead: boolean, hasCustomer: boolean, hasReason = false): readonly SubjectProblem[] {
  const closes = type === 'won' || type === 'lost';
  const badReason = hasReason && type !== 'lost';
  if (!badReason && (hasLead ? type !== 'won' || hasCustomer : !closes && hasCustomer)) return NO_PROBLEMS;
  const out: SubjectProblem[] = [];
  if (badReason) out.push('reason-not-lost');
  if (closes && !hasLead) out.push('missing-lead');
  if (type === 'won' && !hasCustomer) out.push('won-without-customer');
  if (!closes && !hasLead && !hasCustomer) out.push('activity-without-subject');
  return out;
}

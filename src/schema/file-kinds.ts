/**
 * Every kind of file under data/, where it lives, and the schema it must match.
 * This table is the data layout; the loader and the docs follow it.
 */
import type { z } from 'zod';
import { activitiesSchema } from './activities.ts';
import { companySchema } from './company.ts';
import { customersSchema } from './customers.ts';
import { goalsSchema } from './goals.ts';
import { leadsSchema } from './leads.ts';
import { ordersSchema } from './orders.ts';
import { productsSchema } from './products.ts';
import { surveysSchema } from './surveys.ts';
import { targetsSchema } from './targets.ts';
import { teamSchema } from './team.ts';

export const MONTH_KINDS = ['orders', 'leads', 'activities', 'surveys'] as const;
export type MonthKind = (typeof MONTH_KINDS)[number];

export const SINGLE_KINDS = ['company', 'team', 'products', 'customers', 'goals'] as const;
export type SingleKind = (typeof SINGLE_KINDS)[number];

export type FileKind = SingleKind | 'targets' | MonthKind;

export const schemaOf: Record<FileKind, z.ZodType> = {
  company: companySchema,
  team: teamSchema,
  products: productsSchema,
  customers: customersSchema,
  goals: goalsSchema,
  targets: targetsSchema,
  orders: ordersSchema,
  leads: leadsSchema,
  activities: activitiesSchema,
  surveys: surveysSchema,
};

export const REQUIRED_FILES: SingleKind[] = ['company', 'team', 'products', 'customers'];

export const LAYOUT_HELP = `data/ holds company.yaml, team.yaml, products.yaml, customers.yaml, goals.yaml, targets/YYYY.yaml and YYYY/MM/{${MONTH_KINDS.join(',')}}.yaml`;

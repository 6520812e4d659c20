/** The validated content of data/, with where each record came from. */
import type { Activity } from '../schema/activities.ts';
import type { Company } from '../schema/company.ts';
import type { Customer } from '../schema/customers.ts';
import type { Goal } from '../schema/goals.ts';
import type { Lead } from '../schema/leads.ts';
import type { Order } from '../schema/orders.ts';
import type { Products } from '../schema/products.ts';
import type { Survey } from '../schema/surveys.ts';
import type { Target } from '../schema/targets.ts';
import type { Rep } from '../schema/team.ts';
import type { FileKind } from '../schema/file-kinds.ts';
import type { ActivitiesChunk, LeadsChunk, MonthKind, OrdersChunk, SurveysChunk } from '../ingest/chunk.ts';
import type { Links } from '../ingest/links.ts';

/** The valid records of one file, each with its position in the file's list. */
export interface RecordFile<T> {
  file: string;
  /** YYYY-MM for month files. */
  month?: string;
  /** The year of a targets file. */
  year?: number;
  records: T[];
  /** `index[i]` is the position of `records[i]` in the file's list (invalid records are left out). */
  index: number[];
  /** Path to the list inside the document ([] when the file is the list). */
  listAt: string[];
}

export interface RepoData {
  company: Company;
  team: RecordFile<Rep>;
  products: RecordFile<Products['products'][number]> & { categories: Products['categories'] };
  customers: RecordFile<Customer>;
  goals: RecordFile<Goal>;
  targets: RecordFile<Target>[];
  orders: RecordFile<Order>[];
  leads: RecordFile<Lead>[];
  activities: RecordFile<Activity>[];
  surveys: RecordFile<Survey>[];
}

/** Valid data as the engine reads it: the month files as columns (see ingest/chunk.ts). */
export interface ValidData extends Omit<RepoData, MonthKind> {
  orders: OrdersChunk[];
  leads: LeadsChunk[];
  activities: ActivitiesChunk[];
  surveys: SurveysChunk[];
  /** What the chunks' dictionaries name, as rows (see ingest/links.ts). */
  links: Links;
}

export interface FileSummary {
  file: string;
  kind: FileKind;
  records: number;
}

export interface Summary {
  files: FileSummary[];
  /** Records per kind, valid or not. */
  records: Partial<Record<FileKind, number>>;
  /** Month files with no records (an empty file means "nothing happened"). */
  empty: string[];
  /** YYYY-MM of every month folder, sorted. */
  months: string[];
  /** KPI definition files read from kpis/. */
  kpis: number;
}

/**
 * The report model handed over by `npm run build` (bin/build-site.mjs) while Astro runs.
 *
 * build-site.mjs starts `astro build` and validates the data at the same time (two processes,
 * two cores): Astro boots and bundles the pages, which needs no data, while the model is
 * computed. When validation has passed, build-site.mjs sends one message on the IPC channel it
 * opened to Astro's process (CAPAIAN_REPORT_VIA=ipc tells Astro's side to wait for it):
 * `{ report: <path of the model, JSON>, pdf: 'on' | 'off' }`, whether the PDF of the latest month
 * report is printed being known only then (it needs the model's latest month). The pages await the
 * model as they always do (site-data.ts). When the data is invalid, build-site.mjs stops Astro.
 */
import { readFileSync } from 'node:fs';
import type { Report } from '../report/model.ts';

/** The environment variable, and its value, by which build-site.mjs says the model comes as a message. */
export const HANDOVER_ENV = 'CAPAIAN_REPORT_VIA';
export const HANDOVER_IPC = 'ipc';

/** The message build-site.mjs sends. */
export interface Handover {
  /** The report model's file (JSON), written by `capaian validate --report`. */
  report: string;
  /** CAPAIAN_PDF for the pages (src/site/build-info.ts pdfPrinted). */
  pdf: 'on' | 'off';
}

/** The part of a Node process this reads (a test gives a stand-in). */
export interface Channel {
  env: NodeJS.ProcessEnv;
  on(event: 'message', listener: (m: unknown) => void): unknown;
  on(event: 'disconnect', listener: () => void): unknown;
  off(event: 'message', listener: (m: unknown) => void): unknown;
  off(event: 'disconnect', listener: () => void): unknown;
  exit(code: number): never;
}

function isHandover(m: unknown): m is Handover {
  return typeof m === 'object' && m !== null && typeof (m as Handover).report === 'string' && ((m as Handover).pdf === 'on' || (m as Handover).pdf === 'off');
}

/** Whether this process was started by build-site.mjs to be handed the model (and has the channel to receive it). */
export function handedOver(proc: { env: NodeJS.ProcessEnv; send?: unknown } = process): boolean {
  return proc.env[HANDOVER_ENV] === HANDOVER_IPC && typeof proc.send === 'function';
}

/**
 * The model, when build-site.mjs hands it over; sets CAPAIAN_PDF first. Listening keeps the
 * process alive while it waits (Astro has nothing else to do then); once the message is there the
 * channel is let go. If build-site.mjs goes away first (invalid data, interrupted), this process
 * ends: nobody waits for its pages.
 */
export function reportFromParent(proc: Channel = process as unknown as Channel): Promise<Report> {
  return new Promise<Report>((resolve, reject) => {
    const stop = () => {
      proc.off('message', received);
      proc.off('disconnect', gone);
    };
    const received = (m: unknown) => {
      if (!isHandover(m)) return;
      stop();
      proc.env.CAPAIAN_PDF = m.pdf;
      try {
        resolve(JSON.parse(readFileSync(m.report, 'utf8')) as Report);
      } catch (e) {
        reject(e);
      }
    };
    const gone = () => {
      stop();
      proc.exit(1);
    };
    proc.on('message', received);
    proc.on('disconnect', gone);
  });
}

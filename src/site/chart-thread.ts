/**
 * A chart thread's entry (chart-pool.ts starts it from a bundle of this file): draws each chart
 * it is sent with chart-draw.ts, the code Astro's thread draws with, and sends back its SVG or
 * the error that stopped it.
 */
import { parentPort } from 'node:worker_threads';
import { drawChart, type ChartKind } from './chart-draw.ts';

export interface ChartJobMessage {
  id: number;
  kind: ChartKind;
  input: unknown;
}
export type ChartReply = { id: number; svg: string } | { id: number; error: { message: string; stack?: string } };

parentPort?.on('message', ({ id, kind, input }: ChartJobMessage) => {
  let reply: ChartReply;
  try {
    reply = { id, svg: drawChart(kind, input as never) };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    reply = { id, error: { message: err.message, ...(err.stack ? { stack: err.stack } : {}) } };
  }
  parentPort!.postMessage(reply);
});

// Loaded: charts may come.
parentPort?.postMessage('ready');

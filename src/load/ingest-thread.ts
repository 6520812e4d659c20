/**
 * The body of an ingest worker thread: takes month-file tasks (ingest-task.ts), answers with
 * chunks. Started as ingest-worker.mjs: compiled beside the CLI's bundle (bin/compile-cli.mjs),
 * or, run through tsx, from src/load/ingest-worker.mjs.
 */
import { parentPort } from 'node:worker_threads';
import { buffersOf, runIngestTask, type IngestDone, type IngestTask } from './ingest-task.ts';

const port = parentPort;
if (port) {
  port.on('message', (task: IngestTask) => {
    let done: IngestDone;
    try {
      done = runIngestTask(task);
    } catch (e) {
      // The main thread reads this file itself, and reports what is wrong with it.
      port.postMessage({ path: task.path, failed: String(e) });
      return;
    }
    port.postMessage(done, buffersOf(done));
  });
}

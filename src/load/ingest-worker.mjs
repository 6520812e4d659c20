// A worker thread that turns month files into chunks (see ingest-task.ts). Plain JavaScript so
// Node can start it; it registers tsx to load the TypeScript it runs.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { runIngestTask, buffersOf } = await import('./ingest-task.ts');
parentPort.on('message', (task) => {
  let done;
  try {
    done = runIngestTask(task);
  } catch (e) {
    // The main thread reads this file itself, and reports what is wrong with it.
    parentPort.postMessage({ path: task.path, failed: String(e) });
    return;
  }
  parentPort.postMessage(done, buffersOf(done));
});

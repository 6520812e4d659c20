// A worker thread that turns month files into chunks (see ingest-thread.ts), when the CLI runs
// through tsx (the compiled CLI starts its own compiled ingest-worker.mjs). Plain JavaScript so
// Node can start it; it registers tsx to load the TypeScript it runs.
import { register } from 'tsx/esm/api';

register();
await import('./ingest-thread.ts');

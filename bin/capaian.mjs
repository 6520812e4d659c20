#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so there is no compile step between a change and its use.
import { register } from 'tsx/esm/api';

register();
const { main, quietWhenStdoutCloses } = await import('../src/cli/main.ts');
quietWhenStdoutCloses();
process.exitCode = await main(process.argv.slice(2));

#!/usr/bin/env node
// Runs the CLI compiled to JavaScript (bin/compile-cli.mjs: bundled once per change to the
// sources, then reused), or the TypeScript through tsx when it cannot be compiled or
// CAPAIAN_CLI=tsx asks for it.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const project = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const compiled = process.env.CAPAIAN_CLI === 'tsx' ? null : await (await import('./compile-cli.mjs')).compiledCli(project);
if (process.env.CAPAIAN_CLI_TRACE) process.stderr.write(`capaian: ${compiled ? `compiled ${compiled.dir}` : 'tsx'}\n`);
if (!compiled) (await import('tsx/esm/api')).register();
const { main, quietWhenStdoutCloses } = await import(compiled ? compiled.main : '../src/cli/main.ts');
quietWhenStdoutCloses();
process.exitCode = await main(process.argv.slice(2));

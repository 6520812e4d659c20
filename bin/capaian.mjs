#!/usr/bin/env node
// `capaian build` and `capaian dev` run the site of this package on the data repository here
// (the working directory, or CAPAIAN_ROOT): bin/build-site.mjs, bin/dev-site.mjs. Their --help
// is the CLI's.
// Every other command runs the CLI compiled to JavaScript (bin/compile-cli.mjs: bundled once per
// change to the sources, then reused), or the TypeScript through tsx when it cannot be compiled
// or CAPAIAN_CLI=tsx asks for it.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const [command, ...rest] = process.argv.slice(2);
if ((command === 'build' || command === 'dev') && !rest.some((a) => a === '--help' || a === '-h')) {
  process.argv.splice(2, 1);
  await import(command === 'build' ? './build-site.mjs' : './dev-site.mjs');
} else {
  const project = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const compiled = process.env.CAPAIAN_CLI === 'tsx' ? null : await (await import('./compile-cli.mjs')).compiledCli(project);
  if (process.env.CAPAIAN_CLI_TRACE) process.stderr.write(`capaian: ${compiled ? `compiled ${compiled.dir}` : 'tsx'}\n`);
  if (!compiled) (await import('tsx/esm/api')).register();
  const { main, quietWhenStdoutCloses } = await import(compiled ? compiled.main : '../src/cli/main.ts');
  quietWhenStdoutCloses();
  process.exitCode = await main(process.argv.slice(2));
}

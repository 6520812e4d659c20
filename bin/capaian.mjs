#!/usr/bin/env node
// `capaian build` and `capaian dev` run the site of this package on the data repository here
// (the working directory, or CAPAIAN_ROOT): bin/build-site.mjs, bin/dev-site.mjs. Their --help
// is the CLI's.
// Every other command runs the CLI compiled to JavaScript (bin/compile-cli.mjs: bundled once per
// change to the sources, then reused), or the TypeScript through tsx when it cannot be compiled
// or CAPAIAN_CLI=tsx asks for it. The compiled CLI runs through V8's code cache (loadCompiled).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const [command, ...rest] = process.argv.slice(2);
if ((command === 'build' || command === 'dev') && !rest.some((a) => a === '--help' || a === '-h')) {
  process.argv.splice(2, 1);
  await import(command === 'build' ? './build-site.mjs' : './dev-site.mjs');
} else {
  const project = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const compiler = process.env.CAPAIAN_CLI === 'tsx' ? null : await import('./compile-cli.mjs');
  const compiled = compiler && (await compiler.compiledCli(project));
  if (process.env.CAPAIAN_CLI_TRACE) process.stderr.write(`capaian: ${compiled ? `compiled ${compiled.dir}` : 'tsx'}\n`);
  // compute on a repository that has not changed: the output kept last time, without loading the CLI.
  const kept = compiled && command === 'compute' && (await compiler.printKeptCompute(compiled, rest));
  if (process.env.CAPAIAN_CLI_TRACE && compiled && command === 'compute') process.stderr.write(`capaian: kept output ${kept ? 'used' : 'none'}\n`);
  if (kept) process.exitCode = 0;
  else {
    if (!compiled) (await import('tsx/esm/api')).register();
    const cli = compiled ? await compiler.loadCompiled(compiled, command === '-h' || command === '--help' ? 'help' : command) : { exports: await import('../src/cli/main.ts'), saveCodeCache: () => {} };
    if (process.env.CAPAIAN_CLI_TRACE && compiled) process.stderr.write(`capaian: code cache ${cli.codeCache}\n`);
    const { main, quietWhenStdoutCloses } = cli.exports;
    quietWhenStdoutCloses();
    process.exitCode = await main(process.argv.slice(2));
    cli.saveCodeCache();
  }
}

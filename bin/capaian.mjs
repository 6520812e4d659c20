#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so there is no compile step between a change and its use.
// `capaian build` and `capaian dev` run the site of this package on the data repository here
// (the working directory, or CAPAIAN_ROOT): bin/build-site.mjs, bin/dev-site.mjs.
const [command] = process.argv.slice(2);
if (command === 'build' || command === 'dev') {
  process.argv.splice(2, 1);
  await import(command === 'build' ? './build-site.mjs' : './dev-site.mjs');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  const { main, quietWhenStdoutCloses } = await import('../src/cli/main.ts');
  quietWhenStdoutCloses();
  process.exitCode = await main(process.argv.slice(2));
}

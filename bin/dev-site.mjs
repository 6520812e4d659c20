#!/usr/bin/env node
// npm run dev (capaian dev): the report site of the data repository here (the working directory,
// or CAPAIAN_ROOT), served by `astro dev` from this package, recomputed and reloaded on every
// save of a file under data/ or kpis/ (src/site/integration.ts). Arguments go to astro dev
// (--port 4322, --host).
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { astroBin } from './astro-bin.mjs';

const project = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(process.env.CAPAIAN_ROOT ?? process.cwd());
const child = spawn(process.execPath, [astroBin(project), 'dev', ...process.argv.slice(2)], { cwd: project, stdio: 'inherit', env: { ...process.env, CAPAIAN_ROOT: root } });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

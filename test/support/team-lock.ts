/**
 * A package-lock.json for a team's repository that depends on a capaian tarball, made from this
 * repository's own lock: capaian's runtime dependencies (not its dev ones) at the versions and
 * integrities CI installed. With it `npm ci --offline` installs from the npm cache alone (npm's
 * cache holds the packages `npm ci` fetched, but not the registry's package lists a lock-less
 * install would ask for).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface LockEntry {
  version?: string;
  dev?: boolean;
  devOptional?: boolean;
  [key: string]: unknown;
}

/** `tarball` as package.json names it (file:../capaian-0.1.0.tgz), `path` where it is. */
export function teamLock(project: string, team: { name: string; spec: string; tarball: string; version: string }): string {
  const lock = JSON.parse(readFileSync(join(project, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const tool = lock.packages['']!;
  const packages: Record<string, LockEntry> = {
    '': { name: team.name, dependencies: { capaian: team.spec } },
    'node_modules/capaian': {
      version: team.version,
      resolved: team.spec,
      integrity: `sha512-${createHash('sha512').update(readFileSync(team.tarball)).digest('base64')}`,
      license: tool.license,
      dependencies: tool.dependencies,
      bin: tool.bin,
      engines: tool.engines,
    },
  };
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!path || entry.dev) continue;
    const { devOptional, ...rest } = entry;
    packages[path] = devOptional ? { ...rest, optional: true } : rest;
  }
  return `${JSON.stringify({ name: team.name, lockfileVersion: 3, requires: true, packages }, null, 2)}\n`;
}

import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // A beforeAll that builds or loads a repository (the sample: 12,000 orders) shares the machine
    // with the other worker.
    hookTimeout: 60_000,
    pool: 'forks',
    // vitest's default is one worker fewer than the cores: one worker on a 2-core CI machine, where
    // the slow files (site builds, Chromium) wait on child processes as much as they compute.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});

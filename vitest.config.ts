import { defineConfig } from 'vitest/config';

/** What every project that drives Chromium shares. */
const browserTests = {
  environment: 'node' as const,
  globalSetup: ['tests/e2e/global-setup.ts'],
  testTimeout: 60_000,
  hookTimeout: 180_000,
  // One Chromium at a time: the machines have two cores.
  fileParallelism: false,
};

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/{common,main,renderer,security}/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          exclude: ['tests/e2e/screen-reader/**'],
          ...browserTests,
        },
      },
      {
        extends: true,
        test: {
          // Orca's replies are timed and it falls behind on a busy machine, so `npm test` runs these
          // on their own, after the others (see package.json).
          name: 'screen-reader',
          include: ['tests/e2e/screen-reader/**/*.test.ts'],
          ...browserTests,
        },
      },
    ],
  },
});

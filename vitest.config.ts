import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit and DOM tests, beside the code they test. End-to-end tests have their own config
// (vitest.e2e.config.ts) because WxtVitest replaces `browser` with a fake.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: [
      'lib/**/*.test.ts',
      'components/**/*.test.{ts,tsx}',
      'entrypoints/**/*.test.ts',
      'tests/unit/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    environment: 'node',
    // IndexedDB for Dexie in Node; loaded before any test module imports Dexie.
    setupFiles: ['fake-indexeddb/auto'],
  },
});

import { defineConfig } from 'vitest/config';

// End-to-end tests: real Chromium (playwright-core) with the built extension in .output/chrome-mv3.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    globalSetup: ['tests/e2e/global-setup.ts'],
  },
});

import { defineConfig } from 'vitest/config';

// End-to-end tests in real Firefox (puppeteer-core over WebDriver BiDi) with .output/firefox-mv2.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.firefox.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    globalSetup: ['tests/e2e/global-setup-firefox.ts'],
  },
});

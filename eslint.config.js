// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Import rules that keep the layering of docs/ARCHITECTURE.md true. */
const dbOnlyInBackground = {
  group: ['**/lib/db/**', '@/lib/db/**', '**/lib/background/**', '@/lib/background/**'],
  message: 'Only the background may use the database (docs/ARCHITECTURE.md).',
};
const noEntrypoints = {
  group: ['**/entrypoints/**', '@/entrypoints/**'],
  message: 'Nothing imports an entrypoint.',
};
const noComponents = {
  group: ['**/components/**', '@/components/**'],
  message: 'lib/ is below components/: it cannot import them.',
};
const noBrowserApi = {
  group: ['wxt/browser', 'webextension-polyfill', 'wxt/utils/*'],
  message: 'lib/ and components/ are plain TypeScript: pass browser APIs in from an entrypoint.',
};

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'dist/**', 'screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    // Callbacks that playwright runs inside the extension's service worker or pages.
    files: ['scripts/**', 'tests/e2e/**'],
    languageOptions: { globals: { chrome: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['lib/model/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../*', '@/*'], message: 'lib/model is the bottom layer: it imports nothing of ours.' },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/**'],
    ignores: ['lib/model/**', 'lib/db/**', 'lib/background/**', '**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [dbOnlyInBackground, noEntrypoints, noComponents, noBrowserApi] },
      ],
    },
  },
  {
    files: ['lib/db/**', 'lib/background/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noEntrypoints, noComponents, noBrowserApi] }],
    },
  },
  {
    files: ['components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            dbOnlyInBackground,
            noEntrypoints,
            noBrowserApi,
            {
              group: ['**/lib/protocol/client*', '@/lib/protocol/client*'],
              message: 'Components do no messaging: take callbacks.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['entrypoints/**'],
    ignores: ['entrypoints/background.ts', 'entrypoints/background/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [dbOnlyInBackground] }],
    },
  },
);

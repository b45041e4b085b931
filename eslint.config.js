import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Import boundaries (README, "Architecture"): dependencies point one way. The simulator engine is
 * pure and runs in node, so it imports nothing from the UI, lessons, scenarios or progress; leaf
 * folders (ui, lib, routing, i18n) import nothing from the app that composes them; the build-time
 * content pipeline ships no React. tests/lint/import-boundaries.test.ts proves each rule fires.
 */
const uiModules = ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', '@xyflow/*'];
const uiFolders = [
  '**/app/**',
  '**/lessons/**',
  '**/diagram/**',
  '**/simulator/**',
  '**/store/**',
  '**/console/**',
  '**/i18n/**',
  '**/ui/**',
  '**/styles/**',
  '**/scenarios/**',
  '**/progress/**',
  '**/routing/**',
];

export default defineConfig([
  { ignores: ['dist/**', 'test-results/**', 'playwright-report/**', 'bench-results/**'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  reactHooks.configs.flat.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/sim/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: uiModules, message: 'src/sim is the pure engine: it must not import UI libraries.' },
            {
              group: uiFolders,
              message: 'src/sim is the pure engine: it may import only src/sim and src/lib.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator'],
    },
  },
  {
    // The diagram draws with the engine's small read-only surface; the engine itself (kubectl,
    // controllers, YAML) loads on demand, so only type imports of it are allowed here.
    files: [
      'src/simulator/**/*.{ts,tsx}',
      'src/store/**/*.ts',
      'src/app/**/*.{ts,tsx}',
      'src/lessons/*.{ts,tsx}',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/sim/**', '!**/sim/view.ts'],
              allowTypeImports: true,
              message: 'Import the engine with import() (it is lazy-loaded); statically, only sim/view.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react-dom/*', '@xyflow/*'], message: 'The store holds no UI.' },
            {
              group: ['**/sim/**', '!**/sim/view.ts'],
              allowTypeImports: true,
              message: 'Import the engine with import() (it is lazy-loaded); statically, only sim/view.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...uiModules, ...uiFolders, '**/sim/**'],
              message: 'src/lib holds generic helpers only.',
            },
          ],
        },
      ],
    },
  },
  {
    // Leaves: presentational components, routing and translations serve the app, never the reverse.
    files: ['src/ui/**/*.{ts,tsx}', 'src/routing/**/*.{ts,tsx}', 'src/i18n/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/app/**'],
              message: 'A leaf module must not import src/app: move what it needs to a leaf.',
            },
            {
              group: ['**/sim/**', '!**/sim/view.ts'],
              allowTypeImports: true,
              message: 'Import the engine with import() (it is lazy-loaded); statically, only sim/view.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/lessons/build/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: uiModules, message: 'The content pipeline runs at build time: no UI imports.' },
          ],
        },
      ],
    },
  },
]);

import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import boundaries from 'eslint-plugin-boundaries';

/**
 * The architecture, checked on every import: apps never import each other, a bounded context
 * reaches another only through its public `index.ts`, libs never import apps, and the CLI uses
 * libs and the apps' public modules (`apps/<app>/src/index.ts`) only.
 */
const ARCHITECTURE = {
  files: ['apps/**/*.ts', 'apps/**/*.tsx', 'libs/**/*.ts', 'tests/**/*.ts'],
  plugins: { boundaries },
  settings: {
    'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
    'boundaries/include': ['apps/**', 'libs/**', 'tests/**'],
    'boundaries/elements': [
      // One folder per bounded context of an app (and `database/`, which gathers their read sides).
      {
        type: 'context',
        pattern: 'apps/(consortium|coop)/src/*',

        capture: ['app', 'context'],
      },
      // The app's own files beside its contexts: main, app.module, its public index, its kernel.
      { type: 'app', pattern: 'apps/(consortium|coop)/src', capture: ['app'] },
      { type: 'cli', pattern: 'apps/cli' },
      { type: 'board', pattern: 'apps/board' },
      { type: 'lib', pattern: 'libs/*', capture: ['lib'] },
      { type: 'tests', pattern: 'tests' },
    ],
  },
  rules: {
    'boundaries/dependencies': [
      'error',
      {
        default: 'allow',
        policies: [
          {
            from: { element: { type: 'lib' } },
            disallow: { to: { element: { types: ['app', 'context', 'cli', 'board'] } } },
            message: 'a lib never imports an app',
          },
          {
            from: { element: { types: ['app', 'context'] } },
            disallow: {
              to: {
                element: {
                  types: ['app', 'context'],
                  captured: { app: '!{{ from.element.captured.app }}' },
                },
              },
            },
            message: 'an app never imports another app',
          },
          {
            from: { element: { type: 'context' } },
            disallow: {
              to: {
                element: {
                  type: 'context',
                  captured: {
                    app: '{{ from.element.captured.app }}',
                    context: '!{{ from.element.captured.context }}',
                  },
                  fileInternalPath: '!index.ts',
                },
              },
            },
            message:
              'a context reaches another only through its public index.ts (import from the folder)',
          },
          {
            from: { element: { type: 'app' } },
            disallow: {
              to: {
                element: {
                  type: 'context',
                  fileInternalPath: '!(index.ts|*.module.ts|read-sides.ts)',
                },
              },
            },
            message: 'the app module imports a context through its index.ts or its module',
          },
          {
            from: { element: { type: 'cli' } },
            disallow: {
              to: [
                { element: { types: ['context', 'board'] } },
                { element: { type: 'app', fileInternalPath: '!index.ts' } },
              ],
            },
            message:
              'the CLI uses libs and the apps’ public modules (apps/<app>/src/index.ts) only',
          },
        ],
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.data/**',
      'coverage/**',
      '**/*.js',
      '**/*.mjs',
      // Files that break the rules on purpose, linted only by the test that shows the rules hold.
      'tests/lint/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  ARCHITECTURE,
);

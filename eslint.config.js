// Lint: typescript-eslint (type-aware) plus the boundaries between runtimes, enforced here rather
// than remembered: src-shared imports neither Node, DOM nor Electron; src-renderer never imports
// src-main; src-main never imports the renderer; the kernel imports no domain and no domain imports
// the wiring (core/); raw ipcMain/ipcRenderer live only in the two IPC helper modules. Imports that
// leave their folder use the aliases #shared/, #main/ and #renderer/ (tsconfig.json "paths").
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeModules = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const rawIpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Use the typed IPC contract; raw IPC lives only in src-main/electron/ipc-main.ts and preload.ts.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'scripts/**', '*.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
          ],
      'no-restricted-imports': ['error', { paths: [rawIpc] },
          ],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    ignores: ['src-shared/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeModules, 'electron', 'react', 'react-dom', 'better-sqlite3', 'kysely', 'ws', 'xlsx'].map((name) => ({
            name,
            message: 'src-shared runs everywhere: no Node, DOM, Electron or database code here.',
          })),
          patterns: [{ group: ['**/src-main/**', '**/src-renderer/**'], message: 'src-shared must not depend on main or renderer code.' },
            { regex: '^#(main|renderer)/', message: 'src-shared must not depend on main or renderer code.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'localStorage', 'navigator', 'require'],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Only about the React Compiler skipping a component that uses a virtualiser; we do not use it.
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeModules, 'electron', 'better-sqlite3', 'kysely', 'ws', 'xlsx'].map((name) => ({
            name,
            message: 'The renderer has no Node or Electron: talk to main through the typed client (src-renderer/ui/api.ts).',
          })),
          patterns: [{ group: ['**/src-main/**', '**/src-main'], message: 'The renderer never imports main-process code.' },
            { regex: '^#main/', message: 'The renderer never imports main-process code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/ipc-main.ts', 'src-main/electron/preload.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [rawIpc],
          patterns: [{ group: ['**/src-renderer/**'], message: 'The main process never imports renderer code: they meet in src-shared.' },
            { regex: '^#renderer/', message: 'The main process never imports renderer code: they meet in src-shared.' },
          ],
        },
      ],
    },
  },
  {
    // The domains and the kernel: the wiring (core/) imports them, never the other way round.
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/core/**', 'src-main/electron/**', 'src-main/host/**', 'src-main/bench/**', 'src-main/test-support/**', '**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [rawIpc],
          patterns: [
            { group: ['**/src-renderer/**'], message: 'The main process never imports renderer code: they meet in src-shared.' },
            { regex: '^#renderer/', message: 'The main process never imports renderer code: they meet in src-shared.' },
            { regex: '^#main/core/', message: 'Domains do not import the wiring: core.ts imports them and passes what they need.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/kernel/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^#(renderer/|main/(?!kernel/|db/schema$))', message: 'The kernel imports no domain: domains import the kernel.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/electron/ipc-main.ts', 'src-main/electron/preload.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src-main/**/*.ts', 'e2e/**/*.ts', '*.config.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.test.ts', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);

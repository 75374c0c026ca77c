import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'bench/results/', 'domain/gs1/ai-table.generated.ts', 'client/api/schema.generated.ts', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // The protocols here are made of control characters: GS (FNC1) in GS1 data, STX/ETX in ZPL status.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // domain/ is shared by the handheld and the server: it may not reach for I/O.
    files: ['domain/**/*.ts'],
    ignores: ['domain/**/*.test.ts', 'domain/**/generate/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'fs', 'path', 'http', 'net', '../server/*', '../../server/*', '../client/*', '../../client/*'], message: 'domain/ is pure: no I/O and no imports from server/ or client/.' }] }],
    },
  },
  {
    files: ['printers/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['../server/*', '../../server/*', '../../../server/*'], message: 'printers/ never imports server/: the server hands it what it needs.' }] }] },
  },
);

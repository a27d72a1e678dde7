// Flat config. Syntax-only typescript-eslint rules (no type information) so `npm run lint` stays fast;
// the type checker itself runs in `npm run typecheck`.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeGlobals = {
  process: 'readonly',
  console: 'readonly',
  Buffer: 'readonly',
  URL: 'readonly',
  setTimeout: 'readonly',
  clearTimeout: 'readonly',
  setInterval: 'readonly',
  clearInterval: 'readonly',
  __dirname: 'readonly',
  __filename: 'readonly',
  require: 'readonly',
  module: 'writable',
  exports: 'writable',
};

export default defineConfig(
  {
    ignores: [
      '**/node_modules/**',
      'dist/**',
      'dist-h5/**',
      'build/**',
      '.data/**',
      'test-output/**',
      'coverage/**',
      '.swc/**',
      'src/assets/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_`-prefixed names mark deliberately unused parameters (use-case signatures, callbacks).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { args: 'after-used', argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'all', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Kept on: a control character in a regex is almost always a mistake; deliberate uses carry a disable with a reason.
      'no-control-regex': 'error',
      // A @ts-expect-error must say why; @ts-ignore and @ts-nocheck stay banned.
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': 'allow-with-description', minimumDescriptionLength: 5 }],
    },
  },
  {
    files: ['**/*.{js,cjs,mjs}'],
    languageOptions: { globals: nodeGlobals },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Jest loads modules with require() on purpose: after a mock or transport is installed, or from a built bundle.
    files: ['tests/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Pages read their parameters only through usePageParams, which decodes what the routers hand over encoded.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/hooks/use-page-params.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: '@tarojs/taro', importNames: ['useRouter', 'getCurrentInstance'], message: 'Read page parameters with usePageParams (src/hooks/use-page-params.ts): decoded once, for every page.' }] }],
      'no-restricted-properties': [
        'error',
        { object: 'Taro', property: 'useRouter', message: 'Read page parameters with usePageParams (src/hooks/use-page-params.ts).' },
        { object: 'Taro', property: 'getCurrentInstance', message: 'Read page parameters with usePageParams (src/hooks/use-page-params.ts).' },
      ],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/use-*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
);

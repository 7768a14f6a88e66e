// Lint, including the import rules of DESIGN.md: shared/ imports neither electron/ nor renderer/;
// renderer/ imports shared/ only (never electron/, never node:*); electron/core/ never imports
// the `electron` package or renderer/; only the Electron glue (electron/*.ts) imports `electron`.
import tseslint from 'typescript-eslint';

const noElectronPackage = [
  { name: 'electron', message: 'Only the Electron glue (electron/*.ts) may import electron.' },
];
const noRendererDir = { regex: '(^|/)renderer(/|$)', message: 'Only the renderer imports renderer code.' };
const noElectronDir = { regex: '(^|/)electron(/|$)', message: 'The renderer and shared code talk to the core only through the contract.' };
const noNode = { regex: '^node:', message: 'The renderer runs sandboxed: no Node modules.' };
const noNativeDb = { regex: '^@signalapp/sqlcipher$', message: 'Only the core opens the database.' };

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', 'playwright-report/', '.bench-data/', '.shot*'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: noElectronPackage, patterns: [noRendererDir, noElectronDir, noNode, noNativeDb] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths: noElectronPackage, patterns: [noElectronDir, noNode, noNativeDb] }],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: noElectronPackage, patterns: [noRendererDir] }],
    },
  },
  {
    files: ['electron/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noRendererDir] }] },
  },
  {
    // Command-line tools (preview, bench, fixtures) report to the terminal.
    files: ['test/preview/**', 'test/bench/**', 'test/fixtures/**', 'scripts/**'],
    rules: { 'no-console': 'off' },
  },
);

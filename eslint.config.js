import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Layer boundaries (as VS Code does): shared/ is pure TypeScript; the renderer never reaches Node,
 * Electron or main-process code; only the Electron glue files may import 'electron'; the preload
 * sees nothing but 'electron' and shared/methods. Another layer is reached through its path alias
 * (@shared/…, @main/…, @cli/…, @renderer/…, tsconfig.base.json), never by a ../ path, so the patterns
 * below see every crossing. Runs with zero warnings (npm run lint).
 */
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'util', 'worker_threads'];
const pattern = (group, message) => ({ group, message });
const byAlias = pattern(
  ['**/shared/**', '**/electron/**', '**/renderer/**', '**/main/**', '**/cli/**', '**/preload/**'],
  'Reach another layer through its alias (@shared/…, @main/…, @cli/…, @renderer/…), not by a ../ path.',
);
/** One no-restricted-imports rule per layer (a later block would replace, not extend, an earlier one). */
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns: [...patterns, byAlias] }] });

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict(
      pattern(nodeBuiltins, 'shared/ is pure TypeScript: no Node APIs.'),
      pattern(['electron', 'react', 'react-dom', 'lowdb', 'lowdb/*', 'docx', 'xlsx'], 'shared/ must not depend on a runtime or an I/O library.'),
      pattern(['@main/*', '@cli/*', '@renderer/*', '**/tests/**'], 'shared/ must not import from other layers.'),
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      // Advice for the React Compiler, which this project does not use.
      'react-hooks/incompatible-library': 'off',
      ...restrict(
        pattern(nodeBuiltins, 'The renderer runs sandboxed: no Node APIs.'),
        pattern(['electron', 'lowdb', 'lowdb/*', 'docx', 'xlsx'], 'The renderer talks to main only through the contract (api.ts).'),
        pattern(['@main/*', '@cli/*', '**/tests/**'], 'The renderer may import shared/ only.'),
      ),
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: restrict(
      pattern(nodeBuiltins, 'The sandboxed preload has no Node APIs.'),
      pattern(['@main/*', '@cli/*', '@renderer/*', '@shared/*', '!@shared/methods'], 'The preload needs only shared/methods (no validator bundled into it).'),
    ),
  },
  {
    files: ['electron/main/**/*.ts', 'electron/cli/**/*.ts'],
    ignores: ['electron/main/index.ts', 'electron/main/ipc.ts', 'electron/main/security.ts', 'electron/main/menu.ts'],
    rules: restrict(
      pattern(['electron'], 'Services, store and CLI are plain Node so they run in tests, the harness and the CLI. Only index/ipc/security/menu touch Electron.'),
      pattern(['@renderer/*', '**/tests/**'], 'Main-process code must not import the renderer, the preload or tests.'),
    ),
  },
  {
    files: ['electron/main/index.ts', 'electron/main/ipc.ts', 'electron/main/security.ts', 'electron/main/menu.ts'],
    rules: restrict(pattern(['@renderer/*', '**/tests/**'], 'Main-process code must not import the renderer, the preload or tests.')),
  },
  {
    files: ['tests/**/*.ts'],
    rules: restrict(),
  },
  {
    files: ['electron/cli/**/*.ts', 'tests/bench/**/*.ts', 'tests/harness/serve.ts', 'scripts/**/*.mjs'],
    rules: { 'no-console': 'off' },
  },
);

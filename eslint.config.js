import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

/**
 * Layer boundaries (as VS Code does): shared/ is pure TypeScript; the renderer never reaches Node,
 * Electron or main-process code; only the Electron glue files may import 'electron'; the preload
 * sees nothing but 'electron' and shared/methods. Another layer is reached through its path alias
 * (@shared/…, @main/…, @cli/…, @renderer/…, @tests/…, tsconfig.base.json), never by a ../ path, so the patterns
 * below see every crossing. Runs with zero warnings (npm run lint).
 *
 * Each layer's restrictions are written once (`layer(...)`) and applied to static imports
 * (no-restricted-imports) and to dynamic `import()` (no-restricted-syntax) alike.
 */
/** Every Node builtin, as `x` and as `node:x` (Node's own list, so `events`, `zlib`, … cannot slip through). */
const nodeBuiltins = { names: builtinModules.flatMap((name) => [name, `node:${name}`]), group: ['node:*'] };
/** Test and build tools: never bundled into the app, so renderer and shared must not import them. */
const devDependencyNames = Object.keys(JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')).devDependencies);
const devDependencies = { names: devDependencyNames, group: devDependencyNames.map((name) => `${name}/**`) };
/** Node's own globals (not those the browser shares, such as setTimeout or URL). */
const nodeGlobals = [
  'process',
  'Buffer',
  'global',
  'require',
  'module',
  'exports',
  '__dirname',
  '__filename',
  'setImmediate',
  'clearImmediate',
];
/**
 * One restriction: exact module names (`names`, e.g. `events` but not a folder `../events/`) and/or
 * gitignore-like patterns (`group`, as no-restricted-imports reads them; `!x` excepts x).
 */
const restrict = ({ names = [], group = [], regex = null }, message) => ({ names, group, regex, message });
/**
 * A relative path naming a layer folder. A regular expression on relative paths only, so test folders
 * named like layers (tests/unit/main/…) are reached through @tests/… (written with \x2F for '/', as the
 * import() selectors need).
 */
const byAlias = restrict(
  { regex: '^\\.\\.?\\x2F(.*\\x2F)?(shared|electron|renderer|main|cli|preload|tests)\\x2F' },
  'Reach another layer through its alias (@shared/…, @main/…, @cli/…, @renderer/…, @tests/…), not by a ../ path.',
);

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, (c) => (c === '/' ? '\\x2F' : `\\${c}`));

/** A `group` pattern as a regular expression without '/' (esquery regex literals cannot hold one). */
function patternSource(glob) {
  const S = '\\x2F';
  const anchored = glob.includes('/') && !glob.startsWith('**/');
  const body = escape(
    glob
      .replace(/^\*\*\//, '')
      .replace(/\/\*\*$/, '')
      .replace(/\/\*$/, '\u0000'),
  )
    .replace('\u0000', `${S}[^\\x2F]+`)
    .replace(/\\\*/g, '[^\\x2F]*');
  return `${anchored || glob.startsWith('node:') ? '^' : `(^|${S})`}${body}(${S}|$)`;
}

/** The `import()` selectors of one restriction: each pattern, minus its `!` exceptions. */
function importSelectors({ names, group, regex, message }) {
  const except = group
    .filter((glob) => glob.startsWith('!'))
    .map((glob) => `:not([source.value=/${patternSource(glob.slice(1))}/])`)
    .join('');
  return [
    ...names.map((name) => ({ selector: `ImportExpression[source.value=/^${escape(name)}$/]`, message })),
    ...group
      .filter((glob) => !glob.startsWith('!'))
      .map((glob) => ({ selector: `ImportExpression[source.value=/${patternSource(glob)}/]${except}`, message })),
    ...(regex ? [{ selector: `ImportExpression[source.value=/${regex}/]`, message }] : []),
  ];
}

/**
 * A layer's restrictions for static imports (no-restricted-imports) and for dynamic `import()`
 * (no-restricted-syntax), written once, always with byAlias (one rule per layer: a later block would
 * replace, not extend, an earlier one). In app code a computed `import()` cannot be checked, so it is refused.
 */
function layer(list, { node = true, computedImport = false } = {}) {
  const restrictions = [...list, byAlias];
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: restrictions.flatMap(({ names, message }) => names.map((name) => ({ name, message }))),
        patterns: [
          ...restrictions.filter(({ group }) => group.length > 0).map(({ group, message }) => ({ group, message })),
          ...restrictions.filter(({ regex }) => regex).map(({ regex, message }) => ({ regex, message })),
        ],
      },
    ],
    // TypeScript's no-undef stand-in is the type check (no @types/node there); this names the mistake.
    ...(node
      ? {}
      : { 'no-restricted-globals': ['error', ...nodeGlobals.map((name) => ({ name, message: 'No Node globals outside Node code.' }))] }),
    'no-restricted-syntax': [
      'error',
      ...(computedImport
        ? []
        : [
            {
              selector: "ImportExpression:not([source.type='Literal'])",
              message: 'import() needs a literal module name here, so the layer rules can check it.',
            },
          ]),
      ...restrictions.flatMap(importSelectors),
    ],
  };
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Node globals only where Node runs: main, CLI, preload tooling, tests, scripts and configs.
    files: ['electron/**/*.{ts,mjs}', 'tests/**/*.ts', 'scripts/**/*.mjs', '*.config.{ts,js}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    // Type-aware checks where a forgotten await loses a write or an error: main, CLI, preload and shared.
    files: ['electron/**/*.ts', 'shared/**/*.ts'],
    languageOptions: { parserOptions: { project: ['./tsconfig.node.json'], tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: layer(
      [
        restrict(nodeBuiltins, 'shared/ is pure TypeScript: no Node APIs.'),
        restrict(
          { group: ['electron', 'react', 'react-dom', 'lowdb', 'lowdb/*', 'docx', 'xlsx'] },
          'shared/ must not depend on a runtime or an I/O library.',
        ),
        restrict(devDependencies, 'shared/ is shipped: no test or build tools (devDependencies).'),
        restrict({ group: ['@main/*', '@cli/*', '@renderer/*', '@tests/*', '**/tests/**'] }, 'shared/ must not import from other layers.'),
      ],
      { node: false },
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
      ...layer(
        [
          restrict(nodeBuiltins, 'The renderer runs sandboxed: no Node APIs.'),
          restrict(
            { group: ['electron', 'lowdb', 'lowdb/*', 'docx', 'xlsx'] },
            'The renderer talks to main only through the contract (api.ts).',
          ),
          restrict(devDependencies, 'The renderer is shipped: no test or build tools (devDependencies).'),
          restrict({ group: ['@main/*', '@cli/*', '@tests/*', '**/tests/**'] }, 'The renderer may import shared/ only.'),
        ],
        { node: false },
      ),
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: layer(
      [
        restrict(nodeBuiltins, 'The sandboxed preload has no Node APIs.'),
        restrict(
          { group: ['@main/*', '@cli/*', '@renderer/*', '@tests/*', '@shared/*', '!@shared/methods'] },
          'The preload needs only shared/methods (no validator bundled into it).',
        ),
      ],
      { node: false },
    ),
  },
  {
    files: ['electron/main/**/*.ts', 'electron/cli/**/*.ts'],
    ignores: [
      'electron/main/index.ts',
      'electron/main/ipc.ts',
      'electron/main/security.ts',
      'electron/main/menu.ts',
      'electron/main/appProtocol.ts',
      'electron/main/shellDialogs.ts',
    ],
    rules: layer([
      restrict(
        { group: ['electron'] },
        'Services, store and CLI are plain Node so they run in tests, the harness and the CLI. Only index/ipc/security/menu/appProtocol/shellDialogs touch Electron.',
      ),
      restrict(
        { group: ['@renderer/*', '@tests/*', '**/tests/**'] },
        'Main-process code must not import the renderer, the preload or tests.',
      ),
    ]),
  },
  {
    files: [
      'electron/main/index.ts',
      'electron/main/ipc.ts',
      'electron/main/security.ts',
      'electron/main/menu.ts',
      'electron/main/appProtocol.ts',
      'electron/main/shellDialogs.ts',
    ],
    rules: layer([
      restrict(
        { group: ['@renderer/*', '@tests/*', '**/tests/**'] },
        'Main-process code must not import the renderer, the preload or tests.',
      ),
    ]),
  },
  {
    files: ['tests/**/*.ts'],
    rules: layer([], { computedImport: true }),
  },
  {
    files: ['electron/cli/**/*.ts', 'tests/bench/**/*.ts', 'tests/harness/serve.ts', 'scripts/**/*.mjs', 'scripts/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);

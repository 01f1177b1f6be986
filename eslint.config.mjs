import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'http',
  'https',
  'net',
  'tls',
  'child_process',
  'util',
  'events',
  'stream',
  'worker_threads',
];
const restrict = (groups) => ({
  'no-restricted-imports': ['error', { patterns: groups.map(([group, message]) => ({ group, message })) }],
});

/**
 * Files longer than MAX_LINES today. Each is a place to split when it is next touched; the list may
 * only shrink (a new file over the limit fails lint).
 */
const MAX_LINES = 400;
const overMaxLines = ['tests/bench/run.ts', 'tests/integration/cases.test.ts'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-artifacts/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'max-lines': ['error', { max: MAX_LINES, skipBlankLines: true, skipComments: true }],
    },
  },
  ...(overMaxLines.length ? [{ files: overMaxLines, rules: { 'max-lines': 'off' } }] : []),
  // shared/: pure logic that runs everywhere. No Node, no DOM, no Electron, nothing outside shared/.
  {
    files: ['shared/**/*.ts'],
    rules: {
      ...restrict([
        [['**/main/**', '**/renderer/**', '**/tests/**'], 'shared/ imports nothing outside shared/'],
        [
          [...nodeBuiltins, 'electron', 'better-sqlite3', 'socket.io', 'socket.io-client', 'react', 'react-dom'],
          'shared/ is pure: inject I/O instead',
        ],
      ]),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  // renderer/: browser code. Only shared/, never main/, Node or Electron (it reaches main only through the HallApi).
  ...(() => {
    const renderer = [
      [['**/main/**', '**/tests/**'], 'renderer/ imports only shared/: use the HallApi'],
      [[...nodeBuiltins, 'electron', 'better-sqlite3', 'socket.io'], 'renderer/ runs in a browser sandbox'],
    ];
    // Inside it, layers: faces use features and ui; features use ui; ui stands on i18n alone. A
    // later block replaces the rule for its files, so each repeats the renderer's own groups.
    const noFaces = [['**/faces/**'], 'faces use features and ui, never the reverse'];
    return [
      { files: ['renderer/**/*.{ts,tsx}'], rules: restrict(renderer) },
      { files: ['renderer/src/features/**/*.{ts,tsx}'], rules: restrict([...renderer, noFaces]) },
      {
        files: ['renderer/src/ui/**/*.{ts,tsx}'],
        rules: restrict([...renderer, noFaces, [['**/features/**', '**/app/**'], 'ui/ holds plain controls: no features, no hall']]),
      },
    ];
  })(),
  { files: ['renderer/**/*.{ts,tsx}'], ...reactHooks.configs.flat['recommended-latest'] },
  // main/ never reaches into the renderer's code.
  {
    files: ['main/**/*.ts'],
    rules: restrict([[['**/renderer/**', '**/tests/**'], 'main/ may not import renderer/ or tests/']]),
  },
  // The hub and the terminal agent run in plain Node (a headless hub, a utility process): never Electron.
  {
    files: ['main/hub/**/*.ts', 'main/terminal/**/*.ts', 'main/db/**/*.ts'],
    rules: restrict([
      [['**/renderer/**', '**/tests/**'], 'main/ may not import renderer/ or tests/'],
      [['electron', '**/main/app/**', '../app/**'], 'the hub and the agent run without Electron'],
    ]),
  },
  // main/kernel holds the Node pieces the hub and the region both use (credentials, static files): it uses neither.
  {
    files: ['main/kernel/**/*.ts'],
    rules: restrict([
      [['**/renderer/**', '**/tests/**'], 'main/ may not import renderer/ or tests/'],
      [
        ['electron', '**/main/app/**', '**/hub/**', '**/region/**', '../app/**', '../hub/**', '../region/**'],
        'main/kernel stands on Node and shared/ alone',
      ],
    ]),
  },
  // The regional server is a Node service above the halls: it speaks to each hub as a terminal does.
  {
    files: ['main/region/**/*.ts'],
    rules: restrict([
      [['**/renderer/**', '**/tests/**'], 'main/ may not import renderer/ or tests/'],
      [['electron', '**/main/app/**', '../app/**', '**/hub/**', '../hub'], 'the region reaches a hall only through its hub, as a terminal'],
    ]),
  },
  // The Electron shell reaches the hub only through the hub's process entry (it forks dist/hub/cli.js), never its code.
  {
    files: ['main/app/**/*.ts'],
    rules: restrict([
      [['**/renderer/**', '**/tests/**'], 'main/ may not import renderer/ or tests/'],
      [['**/hub/**', '../hub'], 'main/app talks to the hub as a terminal does: fork its entry, connect with a token'],
    ]),
  },
  prettier,
);

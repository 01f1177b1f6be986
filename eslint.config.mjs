import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'net', 'child_process', 'util', 'events', 'stream'];
const restrict = (groups) => ({
  'no-restricted-imports': ['error', { patterns: groups.map(([group, message]) => ({ group, message })) }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-artifacts/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  // shared/: pure logic that runs everywhere. No Node, no DOM, no Electron, no other layer.
  {
    files: ['shared/**/*.ts'],
    rules: {
      ...restrict([
        [['**/main/**', '**/renderer/**'], 'shared/ may not import main/ or renderer/'],
        [
          [...nodeBuiltins, 'electron', 'better-sqlite3', 'socket.io', 'socket.io-client', 'react', 'react-dom'],
          'shared/ is pure: inject I/O instead',
        ],
      ]),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  // renderer/: browser code. Never main/, never Node or Electron (it reaches main only through the preload API).
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: restrict([
      [['**/main/**'], 'renderer/ may not import main/: use the HallApi'],
      [[...nodeBuiltins, 'electron', 'better-sqlite3', 'socket.io'], 'renderer/ runs in a browser sandbox'],
    ]),
  },
  // main/ never reaches into the renderer's code.
  {
    files: ['main/**/*.ts'],
    rules: restrict([[['**/renderer/**'], 'main/ may not import renderer/']]),
  },
);

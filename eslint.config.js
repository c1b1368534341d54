import tseslint from 'typescript-eslint';

// The dependency rule of shared/DESIGN.md, enforced: src/core runs unchanged in a page, a worker and Node,
// so it imports nothing from the platforms and nothing from the layers built on it.
const coreBoundary = {
  files: ['src/core/**/*.ts'],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [
        { group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process'], message: 'src/core is platform-free: no Node APIs.' },
        { group: ['webextension-polyfill', 'wxt', 'wxt/*', 'preact', 'preact/*'], message: 'src/core is platform-free: no browser or UI code.' },
        { group: ['**/extension/**', '**/server/**', '**/console/**', '**/cli/**'], message: 'Dependencies point one way: nothing in core imports the layers above it.' },
      ],
    }],
    'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'chrome', 'browser', 'process', 'Buffer', 'require'],
  },
};

// The server, the console and the extension share only core: none reaches into another.
const layer = (dir, others) => ({
  files: [`src/${dir}/**/*.ts`, `src/${dir}/**/*.tsx`],
  rules: {
    'no-restricted-imports': ['error', { patterns: others.map((o) => ({ group: [`**/${o}/**`], message: `src/${dir} depends on core only, not on src/${o}.` })) }],
  },
});

export default tseslint.config(
  // test/fixtures/secrets holds made-up leaked config files (.js, .py, .php among them): data, not the project's code.
  { ignores: ['node_modules/', '.output/', '.wxt/', 'coverage/', 'test/fixtures/secrets/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  coreBoundary,
  layer('server', ['extension', 'console']),
  layer('console', ['extension', 'server', 'cli']),
  layer('extension', ['server', 'console', 'cli']),
);

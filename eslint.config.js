import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

// The layer boundaries of docs/ARCHITECTURE: core and shared never reach Electron;
// shared stays free of Node; the renderer sees neither Node nor the back end.
const noElectron = {
  name: 'electron',
  message: 'Chỉ electron/main và preload được dùng Electron.',
};
const nodeBuiltins = {
  group: ['node:*'],
  message: 'Mã dùng chung và giao diện không được dùng API của Node.',
};

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-electron', '.tmp', 'test-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['electron/core/**', 'electron/host/**', 'electron/cli/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            nodeBuiltins,
            { group: ['**/electron/**'], message: 'shared/ không phụ thuộc back end.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            nodeBuiltins,
            {
              group: ['**/electron/**'],
              message: 'Giao diện chỉ gọi back end qua renderer/api.ts.',
            },
          ],
        },
      ],
    },
  },
);

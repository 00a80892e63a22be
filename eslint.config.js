// Lint: zero warnings in CI. Layering is enforced here: engine/** is pure and may not import the
// adapters (cli/, addin/), React, Office, exceljs or Node built-ins.
import officeAddins from 'eslint-plugin-office-addins';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'test-artifacts/**', 'cli/bin.js'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // The .xlsx adapter is shared by the CLI and the web page: it must run in a browser.
    files: ['cli/xlsx-read.ts', 'cli/xlsx-write.ts', 'cli/xlsx-chart.ts', 'cli/xlsx-merge.ts', 'cli/export.ts', 'cli/messages.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'fs', 'path', 'os'], message: 'Shared with the web page: no Node built-ins.' }] }],
    },
  },
  {
    // Office.js rules from Microsoft's add-in linter (office-addin-lint): no context.sync() in loops,
    // load before read, sync after load.
    files: ['addin/**/*.ts', 'addin/**/*.tsx'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/call-sync-after-load': 'error',
      'office-addins/no-empty-load': 'error',
      'office-addins/no-navigational-load': 'error',
      'office-addins/no-office-initialize': 'error',
    },
  },
  {
    files: ['engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'util', 'stream'], message: 'engine/ is pure: no Node I/O.' },
            { group: ['react', 'react-dom', '@fluentui/*', 'office-*', '@microsoft/*', 'exceljs'], message: 'engine/ is pure: no UI, Office or file formats.' },
            { group: ['**/cli/**', '**/addin/**', '../cli/*', '../addin/*'], message: 'engine/ may not import the adapters.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'Office', 'Excel', 'process', 'require'],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'engine/ is deterministic: no Math.random (use a seeded PRNG).' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'engine/ has no clock.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'engine/ has no clock.' },
        { selector: "CallExpression[callee.name='eval']", message: 'No eval: formulas go through engine/formula.' },
        { selector: "NewExpression[callee.name='Function']", message: 'No new Function: formulas go through engine/formula.' },
      ],
    },
  },
);

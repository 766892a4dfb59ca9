import './scripts/node-polyfills.js';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'packages/*/src/**/*.test.ts', 'tests/**/*.test.ts', 'extensions/browser/tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'extensions/browser/**'],
    testTimeout: 30000,
  },
});

/** ESLint's JSON format: an array with one entry per linted file. */
import type { FileResult } from '../results.js';

export function formatJson(results: readonly FileResult[]): string {
  return `${JSON.stringify(results)}\n`;
}

import type { Range, SourceNode } from '../source.js';

export type DocumentFormat = 'json' | 'yaml' | 'fields';

export interface SyntaxProblem {
  message: string;
  range: Range;
}

export interface ParsedDocument {
  format: DocumentFormat;
  text: string;
  /** Undefined when nothing could be recovered at all. */
  root: SourceNode | undefined;
  problems: SyntaxProblem[];
}

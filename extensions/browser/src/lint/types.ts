/**
 * What the overlay gets back from a lint. Types only: the content script imports these without
 * pulling in the engine, which lives in its own chunk (src/engine).
 */
import type { Category, Severity } from '@greenlight/core';

/** Where a finding sits in one field's own text. */
export interface FieldRange {
  field: string;
  start: number;
  end: number;
}

export interface Finding {
  /** Stable within one lint: rule, message and position. */
  key: string;
  ruleId: string;
  messageId: string;
  severity: Severity;
  message: string;
  /** The field and range to underline; undefined for template-level findings (listed in the panel only). */
  at: FieldRange | undefined;
  /** A fix that edits a single field. */
  fix: (FieldRange & { text: string }) | undefined;
  docsUrl: string | undefined;
  evidence: 'meta' | 'editor' | 'provider' | undefined;
}

export interface CategoryInfo {
  selected: Category | undefined;
  predicted: string | undefined;
  reasons: string[];
}

export interface LintOutcome {
  findings: Finding[];
  category: CategoryInfo;
}

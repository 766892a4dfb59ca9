/** Sources cited by the content-policy rules (see shared/reference/meta-template-rules.md §7). */
import { SOURCES, cite } from './sources.js';

export const POLICY_SOURCES = {
  S3: cite(SOURCES.S3, 'rejection reasons'),
  S4: SOURCES.S4,
  S8: cite(SOURCES.S8, 'rejection reasons such as ABUSIVE_CONTENT and SCAM'),
  S24: SOURCES.S24,
  S27: SOURCES.S27,
  S28: SOURCES.S28,
  B9: cite(SOURCES.B9, 'raffles, prizes'),
  B22: SOURCES.B22,
  B23: SOURCES.B23,
} as const;

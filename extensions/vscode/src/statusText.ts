/** Status bar wording for the template under the cursor. Pure, so it is unit tested. */
import type { TemplateInfoResult } from './protocol.js';

type Info = Pick<TemplateInfoResult, 'category' | 'predicted' | 'findingCount'>;

export function statusText(info: Info): string {
  const n = info.findingCount;
  const icon = n === 0 ? '$(pass)' : '$(warning)';
  // The predicted category is what Meta is likely to assign; the declared one is the fallback.
  const category = info.predicted ?? info.category?.trim().toUpperCase() ?? 'no category';
  return `${icon} Greenlight: ${category} · ${n === 1 ? '1 finding' : `${n} findings`}`;
}

/** Declared and predicted categories disagree: the template risks reclassification or rejection. */
export function categoryMismatch(info: Info): boolean {
  return !!info.predicted && !!info.category && info.predicted !== info.category.trim().toUpperCase();
}

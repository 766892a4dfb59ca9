/**
 * Shared by the category and opt-out rules: one classification per template and settings, so the
 * rules that need it (category-mismatch, category-otp-content, marketing-opt-out) scan once.
 */
import { Recent, type BusinessSettings, type RuleContext, type Template } from '@greenlight/core';
import { classifyTemplate, type Classification, type Signal } from './classify.js';

const cache = new Recent<Template, Map<string, Classification>>(8);

export function classification(t: Template, ctx: Pick<RuleContext<string, unknown>, 'languageCode' | 'settings'>): Classification {
  const perTemplate = cache.get(t, () => new Map());
  const terms = (ctx.settings as BusinessSettings | undefined)?.terms;
  const key = `${ctx.languageCode ?? ''}\u0000${terms && Object.keys(terms).length ? JSON.stringify(terms) : ''}`;
  let c = perTemplate.get(key);
  if (!c) perTemplate.set(key, (c = classifyTemplate(t, { language: ctx.languageCode, settings: ctx.settings })));
  return c;
}

/** What front ends receive as the `category` annotation. Offsets are document offsets. */
export interface CategoryAnnotation {
  predicted: Classification['predicted'];
  declared: Classification['declared'];
  reasons: string[];
  signals: { start: number; end: number; field: string; reason: string; weight: number }[];
  score: number;
}

export function categoryAnnotation(c: Classification, rangeOf: RuleContext<string, unknown>['rangeOf']): CategoryAnnotation {
  const signals = [...c.signals, ...(c.predicted === 'AUTHENTICATION' ? c.otpSignals : [])].map((s: Signal) => {
    if (s.type === 'text') {
      const r = rangeOf(s.field.node, s.start, s.end);
      return { start: r.start, end: r.end, field: s.field.label, reason: s.reason, weight: s.weight };
    }
    return { start: s.node.range.start, end: s.node.range.end, field: s.label, reason: s.reason, weight: s.weight };
  });
  return { predicted: c.predicted, declared: c.declared, reasons: c.reasons, signals, score: c.promotionalScore };
}

import { describe, expect, it } from 'vitest';
import { categoryMismatch, statusText } from '../src/statusText.js';

describe('status bar text', () => {
  it('prefers the predicted category and counts findings', () => {
    expect(statusText({ category: 'UTILITY', predicted: 'MARKETING', findingCount: 2 })).toBe('$(warning) Greenlight: MARKETING · 2 findings');
    expect(statusText({ category: 'utility', predicted: null, findingCount: 1 })).toBe('$(warning) Greenlight: UTILITY · 1 finding');
    expect(statusText({ category: null, predicted: null, findingCount: 0 })).toBe('$(pass) Greenlight: no category · 0 findings');
  });

  it('flags a declared category the content does not match', () => {
    expect(categoryMismatch({ category: 'utility', predicted: 'MARKETING', findingCount: 0 })).toBe(true);
    expect(categoryMismatch({ category: 'marketing', predicted: 'MARKETING', findingCount: 0 })).toBe(false);
    expect(categoryMismatch({ category: null, predicted: 'MARKETING', findingCount: 0 })).toBe(false);
    expect(categoryMismatch({ category: 'UTILITY', predicted: null, findingCount: 0 })).toBe(false);
  });
});

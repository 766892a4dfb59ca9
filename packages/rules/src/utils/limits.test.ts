import { describe, expect, it } from 'vitest';
import { LIMITS, overLimit, TTL_RANGES } from './limits.js';
import { SOURCES } from './sources.js';

describe('overLimit', () => {
  it('is undefined at or under the limit', () => {
    expect(overLimit('a'.repeat(60), 60)).toBeUndefined();
    expect(overLimit('', 0)).toBeUndefined();
  });

  it('covers the part past the limit and says by how much', () => {
    expect(overLimit('a'.repeat(63), 60)).toEqual({ start: 60, end: 63, data: { length: 63, max: 60, over: 3 } });
  });

  it('counts UTF-16 code units, so an emoji is two', () => {
    const s = `${'a'.repeat(58)}🎉`;
    expect(s.length).toBe(60);
    expect(overLimit(s, 60)).toBeUndefined();
    expect(overLimit(`${s}!`, 60)?.data.length).toBe(61);
  });

  it('does not split a surrogate pair: the whole emoji is underlined', () => {
    const s = `${'a'.repeat(59)}🎉`;
    expect(overLimit(s, 60)).toEqual({ start: 59, end: 61, data: { length: 61, max: 60, over: 1 } });
  });
});

describe('limit data', () => {
  it("carries Meta's published numbers", () => {
    expect([LIMITS.headerText, LIMITS.bodyText, LIMITS.footerText, LIMITS.buttonText, LIMITS.url, LIMITS.phoneNumber, LIMITS.copyCode]).toEqual([60, 1024, 60, 25, 2000, 20, 15]);
    expect(TTL_RANGES.AUTHENTICATION).toEqual({ min: 30, max: 900 });
    expect(TTL_RANGES.MARKETING.max).toBe(2592000);
  });

  it('cites only https sources', () => {
    for (const s of Object.values(SOURCES)) expect(s.url).toMatch(/^https:\/\/[^\s]+$/);
  });
});

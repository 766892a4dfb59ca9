import { findPlaceholders } from '@greenlight/core';
import { describe, expect, it } from 'vitest';
import { distinctCount, exampleValueProblem, hasText, positionalIndex, repairToken, staticWordCount, toVariableName, trimEdges, variableTokens } from './variables.js';

const one = (s: string) => findPlaceholders(s)[0]!;

describe('variableTokens', () => {
  it('keeps variables and near misses', () => {
    expect(variableTokens('Hi {{1}}, {1}, {{ name }}, {{1}').map((p) => p.raw)).toEqual(['{{1}}', '{1}', '{{ name }}', '{{1}']);
  });
  it('leaves literal single braces around text alone', () => {
    expect(variableTokens('Pick one {see list} or {"a": 1}.')).toEqual([]);
  });
});

describe('repairToken', () => {
  it.each([
    ['{1}', '{{1}}', true],
    ['{{1}', '{{1}}', true],
    ['{1}}', '{{1}}', true],
    ['{{ 1 }}', '{{1}}', true],
    ['{{01}}', '{{1}}', true],
    ['{{{2}}}', '{{2}}', true],
    ['{{ first_name }}', '{{first_name}}', true],
    ['{first_name}', '{{first_name}}', false],
    ['{{#1}}', '{{1}}', false],
  ])('%s → %s (certain: %s)', (raw, text, certain) => {
    expect(repairToken(one(raw))).toEqual({ text, certain });
  });
  it('has no repair for zero, empty or valid tokens', () => {
    expect(repairToken(one('{{0}}'))).toBeUndefined();
    expect(repairToken(one('{{}}'))).toBeUndefined();
    expect(repairToken(one('{{1}}'))).toBeUndefined();
  });
});

describe('positionalIndex and distinctCount', () => {
  it('reads numbers from near misses', () => {
    expect(positionalIndex(one('{{ 3 }}'))).toBe(3);
    expect(positionalIndex(one('{{03}}'))).toBe(3);
    expect(positionalIndex(one('{{0}}'))).toBeUndefined();
    expect(positionalIndex(one('{{name}}'))).toBeUndefined();
  });
  it('counts each variable once', () => {
    expect(distinctCount(variableTokens('{{1}} {{2}} {{1}} {{ 2 }}'))).toBe(2);
    expect(distinctCount(variableTokens('{{a}} {{b}} {{a}}'))).toBe(2);
  });
});

describe('trimEdges', () => {
  it('skips whitespace, punctuation and markers but not braces', () => {
    const s = ' *"{{1}}", hi {{2}}!* ';
    const { start, end } = trimEdges(s);
    expect(s.slice(start, end)).toBe('{{1}}", hi {{2}}');
  });
  it('does not treat emoji or letters as edges', () => {
    expect(trimEdges('🎉 {{1}}')).toEqual({ start: 0, end: 8 });
  });
});

describe('words and separators', () => {
  it('counts words outside variables', () => {
    expect(staticWordCount('Hi {{1}}, your order {{2}} has shipped.')).toBe(5);
    expect(staticWordCount('{{1}} {{2}}')).toBe(0);
  });
  it('tells text from punctuation', () => {
    expect(hasText(' - ')).toBe(false);
    expect(hasText(' and ')).toBe(true);
    expect(hasText(' و ')).toBe(true);
  });
});

describe('toVariableName', () => {
  it('converts to snake case', () => {
    expect(toVariableName('firstName')).toBe('first_name');
    expect(toVariableName('First Name')).toBe('first_name');
    expect(toVariableName('ORDER-ID')).toBe('order_id');
    expect(toVariableName('Número')).toBe('numero');
    expect(toVariableName('123')).toBe('');
  });
});

describe('exampleValueProblem', () => {
  it.each([
    ['Ana', undefined],
    ['SK-4821', undefined],
    ['25%', undefined],
    ['1111', undefined],
    ['', 'empty'],
    ['   ', 'empty'],
    ['xxx', 'placeholder'],
    ['XXXXX', 'placeholder'],
    ['test', 'placeholder'],
    ['{{1}}', 'placeholder'],
    ['[name]', 'placeholder'],
    ['value1', 'placeholder'],
    ['aaaa', 'placeholder'],
    ['line one\nline two', 'whitespace'],
    ['a\tb', 'whitespace'],
    ['a     b', 'whitespace'],
    ['a    b', undefined],
  ])('%j → %s', (value, problem) => {
    expect(exampleValueProblem(value)).toBe(problem);
  });
});

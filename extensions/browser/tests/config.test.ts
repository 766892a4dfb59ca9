import { builtinRules } from '@greenlight/rules';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { computeEffective, refreshEffectiveConfig, validateConfigText } from '../src/config/effective';
import { parseCustomSites } from '../src/config/site-schema';
import { originPattern } from '../src/config/sync';
import { disabledSitesItem, resolvedConfigItem, teamConfigItem, userRulesItem } from '../src/storage';

const someRule = builtinRules.find((r) => r.id === 'name-format')!;

describe('config import', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reports unknown rules and bad options at their JSON path and line', () => {
    const { problems } = validateConfigText('{\n  "rules": {\n    "name-formt": "error",\n    "name-format": ["warning", { "maxLength": "x" }]\n  }\n}');
    expect(problems.map((p) => [p.path, p.line])).toEqual([
      ['rules["name-formt"]', 3],
      ['rules["name-format"][1].maxLength', 4],
    ]);
    expect(problems[0]!.message).toMatch(/Did you mean "name-format"/);
  });

  it('reports JSON syntax errors with a line', () => {
    const { problems } = validateConfigText('{\n  "rules": {\n}');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]!.line).toBeGreaterThan(0);
  });

  it('team config wins over the preset; user toggles apply unless the admin locks them', () => {
    const team = { source: 'paste' as const, text: JSON.stringify({ rules: { [someRule.id]: 'warning' } }), updatedAt: 1 };
    expect(computeEffective({}, team, {}).config.rules[someRule.id]?.severity).toBe('warning');
    expect(computeEffective({}, team, { [someRule.id]: 'off' }).config.rules[someRule.id]?.severity).toBe('off');
    const managed = { configJson: JSON.stringify({ rules: { [someRule.id]: 'info' } }), locked: true, disabledSites: ['example.com'] };
    const locked = computeEffective(managed, team, { [someRule.id]: 'off' });
    expect(locked.origin).toBe('managed');
    expect(locked.config.rules[someRule.id]?.severity).toBe('info');
    expect(locked.managedDisabledSites).toEqual(['example.com']);
    expect(computeEffective({}, null, {}).origin).toBe('default');
  });

  it('stores the resolved config in extension storage', async () => {
    await teamConfigItem.setValue({ source: 'paste', text: JSON.stringify({ extends: ['greenlight:recommended'], rules: { [someRule.id]: 'info' } }), updatedAt: 1 });
    await userRulesItem.setValue({});
    await refreshEffectiveConfig();
    const stored = await resolvedConfigItem.getValue();
    expect(stored?.origin).toBe('team');
    expect(stored?.config.rules[someRule.id]?.severity).toBe('info');
    // JSON-clean: what the content script receives through storage.
    expect(JSON.parse(JSON.stringify(stored))).toEqual(stored);
  });

  it('per-site switch is kept in storage', async () => {
    expect(await disabledSitesItem.getValue()).toEqual([]);
    await disabledSitesItem.setValue(['business.facebook.com']);
    expect(await fakeBrowser.storage.local.get('disabledSites')).toEqual({ disabledSites: ['business.facebook.com'] });
  });
});

describe('custom sites and sync URLs', () => {
  it('validates site definitions', () => {
    const ok = parseCustomSites(JSON.stringify([{ id: 'my-bsp', title: 'My BSP', matches: ['https://app.example.com/templates/*'], labels: { body: ['Message'] }, categories: {} }]));
    expect(ok.errors).toEqual([]);
    expect(ok.sites[0]!.labels.body).toEqual(['Message']);
    const bad = parseCustomSites(JSON.stringify([{ id: 'X', title: '', matches: ['not a pattern'], labels: {}, categories: {} }]));
    expect(bad.errors.length).toBeGreaterThanOrEqual(3);
    expect(parseCustomSites('[').errors.length).toBe(1);
  });

  it('accepts every part of a site definition the locators read', () => {
    const full = parseCustomSites(
      JSON.stringify([
        { id: 'bsp', title: 'BSP', matches: ['https://app.example.com/*'], labels: { offerCode: ['Coupon code'] }, categories: {}, previews: ['Vorschau'], ignore: ['Filter'] },
      ]),
    );
    expect(full.errors).toEqual([]);
    expect(full.sites[0]!.labels.offerCode).toEqual(['Coupon code']);
    expect(full.sites[0]!.previews).toEqual(['Vorschau']);
    expect(full.sites[0]!.ignore).toEqual(['Filter']);
    expect(parseCustomSites(JSON.stringify([{ id: 'bsp', title: 'BSP', matches: ['https://a.example/*'], labels: {}, categories: {}, previews: [''] }])).errors[0]).toMatch(/^0\.previews\.0/);
  });

  it('asks permission for the sync URL origin only', () => {
    expect(originPattern('https://cfg.example.com/team/greenlight.config.json')).toBe('https://cfg.example.com/*');
    expect(originPattern('file:///etc/passwd')).toBeUndefined();
  });
});

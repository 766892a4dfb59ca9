import { lint, lintAndFix, type ResolvedConfig, type Rule } from '@greenlight/core';
import { describe, expect, it } from 'vitest';
import { builtinRules, rulesById } from '../src/index.js';

const MINE = ['auth-content', 'auth-structure', 'auth-code-expiration', 'auth-otp-button', 'auth-app-signature', 'emoji-limit', 'emoji-header-footer', 'url-format', 'formatting', 'whitespace-edges'];
const rules: Rule[] = MINE.map((id) => rulesById.get(id)!);

const config = (list: readonly Rule[]): ResolvedConfig => ({
  baseDir: '/',
  files: [],
  rules: Object.fromEntries(list.map((r) => [r.id, { severity: r.severity, options: undefined }])),
  business: {},
  overrides: [],
  ignorePatterns: [],
});

function run(text: string, format: 'json' | 'yaml' = 'json', list: readonly Rule[] = rules) {
  return lint(text, { rules: list, config: config(list), format }).messages.map((m) => `${m.ruleId}:${m.messageId}:${m.severity}:${text.slice(m.range.start, m.range.end)}`);
}

/** Meta's own copy-code example (S6), with whitespace changed. */
const META_COPY_CODE = `{
  "name": "authentication_code_copy_code_button",
  "language": "en_US",
  "category": "authentication",
  "message_send_ttl_seconds": 60,
  "components": [
    { "type": "body", "add_security_recommendation": true },
    { "type": "footer", "code_expiration_minutes": 5 },
    { "type": "buttons", "buttons": [ { "type": "otp", "otp_type": "copy_code", "text": "Copy Code" } ] }
  ]
}`;

describe('authentication rules', () => {
  it("accept Meta's own example, with every built-in rule", () => {
    const all = lint(META_COPY_CODE, { rules: builtinRules, config: config(builtinRules), format: 'json' }).messages.filter((m) => m.ruleId.startsWith('auth-'));
    expect(all).toEqual([]);
    expect(run(META_COPY_CODE)).toEqual([]);
  });

  it('accept a one-tap template in YAML', () => {
    const text = [
      'name: login_code',
      'language: pt_BR',
      'category: AUTHENTICATION',
      'components:',
      '  - type: BODY',
      '    add_security_recommendation: true',
      '  - type: FOOTER',
      '    code_expiration_minutes: 10',
      '  - type: BUTTONS',
      '    buttons:',
      '      - type: OTP',
      '        otp_type: ONE_TAP',
      '        text: Copiar código',
      '        autofill_text: Preencher',
      '        supported_apps:',
      '          - package_name: com.example.app',
      '            signature_hash: K8a/AINcGX7',
    ].join('\n');
    expect(run(text, 'yaml')).toEqual([]);
  });

  it('report each problem once, on the exact characters', () => {
    const text = JSON.stringify(
      {
        name: 'otp',
        language: 'en',
        category: 'AUTHENTICATION',
        components: [
          { type: 'HEADER', format: 'TEXT', text: 'Your code 🔐' },
          { type: 'BODY', text: 'Your code is {{1}}' },
          { type: 'FOOTER', code_expiration_minutes: 120 },
          { type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'ZERO_TAP', text: 'Copy 📋', supported_apps: [{ package_name: 'app', signature_hash: 'short' }] }] },
        ],
      },
      null,
      2,
    );
    expect(run(text)).toEqual([
      'auth-structure:header:error:"HEADER"',
      'auth-structure:securityMissing:info:"BODY"',
      'auth-content:bodyText:error:"Your code is {{1}}"',
      'auth-code-expiration:range:error:120',
      'auth-otp-button:zeroTapTerms:error:"ZERO_TAP"',
      'auth-content:emoji:error:📋',
      'auth-app-signature:badPackage:error:"app"',
      'auth-app-signature:hashLength:error:"short"',
    ]);
  });

  it('own emoji in authentication templates: the emoji rules stay quiet', () => {
    const emoji = '\u{1F600}'.repeat(12);
    const text = JSON.stringify({
      name: 'otp',
      language: 'en',
      category: 'AUTHENTICATION',
      components: [{ type: 'BODY', add_security_recommendation: true }, { type: 'FOOTER', text: `Footer ${emoji}` }, { type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE', text: `Copy ${'\u{1F600}'}` }] }],
    });
    const got = run(text);
    expect(got.filter((m) => m.startsWith('emoji-'))).toEqual([]);
    expect(got).toEqual([`auth-content:footerText:error:${JSON.stringify(`Footer ${emoji}`)}`, 'auth-content:emoji:error:\u{1F600}']);
  });

  it('point at a surrogate-pair emoji written as JSON escapes', () => {
    const text = String.raw`{"name":"otp","language":"en","category":"AUTHENTICATION","components":[{"type":"BODY","add_security_recommendation":true},{"type":"BUTTONS","buttons":[{"type":"OTP","otp_type":"COPY_CODE","text":"C\u00f3digo \ud83d\udd11"}]}]}`;
    expect(run(text)).toEqual(['auth-content:emoji:error:\\ud83d\\udd11']);
  });

  it('suggest, never apply, the security notice and the zero-tap terms', () => {
    const text = JSON.stringify({
      name: 'otp',
      language: 'en',
      category: 'AUTHENTICATION',
      components: [{ type: 'BODY' }, { type: 'FOOTER', code_expiration_minutes: '15' }, { type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'ZERO_TAP', supported_apps: [{ package_name: 'com.example.app', signature_hash: 'K8a/AINcGX7' }] }] }],
    });
    const res = lint(text, { rules, config: config(rules), format: 'json' });
    const notice = res.messages.find((m) => m.messageId === 'securityMissing')!;
    expect(notice.severity).toBe('info');
    expect(notice.fix).toBeUndefined();
    expect(notice.suggestions?.[0]?.fix.text).toContain('"add_security_recommendation": true');
    const terms = res.messages.find((m) => m.messageId === 'zeroTapTerms')!;
    expect(terms.fix).toBeUndefined();
    expect(terms.suggestions).toHaveLength(1);
    // The one safe fix: a numeric string becomes a number.
    const fixed = JSON.parse(lintAndFix(text, { rules, config: config(rules), format: 'json' }).output);
    expect(fixed.components[1].code_expiration_minutes).toBe(15);
    expect(fixed.components[0]).toEqual({ type: 'BODY' });
  });

  it('leave other categories alone', () => {
    const text = JSON.stringify({ name: 'x', language: 'en', category: 'UTILITY', components: [{ type: 'BODY', text: 'Your code is {{1}}.' }, { type: 'FOOTER', code_expiration_minutes: 500 }] });
    expect(run(text).filter((m) => m.startsWith('auth-'))).toEqual([]);
  });
});

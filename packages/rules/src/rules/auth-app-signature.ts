import { defineRule, get, getString, z, type ObjectNode, type SourceNode } from '@greenlight/core';
import { SOURCES, cite } from '../utils/sources.js';

const S7 = cite(SOURCES.S7, 'supported_apps');
const S5 = SOURCES.S5;

const MAX_APPS = 5;
const PACKAGE_MAX = 224;
const HASH_LENGTH = 11;
const SEGMENT = /^[A-Za-z][A-Za-z0-9_]*$/;
const HASH_CHAR = /[^A-Za-z0-9+/=]/;

/** Why an Android package name is invalid, or undefined when it is fine. */
export function packageNameProblem(name: string): string | undefined {
  if (name.length > PACKAGE_MAX) return `it is longer than ${PACKAGE_MAX} characters`;
  const segments = name.split('.');
  if (segments.length < 2) return 'it needs at least two parts separated by dots (com.example.app)';
  for (const s of segments) {
    if (s === '') return 'it has an empty part (two dots in a row, or a dot at an end)';
    if (!SEGMENT.test(s)) return /^[A-Za-z]/.test(s) ? `"${s}" may only contain letters, digits and "_"` : `"${s}" must start with a letter`;
  }
  return undefined;
}

const body = { type: 'BODY', add_security_recommendation: true };
const oneTap = (extra: Record<string, unknown>) => ({
  category: 'AUTHENTICATION',
  components: [body, { type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'ONE_TAP', autofill_text: 'Autofill', ...extra }] }],
});
const app = (package_name: string, signature_hash: string) => ({ package_name, signature_hash });

export default defineRule({
  id: 'auth-app-signature',
  description: 'One-tap and zero-tap buttons name 1–5 Android apps, each with a valid package name and an 11-character signature hash.',
  rationale:
    'One-tap and zero-tap codes are handed to an Android app, identified by its package name and the 11-character hash of its signing key (`supported_apps`, up to five distinct pairs). WhatsApp Manager refuses a package name without at least two dot-separated parts, parts that do not start with a letter or contain other characters than letters, digits and "_", hashes that are not exactly 11 characters of A–Z, a–z, 0–9, "+", "/" and "=", and repeated pairs.',
  severity: 'error',
  family: 'auth',
  tags: ['authentication', 'buttons'],
  evidence: { level: 'meta', sources: [S7, S5] },
  recommended: true,
  messages: {
    missingApps: 'A {otpType} button needs "supported_apps" with your Android package name and signature hash.',
    appsType: '"supported_apps" must be a list of { "package_name", "signature_hash" } objects.',
    tooMany: 'At most {max} apps can be listed; this one is number {index}.',
    missingPackage: 'This app has no "package_name".',
    badPackage: 'Package name "{name}" is invalid: {detail}.',
    missingHash: 'This app has no "signature_hash".',
    hashLength: 'The signature hash is {length} characters long; it must be exactly {expected}.',
    hashChars: 'The signature hash may only contain A–Z, a–z, 0–9, "+", "/" and "="; "{char}" is not allowed.',
    duplicate: 'This package name and signature hash are already listed.',
  },
  options: z.object({}).strict(),
  check(t, ctx) {
    if (t.category !== 'AUTHENTICATION') return;
    for (const b of t.buttons) {
      if (b.type !== 'OTP' || (b.otpType !== 'ONE_TAP' && b.otpType !== 'ZERO_TAP')) continue;
      const apps = get(b.node, 'supported_apps');
      const entries: ObjectNode[] = [];
      if (!apps) {
        // The older API put one app's fields on the button itself.
        if (get(b.node, 'package_name') || get(b.node, 'signature_hash')) entries.push(b.node);
        else {
          ctx.report({ messageId: 'missingApps', node: getString(b.node, 'otp_type') ?? b.node, data: { otpType: b.otpType.toLowerCase().replace('_', '-') } });
          continue;
        }
      } else if (apps.kind !== 'array') {
        ctx.report({ messageId: 'appsType', node: apps });
        continue;
      } else if (apps.items.length === 0) {
        ctx.report({ messageId: 'missingApps', node: apps, data: { otpType: b.otpType.toLowerCase().replace('_', '-') } });
        continue;
      } else {
        apps.items.forEach((item: SourceNode, i) => {
          if (i >= MAX_APPS) ctx.report({ messageId: 'tooMany', node: item, data: { max: MAX_APPS, index: i + 1 } });
          if (item.kind !== 'object') ctx.report({ messageId: 'appsType', node: item });
          else entries.push(item);
        });
      }
      const seen = new Set<string>();
      for (const e of entries) {
        const pkg = get(e, 'package_name');
        const hash = get(e, 'signature_hash');
        if (!pkg) ctx.report({ messageId: 'missingPackage', node: e });
        else if (pkg.kind !== 'string') ctx.report({ messageId: 'badPackage', node: pkg, data: { name: String(pkg.kind), detail: 'it must be a string' } });
        else {
          const detail = packageNameProblem(pkg.value);
          if (detail) ctx.report({ messageId: 'badPackage', node: pkg, data: { name: pkg.value, detail } });
        }
        if (!hash) ctx.report({ messageId: 'missingHash', node: e });
        else if (hash.kind !== 'string') ctx.report({ messageId: 'hashLength', node: hash, data: { length: 0, expected: HASH_LENGTH } });
        else {
          const bad = HASH_CHAR.exec(hash.value);
          if (bad) ctx.report({ messageId: 'hashChars', node: hash, start: bad.index, end: bad.index + bad[0].length, data: { char: bad[0] } });
          else if (hash.value.length !== HASH_LENGTH) ctx.report({ messageId: 'hashLength', node: hash, data: { length: hash.value.length, expected: HASH_LENGTH } });
        }
        if (pkg?.kind === 'string' && hash?.kind === 'string' && e !== b.node) {
          const key = `${pkg.value}\u0000${hash.value}`;
          if (seen.has(key)) ctx.report({ messageId: 'duplicate', node: e });
          seen.add(key);
        }
      }
    }
  },
  examples: {
    valid: [
      { template: oneTap({ supported_apps: [app('com.example.shop', 'K8a/AINcGX7')] }) },
      { title: 'Two apps', template: oneTap({ supported_apps: [app('com.example.shop', 'K8a/AINcGX7'), app('com.example.shop_beta', 'Zx9+AINcGX=')] }) },
      { title: 'Older form on the button', template: oneTap({ package_name: 'com.example.shop', signature_hash: 'K8a/AINcGX7' }) },
    ],
    invalid: [
      { title: 'No apps', template: oneTap({}), errors: ['missingApps'], spans: ['"ONE_TAP"'] },
      { title: 'One-part package name', template: oneTap({ supported_apps: [app('myapp', 'K8a/AINcGX7')] }), errors: ['badPackage'], spans: ['"myapp"'] },
      { title: 'A part starting with a digit', template: oneTap({ supported_apps: [app('com.2shop.app', 'K8a/AINcGX7')] }), errors: ['badPackage'], spans: ["\"com.2shop.app\""] },
      { title: 'Hash too short', template: oneTap({ supported_apps: [app('com.example.shop', 'K8a/AINcGX')] }), errors: ['hashLength'], spans: ['"K8a/AINcGX"'] },
      { title: 'Hash with a hyphen', template: oneTap({ supported_apps: [app('com.example.shop', 'K8a-AINcGX7')] }), errors: ['hashChars'], spans: ['-'] },
      {
        title: 'The same app twice',
        template: oneTap({ supported_apps: [app('com.example.shop', 'K8a/AINcGX7'), app('com.example.shop', 'K8a/AINcGX7')] }),
        errors: ['duplicate'], spans: ["{\n              \"package_name\": \"com.example.shop\",\n              \"signature_hash\": \"K8a/AINcGX7\"\n            }"],
      },
      {
        title: 'Six apps',
        template: oneTap({ supported_apps: ['a', 'b', 'c', 'd', 'e', 'f'].map((x) => app(`com.example.${x}`, 'K8a/AINcGX7')) }),
        errors: ['tooMany'], spans: ["{\n              \"package_name\": \"com.example.f\",\n              \"signature_hash\": \"K8a/AINcGX7\"\n            }"],
      },
    ],
  },
});

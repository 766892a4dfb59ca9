/**
 * Looked-up strings: the browser's lookup is a native call that showed up in the overlay's frame
 * profile (every panel entry asks for a few), and a page's strings never change while it runs.
 */
const cache = new Map<string, string>();

/** UI strings come from `_locales/<lang>/messages.json` through the extension's i18n. */
export function t(key: string, ...subs: (string | number)[]): string {
  const id = subs.length ? `${key}\u0000${subs.join('\u0000')}` : key;
  let out = cache.get(id);
  if (out !== undefined) return out;
  out = lookup(key, subs);
  if (cache.size > 500) cache.clear();
  cache.set(id, out);
  return out;
}

function lookup(key: string, subs: (string | number)[]): string {
  try {
    const m = browser.i18n.getMessage(key as never, subs.map(String));
    if (m) return m;
  } catch {
    /* no i18n in unit tests */
  }
  return subs.length ? `${key} ${subs.join(' ')}` : key;
}

export function countLabel(n: number): string {
  return n === 0 ? t('noFindings') : n === 1 ? t('oneFinding') : t('nFindings', n);
}

/** A field id as the user would call it: "Body", "Button 2 URL". */
export function fieldLabel(id: string | undefined): string {
  if (!id) return t('fieldTemplate');
  const m = /^buttons\.(\d+)\.(text|url|phoneNumber)$/.exec(id);
  if (m) return t(m[2] === 'text' ? 'fieldButtonText' : m[2] === 'url' ? 'fieldButtonUrl' : 'fieldButtonPhone', Number(m[1]) + 1);
  const s = /^(body|header)Examples\.(.+)$/.exec(id);
  if (s) return t(s[1] === 'body' ? 'fieldBodySample' : 'fieldHeaderSample', /^\d+$/.test(s[2]!) ? `{{${Number(s[2]) + 1}}}` : `{{${s[2]}}}`);
  const simple: Record<string, string> = { name: 'fieldName', header: 'fieldHeader', body: 'fieldBody', footer: 'fieldFooter' };
  return t(simple[id] ?? 'fieldTemplate');
}

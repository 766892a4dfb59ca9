/**
 * Fetches a team config from the one URL the user (or the admin's policy) gave. This is the only
 * network request Greenlight makes: no credentials, no redirects to elsewhere, a size cap.
 */
import { validateConfigText } from './effective';

export const MAX_CONFIG_BYTES = 256 * 1024;

export function originPattern(url: string): string | undefined {
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
    return `${u.protocol}//${u.host}/*`;
  } catch {
    return undefined;
  }
}

export async function fetchConfig(url: string): Promise<{ text: string; problems: ReturnType<typeof validateConfigText>['problems'] }> {
  const res = await fetch(url, { credentials: 'omit', cache: 'no-store', redirect: 'error', referrerPolicy: 'no-referrer' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const text = await res.text();
  if (text.length > MAX_CONFIG_BYTES) throw new Error(`larger than ${MAX_CONFIG_BYTES} bytes`);
  return { text, problems: validateConfigText(text).problems };
}

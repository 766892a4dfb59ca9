import { DEFAULT_SETTINGS, type GreenlightSettings, type SeverityOverride } from './protocol.js';

const OVERRIDES = new Set<SeverityOverride>(['error', 'warning', 'info', 'hint', 'off']);

/**
 * Reads settings from whatever the client sent (initializationOptions, workspace/configuration or
 * didChangeConfiguration), keeping defaults for anything missing or of the wrong type.
 */
export function normalizeSettings(raw: unknown, base: GreenlightSettings = DEFAULT_SETTINGS): GreenlightSettings {
  if (!raw || typeof raw !== 'object') return { ...base };
  let r = raw as Record<string, unknown>;
  // initializationOptions may wrap the section: { greenlight: { ... } }.
  if (r.greenlight && typeof r.greenlight === 'object') r = r.greenlight as Record<string, unknown>;
  const out: GreenlightSettings = { ...base, severityOverrides: { ...base.severityOverrides } };
  if (typeof r.enable === 'boolean') out.enable = r.enable;
  if (Array.isArray(r.fileGlobs)) out.fileGlobs = r.fileGlobs.filter((g): g is string => typeof g === 'string' && g.length > 0);
  if (typeof r.configPath === 'string') out.configPath = r.configPath.trim() || null;
  else if (r.configPath === null) out.configPath = null;
  if (r.severityOverrides && typeof r.severityOverrides === 'object') {
    const o: Record<string, SeverityOverride> = {};
    for (const [id, v] of Object.entries(r.severityOverrides as Record<string, unknown>)) {
      const s = typeof v === 'string' ? (v === 'information' ? 'info' : v) : undefined;
      if (s && OVERRIDES.has(s as SeverityOverride)) o[id] = s as SeverityOverride;
    }
    out.severityOverrides = o;
  }
  if (r.trace === 'off' || r.trace === 'messages' || r.trace === 'verbose') out.trace = r.trace;
  else if (r.trace && typeof r.trace === 'object' && typeof (r.trace as { server?: unknown }).server === 'string') {
    const s = (r.trace as { server: string }).server;
    if (s === 'off' || s === 'messages' || s === 'verbose') out.trace = s;
  }
  if (typeof r.debounceMs === 'number' && Number.isFinite(r.debounceMs)) out.debounceMs = Math.max(0, Math.min(5000, Math.round(r.debounceMs)));
  return out;
}

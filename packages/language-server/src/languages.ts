import data from '@greenlight/shared-rules/languages.json' with { type: 'json' };

/** Template language codes Meta accepts, with English names, from the shared list the rules use too. */
export const LANGUAGES: ReadonlyArray<readonly [code: string, name: string]> = (data as { languages: { code: string; name: string }[] }).languages.map(
  (l) => [l.code, l.name] as const,
);

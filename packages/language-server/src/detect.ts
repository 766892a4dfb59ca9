import { matchGlob, relativePath } from '@greenlight/core';
import { CONFIG_FILE_NAME } from '@greenlight/core';

/** Does the path match one of the template globs, absolute or relative to a workspace folder? */
export function matchesTemplateGlobs(path: string, globs: readonly string[], roots: readonly string[]): boolean {
  for (const g of globs) {
    if (matchGlob(g, path)) return true;
    for (const root of roots) {
      if (path.startsWith(`${root}/`) && matchGlob(g, relativePath(root, path))) return true;
    }
  }
  return false;
}

export function isConfigPath(path: string | undefined): boolean {
  return !!path && (path === CONFIG_FILE_NAME || path.endsWith(`/${CONFIG_FILE_NAME}`));
}

/** JSON or YAML by file name or editor language; other documents are never linted. */
export function formatOf(path: string | undefined, languageId: string | undefined): 'json' | 'yaml' | undefined {
  if (path && /\.ya?ml$/i.test(path)) return 'yaml';
  if (path && /\.jsonc?$/i.test(path)) return 'json';
  if (languageId === 'yaml') return 'yaml';
  if (languageId === 'json' || languageId === 'jsonc') return 'json';
  return undefined;
}

/** A cheap test before parsing a document that no glob selected. */
export function mightBeTemplates(text: string): boolean {
  return text.includes('components');
}

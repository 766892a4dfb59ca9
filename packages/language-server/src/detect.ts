import { get, matchGlob, relativePath, type SourceNode } from '@greenlight/core';
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

function isTemplateObject(node: SourceNode | undefined): boolean {
  if (!node || node.kind !== 'object') return false;
  return get(node, 'components') !== undefined && (get(node, 'name') !== undefined || get(node, 'category') !== undefined);
}

/**
 * Recognises template content outside the globs: a template object (`components` plus `name` or
 * `category`), a list with one, or a Graph API `{ "data": [...] }` page with one.
 */
export function looksLikeTemplates(root: SourceNode | undefined): boolean {
  if (!root) return false;
  if (isTemplateObject(root)) return true;
  const list = root.kind === 'array' ? root : root.kind === 'object' ? get(root, 'data') : undefined;
  return list?.kind === 'array' && list.items.some(isTemplateObject);
}

/** A cheap test before parsing a document that no glob selected. */
export function mightBeTemplates(text: string): boolean {
  return text.includes('components');
}

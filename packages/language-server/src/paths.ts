import { fileURLToPath, pathToFileURL } from 'node:url';

/** The `/`-separated file path of a `file:` URI; undefined for other schemes (untitled, git...). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri).replace(/\\/g, '/');
  } catch {
    return undefined;
  }
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

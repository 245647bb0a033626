/** URI helpers over the WHATWG URL parser (available in Node and in browsers). */

/** The folder holding `uri`, ending in `/`. */
export function dirOf(uri: string): string {
  const i = uri.lastIndexOf('/');
  return i === -1 ? uri : uri.slice(0, i + 1);
}

/** `rel` resolved against the document `from` (a relative import path, or an absolute one). */
export function resolveUri(from: string, rel: string): string | undefined {
  try {
    return new URL(encodePath(rel), from).href;
  } catch {
    return undefined;
  }
}

function encodePath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}

/** Name of a file as diagnostics show it: relative to `base` when inside it, else the URI. */
export function displayName(uri: string, base: string): string {
  if (!uri.startsWith(base)) return uri;
  try {
    return decodeURIComponent(uri.slice(base.length));
  } catch {
    return uri.slice(base.length);
  }
}

/** Whether `uri` lies inside the folder `folder` (given with or without a final `/`). */
export function isInside(uri: string, folder: string): boolean {
  const f = folder.endsWith('/') ? folder : folder + '/';
  return uri.startsWith(f);
}

/**
 * Splits a URL path into file path segments inside a static bundle, or
 * returns undefined when it could escape the bundle or name something odd
 * (dot segments, backslashes, NUL, bad escapes). Shared by the web host and
 * the Electron app:// protocol so both refuse the same inputs.
 */
export function bundleSegments(urlPath: string): string[] | undefined {
  const raw = urlPath.split(/[?#]/, 1)[0] ?? '';
  if (!raw.startsWith('/')) return undefined;
  const segments: string[] = [];
  for (const part of raw.slice(1).split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(part);
    } catch {
      return undefined;
    }
    if (decoded === '') continue;
    if (decoded === '.' || decoded === '..' || /[\\/\0:]/.test(decoded)) return undefined;
    segments.push(decoded);
  }
  return segments.length ? segments : ['index.html'];
}

// Minimal glob matching for the `vanban.include` setting: `**` (any directories), `*` and `?`
// (within one path segment), `{a,b}` alternatives, `[…]` classes. A pattern without a `/` matches
// the file name anywhere, as .gitignore does.

const cache = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  const cached = cache.get(glob);
  if (cached) return cached;
  let source = '';
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches zero or more directories; a trailing `**` matches everything below.
        const slash = glob[i + 2] === '/';
        source += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else source += '[^/]*';
    } else if (c === '?') source += '[^/]';
    else if (c === '{') {
      depth++;
      source += '(?:';
    } else if (c === '}' && depth > 0) {
      depth--;
      source += ')';
    } else if (c === ',' && depth > 0) source += '|';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) source += '\\[';
      else {
        const body = glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        source += `[${body}]`;
        i = close;
      }
    } else source += c.replace(/[.+^$()|\\\]]/g, '\\$&');
  }
  const anchored = glob.includes('/') ? `^${source.replace(/^\\?\//, '')}$` : `(?:^|/)${source}$`;
  const re = new RegExp(anchored, 'u');
  cache.set(glob, re);
  return re;
}

/** Whether `path` (relative to its workspace folder, `/`-separated) matches one of the globs. */
export function matchesAny(path: string, globs: readonly string[]): boolean {
  const normalized = path.replace(/\\/g, '/').replace(/^\.\//, '');
  return globs.some((g) => globToRegExp(g).test(normalized));
}

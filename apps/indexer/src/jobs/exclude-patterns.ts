import { sep } from 'node:path';

/**
 * The `exclude` setting: patterns of names or paths the walk leaves out (a folder excluded is not entered).
 * - A pattern without "/" matches a file or folder name anywhere: `Thumbs.db`, `*.tmp`, `Screenshots`.
 * - A pattern with "/" matches the whole path: absolute when it starts with "/", else relative to its root
 *   (`Scans/raw`, `**\/exports`). `*` and `?` stay within one name; `**` spans folders.
 * Matching ignores case (photo folders travel between Windows, macOS and Linux).
 */
export type ExcludeTest = (path: string, root: string) => boolean;

function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      out += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`, 'i');
}

/** Compiles the patterns once; returns undefined when there are none (the walk then tests nothing). */
export function excludeTest(patterns: readonly string[]): ExcludeTest | undefined {
  if (patterns.length === 0) return undefined;
  const byName: RegExp[] = [];
  const byPath: { regex: RegExp; absolute: boolean }[] = [];
  for (const pattern of patterns) {
    const trimmed = pattern.length > 1 ? pattern.replace(/\/+$/, '') : pattern;
    if (trimmed.includes('/'))
      byPath.push({ regex: globToRegExp(trimmed), absolute: trimmed.startsWith('/') });
    else byName.push(globToRegExp(trimmed));
  }
  return (path, root) => {
    const name = path.slice(path.lastIndexOf(sep) + 1);
    if (byName.some((regex) => regex.test(name))) return true;
    if (byPath.length === 0) return false;
    const relative = path.startsWith(root + sep) ? path.slice(root.length + 1) : path;
    const posix = (p: string) => (sep === '/' ? p : p.split(sep).join('/'));
    return byPath.some(({ regex, absolute }) => regex.test(posix(absolute ? path : relative)));
  };
}

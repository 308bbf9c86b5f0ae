// The installed package: its version and where the rule documentation lives. Found by walking up
// from this module (dist/cli.cjs when bundled) to the package.json named "vanban".

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ruleDocPath } from '../core/rules/rule.js';

interface PackageInfo {
  root: string;
  version: string;
  /** Web address of the repository, when package.json names one. */
  repositoryUrl?: string;
}

let cached: PackageInfo | undefined;

export function packageInfo(): PackageInfo {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string; repository?: { url?: string } | string };
      if (pkg.name === 'vanban') {
        const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
        cached = { root: dir, version: pkg.version ?? '0.0.0', ...(repo ? { repositoryUrl: repo.replace(/^git\+/, '').replace(/\.git$/, '') } : {}) };
        return cached;
      }
    }
    const parent = dirname(dir);
    if (parent === dir) {
      cached = { root: dirname(fileURLToPath(import.meta.url)), version: '0.0.0' };
      return cached;
    }
    dir = parent;
  }
}

/**
 * The address of a rule's documentation page: on the repository's web site when package.json
 * names one (what a CI report viewer can open), else the page shipped in the installed package.
 */
export function ruleHelpUri(ruleId: string): string {
  return docUri(ruleDocPath(ruleId));
}

/** The address of a documentation page given by its path in the package (`docs/cli.md#x`). */
export function docUri(page: string): string {
  const info = packageInfo();
  if (info.repositoryUrl && /^https?:\/\//.test(info.repositoryUrl)) return `${info.repositoryUrl}/blob/main/${page}`;
  const [file, anchor] = page.split('#');
  return pathToFileURL(join(info.root, file!)).href + (anchor ? `#${anchor}` : '');
}

// The installed package: its version, its root (where docs/ is) and its public addresses, if any. Found by walking up
// from this module (dist/cli.cjs when bundled) to the package.json named "vanban".

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface PackageInfo {
  root: string;
  version: string;
  /** Web address of the repository, when package.json names one. */
  repositoryUrl?: string;
  /** Public address of the docs/ folder, when package.json sets `config.docsBaseUrl`. */
  docsBaseUrl?: string;
}

let cached: PackageInfo | undefined;

export function packageInfo(): PackageInfo {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as {
        name?: string;
        version?: string;
        repository?: { url?: string } | string;
        config?: { docsBaseUrl?: unknown };
      };
      if (pkg.name === 'vanban') {
        const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
        const docs = pkg.config?.docsBaseUrl;
        cached = {
          root: dir,
          version: pkg.version ?? '0.0.0',
          ...(repo ? { repositoryUrl: repo.replace(/^git\+/, '').replace(/\.git$/, '') } : {}),
          ...(typeof docs === 'string' && /^https?:\/\//.test(docs) ? { docsBaseUrl: docs } : {}),
        };
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

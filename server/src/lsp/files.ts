// Finding the policy documents of a workspace on disk: Markdown and plain-text files, skipping
// hidden folders, `node_modules` and build output. Shared by the workspace index and
// `vanban/checkWorkspace`, so that both see the same files.

import { readdir } from 'node:fs/promises';
import { basename, extname, join, sep } from 'node:path';

export const DOCUMENT_EXTENSIONS = new Set(['.md', '.markdown', '.txt', '.docx']);
const SKIPPED_DIRS = new Set(['node_modules', 'out', 'dist']);

/** Whether `path` (absolute) names a file the walk would collect, judging by its name and folders. */
export function isDocumentPath(path: string, root?: string): boolean {
  if (!DOCUMENT_EXTENSIONS.has(extname(path).toLowerCase())) return false;
  if (basename(path).startsWith('.')) return false;
  const inside = root !== undefined && path.startsWith(root.endsWith(sep) ? root : root + sep) ? path.slice(root.length) : path;
  const folders = inside.split(sep).slice(0, -1);
  return !folders.some((f) => f.startsWith('.') || SKIPPED_DIRS.has(f));
}

export interface WalkOptions {
  /** Stop after this many files (the walk reports that it stopped). */
  limit: number;
  cancelled(): boolean;
}

/** The document files under `dir`, in directory order, at most `limit`; `truncated` when more exist. */
export async function collectDocuments(dir: string, options: WalkOptions): Promise<{ paths: string[]; truncated: boolean }> {
  const paths: string[] = [];
  let truncated = false;
  const walk = async (folder: string): Promise<void> => {
    if (truncated || options.cancelled()) return;
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) await walk(path);
        if (truncated) return;
      } else if (entry.isFile() && DOCUMENT_EXTENSIONS.has(extname(entry.name).toLowerCase())) {
        if (paths.length >= options.limit) {
          truncated = true;
          return;
        }
        paths.push(path);
      }
    }
  };
  await walk(dir);
  return { paths, truncated };
}

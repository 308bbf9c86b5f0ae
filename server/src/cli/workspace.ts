// Reading a folder's documents for the cross-document commands and rules: each file parsed once,
// the configuration's explicit links gathered, a resolution a report is linked to read even when it
// was not named. Used by check (for resolution-mismatch), links, register and dashboard.

import type { CoreConfig } from '../core/config.js';
import type { PolicyDocument } from '../core/document/model.js';
import { parseDocument } from '../core/document/parse.js';
import type { ExplicitLink, WorkspaceDocument } from '../core/workspace/index.js';
import { readDocument } from './documents.js';
import type { InputFile } from './files.js';
import { analysisFailure } from './messages.js';
import type { Session } from './session.js';

export interface LoadedWorkspace {
  /** Ids are absolute paths. */
  documents: WorkspaceDocument[];
  links: ExplicitLink[];
  /** The configuration of the first document (pillars for grouping and matching). */
  config?: CoreConfig;
}

/**
 * Parses `files` for cross-document use. Problems are not reported here (the caller reads the
 * files too, or reports them itself with `report: true`); a resolution that the configuration
 * links to a report among `files` is read even when it was not named.
 */
export function loadWorkspace(session: Session, files: readonly InputFile[], options: { report?: boolean } = {}): LoadedWorkspace {
  const documents: WorkspaceDocument[] = [];
  const links: ExplicitLink[] = [];
  const seenLinks = new Set<string>();
  let firstConfig: CoreConfig | undefined;
  const load = (path: string): boolean => {
    const config = session.configFor(path);
    if (!config) return false;
    const read = readDocument(path, session.maxFileSize(config));
    if (!read.ok) {
      if (options.report) session.fail(path, read.message);
      return false;
    }
    let document: PolicyDocument;
    try {
      document = parseDocument(read.document.text, config.core);
    } catch (error) {
      if (options.report) session.fail(path, analysisFailure(error));
      return false;
    }
    documents.push({ id: path, document });
    firstConfig ??= config.core;
    for (const link of config.links) {
      const key = `${link.report}\0${link.resolution}`;
      if (!seenLinks.has(key)) {
        seenLinks.add(key);
        links.push(link);
      }
    }
    return true;
  };
  for (const file of files) load(file.path);
  const loaded = new Set(documents.map((d) => d.id));
  for (const link of [...links]) {
    if (loaded.has(link.report) && !loaded.has(link.resolution)) {
      if (load(link.resolution)) loaded.add(link.resolution);
    }
  }
  return { documents, links, ...(firstConfig ? { config: firstConfig } : {}) };
}


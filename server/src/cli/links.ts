// `vanban links DIR`: which report reports on which resolution, and why (the cited number, the
// overlap of indicators, the configuration) — or why it could not be linked. Also the loader that
// the cross-document commands and `vanban check` share: every document parsed once, with the
// configuration's explicit links.

import type { CoreConfig } from '../core/config.js';
import type { PolicyDocument } from '../core/document/model.js';
import { parseDocument } from '../core/document/parse.js';
import type { Locale, LocalizedText } from '../core/types.js';
import { linkDocuments, type ExplicitLink, type LinkOutcome, type LinkReason, type WorkspaceDocument } from '../core/workspace/index.js';
import { readDocument } from './documents.js';
import type { InputFile } from './files.js';
import { EXIT_FATAL, EXIT_OK } from './check.js';
import { escapeControls } from './formatters/stylish.js';
import { analysisFailure, tr } from './messages.js';
import { linksToJson } from './links-json.js';
import type { WorkspaceOptions } from './links-options.js';
import { Session, type Io } from './session.js';

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

const REASON_NAMES: Record<LinkReason, LocalizedText> = {
  number: { vi: 'số hiệu', en: 'number' },
  overlap: { vi: 'trùng chỉ tiêu', en: 'overlap' },
  config: { vi: 'cấu hình', en: 'config' },
};

function formatTable(outcomes: LinkOutcome[], pathOf: (id: string) => string, locale: Locale): string {
  if (outcomes.length === 0) return tr({ vi: '(không có báo cáo nào)', en: '(no reports)' }, locale) + '\n';
  const lines = outcomes.map((o) => {
    const report = pathOf(o.report);
    switch (o.status) {
      case 'linked':
        return `${report} → ${pathOf(o.resolution)}  [${tr(REASON_NAMES[o.reason], locale)}] ${tr(o.message, locale)}`;
      case 'ambiguous':
        return `${report} ✗ ${tr(o.message, locale)} (${o.candidates.map(pathOf).join(', ')})`;
      case 'unlinked':
        return `${report} ✗ ${tr(o.message, locale)}`;
    }
  });
  return lines.join('\n') + '\n';
}

export function runLinks(options: WorkspaceOptions, io: Io): number {
  const session = new Session(io, options);
  if (!session.explicitConfigUsable()) return EXIT_FATAL;
  const workspace = loadWorkspace(session, session.collect(options.paths), { report: true });
  const outcomes = linkDocuments(workspace.documents, workspace.links, workspace.config ? { pillars: workspace.config.pillars } : {});
  const pathOf = (id: string) => session.display(id);
  const rendered =
    options.format === 'json' ? JSON.stringify(linksToJson(outcomes, pathOf, options.locale), null, 2) + '\n' : escapeControls(formatTable(outcomes, pathOf, options.locale), true);
  session.emit(rendered, options.output);
  return session.failures.length > 0 ? EXIT_FATAL : EXIT_OK;
}

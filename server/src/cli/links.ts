// `vanban links DIR`: which report reports on which resolution, and why (the cited number, the
// overlap of indicators, the configuration) — or why it could not be linked. Also the loader that
// the cross-document commands and `vanban check` share: every document parsed once, with the
// configuration's explicit links.

import type { Locale, LocalizedText } from '../core/types.js';
import { linkDocuments, type LinkOutcome, type LinkReason } from '../core/workspace/index.js';
import { EXIT_FATAL, EXIT_OK } from './exit.js';
import { escapeControls } from './formatters/stylish.js';
import { tr } from './messages.js';
import { linksToJson } from './links-json.js';
import type { WorkspaceOptions } from './links-options.js';
import { Session, type Io } from './session.js';
import { loadWorkspace } from './workspace.js';

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

// `vanban dashboard DIR -o report.html`: the target dashboard as one self-contained HTML file
// (the core renders it; here only paths become links). Each item links to its line twice: a
// `vscode://file/…:line:column` link that opens the editor there, and a plain `file://` link.

import { pathToFileURL } from 'node:url';
import { buildRegister, renderDashboard } from '../core/workspace/index.js';
import { EXIT_FATAL, EXIT_OK } from './check.js';
import { loadWorkspace } from './links.js';
import type { WorkspaceOptions } from './links-options.js';
import { Session, type Io } from './session.js';

export function runDashboard(options: WorkspaceOptions, io: Io): number {
  const session = new Session(io, options);
  if (!session.explicitConfigUsable()) return EXIT_FATAL;
  const workspace = loadWorkspace(session, session.collect(options.paths), { report: true });
  const register = buildRegister(workspace.documents, workspace.links, workspace.config);
  const html = renderDashboard(register, {
    locale: options.locale,
    ...(workspace.config ? { pillars: workspace.config.pillars } : {}),
    pathOf: (id) => session.display(id),
    linksOf: (p) => {
      const url = pathToFileURL(p.documentId);
      return [
        { href: `vscode://file${url.pathname}:${p.line}:${p.column}`, label: `${session.display(p.documentId)}:${p.line}` },
        { href: url.href, label: options.locale === 'en' ? 'file' : 'tệp' },
      ];
    },
  });
  session.emit(html, options.output);
  return session.failures.length > 0 ? EXIT_FATAL : EXIT_OK;
}

// `vanban dashboard DIR -o report.html`: the target dashboard as one self-contained HTML file
// (the core renders it; here only paths become links). Each item links to its document by a path
// relative to the HTML file, so the page works wherever it is published together with the
// documents (a CI artifact, a web server, a shared folder) and names no path of this machine.

import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { buildRegister, renderDashboard } from '../core/workspace/index.js';
import { EXIT_FATAL, EXIT_OK } from './exit.js';
import { loadWorkspace } from './workspace.js';
import type { WorkspaceOptions } from './links-options.js';
import { Session, type Io } from './session.js';

export function runDashboard(options: WorkspaceOptions, io: Io): number {
  const session = new Session(io, options);
  if (!session.explicitConfigUsable()) return EXIT_FATAL;
  const workspace = loadWorkspace(session, session.collect(options.paths), { report: true });
  // Where the page will be: links are relative to it (standard output: to the working directory).
  const pageDir = options.output !== undefined ? dirname(resolve(io.cwd, options.output)) : io.cwd;
  // A document as the page names it: relative to the working directory, or else to the page.
  const shown = (id: string): string => {
    const display = session.display(id);
    return isAbsolute(display) ? relative(pageDir, id).split(sep).join('/') : display;
  };
  const register = buildRegister(workspace.documents, workspace.links, workspace.config);
  const html = renderDashboard(register, {
    locale: options.locale,
    ...(workspace.config ? { pillars: workspace.config.pillars } : {}),
    pathOf: shown,
    linksOf: (p) => [{ href: relativeHref(pageDir, p.documentId), label: `${shown(p.documentId)}:${p.line}` }],
  });
  session.emit(html, options.output);
  return session.failures.length > 0 ? EXIT_FATAL : EXIT_OK;
}

/** A URL path from the page's folder to a document, each segment percent-encoded. */
export function relativeHref(fromDir: string, path: string): string {
  return relative(fromDir, path).split(sep).map(encodeURIComponent).join('/');
}

// `vanban/dashboard`: the core's target dashboard (register + renderDashboard) over the workspace
// index, with each item linking back to its line — through a client command when the page is shown
// in a webview that allows that one command, else the way the CLI's page links.

import { pathToFileURL } from 'node:url';
import type { CoreConfig } from '../../core/config.js';
import type { Locale } from '../../core/types.js';
import { buildRegister, renderDashboard, type ExplicitLink, type Position, type SourceLink, type WorkspaceDocument } from '../../core/workspace/index.js';
import type { DashboardResult } from '../protocol.js';

export interface DashboardInput {
  documents: readonly WorkspaceDocument[];
  links: readonly ExplicitLink[];
  config: CoreConfig;
  locale: Locale;
  /** The URI a document id (a path, or the URI of an unsaved document) is opened with. */
  uriOf(id: string): string;
  /** How a document is named on the page (its workspace-relative path). */
  pathOf(id: string): string;
  linkCommand?: string;
  indexing: boolean;
  revision: number;
}

/** A command URI: `command:id?[uri, line, character]` (0-based), as VS Code's webviews run them. */
export function commandLink(command: string, uri: string, line: number, character: number): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify([uri, line, character]))}`;
}

export function dashboard(input: DashboardInput): DashboardResult {
  const register = buildRegister(input.documents, input.links, input.config);
  const label = (p: Position) => `${input.pathOf(p.documentId)}:${p.line}`;
  const linksOf = (p: Position): SourceLink[] => {
    const uri = input.uriOf(p.documentId);
    if (input.linkCommand) return [{ href: commandLink(input.linkCommand, uri, p.line - 1, p.column - 1), label: label(p) }];
    const links: SourceLink[] = [];
    if (uri.startsWith('file:')) links.push({ href: `vscode://file${new URL(uri).pathname}:${p.line}:${p.column}`, label: label(p) });
    links.push({ href: uri, label: input.locale === 'en' ? 'file' : 'tệp' });
    return links;
  };
  const html = renderDashboard(register, {
    locale: input.locale,
    pillars: input.config.pillars,
    pathOf: input.pathOf,
    linksOf,
  });
  return {
    html,
    indexing: input.indexing,
    revision: input.revision,
    documents: input.documents.length,
    targets: register.entries.length,
  };
}

/** The URI of a document id: ids are file paths (or already URIs, for unsaved documents). */
export function fileUri(id: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(id) && !/^[A-Za-z]:[\\/]/.test(id) ? id : pathToFileURL(id).href;
}

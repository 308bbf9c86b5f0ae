// The documentation of each rule, for reports that must stand on their own (SARIF's rules[].help):
// read from the docs/ folder shipped in the package (docs/rules/<id>.md), and addresses on the web
// only when a public documentation URL is configured — never a path of the machine that ran the check.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleDocPath } from '../core/rules/rule.js';
import { packageInfo } from './package-info.js';

export interface RuleHelp {
  text: string;
  markdown: string;
}

const cache = new Map<string, string | undefined>();

function readDoc(path: string): string | undefined {
  if (!cache.has(path)) {
    let text: string | undefined;
    try {
      text = readFileSync(join(packageInfo().root, path), 'utf8').replace(/\r\n?/g, '\n').trim();
    } catch {
      text = undefined;
    }
    cache.set(path, text);
  }
  return cache.get(path);
}

/**
 * A page's address under a configured `docsBaseUrl`, the published docs/ folder
 * (`https://example.org/vanban/docs/` + `rules/x.md`); undefined without one.
 */
export function docsUrl(base: string | undefined, page: string): string | undefined {
  if (!base || !/^https?:\/\//i.test(base)) return undefined;
  try {
    return new URL(page, base.endsWith('/') ? base : `${base}/`).href;
  } catch {
    return undefined;
  }
}

/** Relative links of a docs page made absolute under the base, or reduced to their text without one. */
function resolveLinks(markdown: string, pageDir: string, base: string | undefined): string {
  return markdown.replace(/(!?)\[([^\]]*)\]\(([^)\s]+)\)/g, (whole, bang: string, label: string, target: string) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) return whole;
    const resolved = new URL(target, `http://x/${pageDir}`);
    const inPackage = decodeURIComponent(resolved.pathname.slice(1));
    const url = inPackage.startsWith('docs/') ? docsUrl(base, inPackage.slice('docs/'.length) + resolved.hash) : undefined;
    if (url) return `${bang}[${label}](${url})`;
    return bang ? '' : label;
  });
}

/** Markdown → plain text for viewers that show `help.text`: code kept, markup dropped. */
export function markdownToText(markdown: string): string {
  return markdown
    .split('\n')
    .filter((line) => !/^\s*```/.test(line))
    .map((line) =>
      line
        .replace(/^#{1,6}\s+/, '')
        .replace(/\[([^\]]*)\]\(([^)\s]+)\)/g, (_, label: string, url: string) => (/^https?:/.test(url) ? `${label} (${url})` : label))
        .replace(/(\*\*|__)(.+?)\1/g, '$2')
        .replace(/(^|[\s(])[*_]([^*_\n]+)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
        .replace(/`([^`]+)`/g, '$1'),
    )
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A rule's page, docs/rules/<id>.md; undefined when the package has no such page. */
export function ruleHelp(ruleId: string, base: string | undefined): RuleHelp | undefined {
  const path = ruleDocPath(ruleId);
  const markdown = readDoc(path);
  if (markdown === undefined) return undefined;
  const resolved = resolveLinks(markdown, path.slice(0, path.lastIndexOf('/') + 1), base);
  return { markdown: resolved, text: markdownToText(resolved) };
}

/** One `## Heading` section of a docs page (docs/cli.md#inline-suppression). */
export function sectionHelp(page: string, heading: string, base: string | undefined): RuleHelp | undefined {
  const markdown = readDoc(page);
  if (markdown === undefined) return undefined;
  const start = markdown.search(new RegExp(`^## ${heading}\\s*$`, 'm'));
  if (start < 0) return undefined;
  const rest = markdown.slice(start);
  const end = rest.slice(3).search(/^## /m);
  const section = (end < 0 ? rest : rest.slice(0, end + 3)).trim();
  const resolved = resolveLinks(section, page.slice(0, page.lastIndexOf('/') + 1), base);
  return { markdown: resolved, text: markdownToText(resolved) };
}

// `--format sarif`: SARIF 2.1.0 for code-scanning dashboards (GitHub, Azure DevOps). Each rule
// carries its documentation page itself (help.text and help.markdown, from the package's docs/), so
// the log stands on its own; helpUri only when a public docs URL is configured (docsBaseUrl), never
// a path of this machine. Documents that could not be checked become tool execution notifications,
// so the log says the run was incomplete.

import { pathToFileURL } from 'node:url';
import { isAbsolute } from 'node:path';
import { rules } from '../../core/rules/index.js';
import { INLINE_CONFIG_RULE_ID } from '../../core/suppress.js';
import type { Locale, Severity } from '../../core/types.js';
import { tr } from '../messages.js';
import { packageInfo } from '../package-info.js';
import { docsUrl, ruleHelp, sectionHelp, type RuleHelp } from '../rule-help.js';
import type { CheckReport } from '../report.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  help?: RuleHelp;
  helpUri?: string;
  defaultConfiguration: { level: 'error' | 'warning' | 'note' };
  properties?: { tags: string[] };
}

function artifact(path: string) {
  if (isAbsolute(path)) return { uri: pathToFileURL(path).href };
  return { uri: path.split('/').map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
}

export interface SarifOptions {
  /** Public address of the docs/ folder (.vanbanrc.json or package.json config.docsBaseUrl). */
  docsBaseUrl?: string;
}

export function formatSarif(report: CheckReport, locale: Locale, cwd: string, options: SarifOptions = {}): string {
  const info = packageInfo();
  const base = options.docsBaseUrl ?? info.docsBaseUrl;
  const documented = (help: RuleHelp | undefined, page: string) => {
    const helpUri = docsUrl(base, page);
    return { ...(help ? { help } : {}), ...(helpUri ? { helpUri } : {}) };
  };
  const driverRules: SarifRule[] = rules.map((r) => ({
    id: r.id,
    shortDescription: { text: tr(r.description, locale) },
    ...documented(ruleHelp(r.id, base), `rules/${r.id}.md`),
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
    properties: { tags: [...r.tags] },
  }));
  const index = new Map(driverRules.map((r, i) => [r.id, i]));
  const ruleIndex = (id: string): number | undefined => {
    if (!index.has(id) && id === INLINE_CONFIG_RULE_ID) {
      driverRules.push({
        id,
        shortDescription: { text: locale === 'en' ? 'Inline configuration comments' : 'Chú thích cấu hình trong văn bản' },
        ...documented(sectionHelp('docs/cli.md', 'Inline suppression', base), 'cli.md#inline-suppression'),
        defaultConfiguration: { level: 'warning' },
      });
      index.set(id, driverRules.length - 1);
    }
    return index.get(id);
  };
  const results = report.files.flatMap((file) =>
    file.diagnostics.map((d) => {
      const i = ruleIndex(d.ruleId);
      return {
        ruleId: d.ruleId,
        ...(i !== undefined ? { ruleIndex: i } : {}),
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: artifact(file.path),
              region: {
                startLine: d.line,
                startColumn: d.column,
                endLine: d.endLine,
                endColumn: d.endColumn,
                // A Word document: the region is in its converted text (`vanban convert`); the
                // snippet and the Word location let a reviewer find it in Word.
                ...(d.word ? { snippet: { text: d.word.snippet } } : {}),
              },
            },
            ...(d.word ? { message: { text: `Word: ${d.word.location}` } } : {}),
          },
        ],
        ...(d.word ? { properties: { word: d.word } } : {}),
        ...(d.related.length > 0
          ? {
              relatedLocations: d.related.map((r, id) => ({
                id,
                message: { text: r.message },
                physicalLocation: { artifactLocation: artifact(r.path), region: { startLine: r.line, startColumn: r.column } },
              })),
            }
          : {}),
      };
    }),
  );
  const notifications = report.failures.map((f) => ({
    level: 'error' as const,
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifact(f.path),
          ...(f.line !== undefined ? { region: { startLine: f.line, startColumn: f.column ?? 1 } } : {}),
        },
      },
    ],
  }));
  const informationUri = info.repositoryUrl && /^https?:\/\//.test(info.repositoryUrl) ? info.repositoryUrl : undefined;
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'vanban',
            version: info.version,
            semanticVersion: info.version,
            ...(informationUri ? { informationUri } : {}),
            rules: driverRules,
          },
        },
        invocations: [{ executionSuccessful: report.failures.length === 0, toolExecutionNotifications: notifications }],
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd).href.replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

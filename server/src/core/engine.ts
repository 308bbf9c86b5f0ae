// check(text, config) -> findings. The one code path that the CLI, the language server and the
// dashboard all call.

import { defaultConfig, type CoreConfig } from './config.js';
import { parseDocument } from './document/parse.js';
import type { PolicyDocument } from './document/model.js';
import { rules as allRules } from './rules/index.js';
import type { RuleDefinition } from './rules/rule.js';
import type { Finding, Fix, Severity } from './types.js';
import type { WorkspaceContext } from './workspace/types.js';

export interface AnalyzeOptions {
  config?: CoreConfig;
  /** Limit to these rules (by id). */
  only?: string[];
  /** The other documents checked with this one (cross-document rules); absent: checked alone. */
  workspace?: WorkspaceContext;
}

export interface Analysis {
  document: PolicyDocument;
  findings: Finding[];
  /** Rules that threw: the other rules' findings are still returned. */
  failures: { ruleId: string; error: string }[];
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const config = options.config ?? defaultConfig();
  const document = parseDocument(text, config);
  return checkDocument(document, config, options.only, options.workspace);
}

/**
 * Whether the domain rules apply: the document names its kind (`NGHỊ QUYẾT`, `KẾ HOẠCH`, `BÁO CÁO`,
 * `QUYẾT ĐỊNH` …) or is laid out in a policy document's standard sections (Mục tiêu, Nhiệm vụ và giải
 * pháp, Kết quả thực hiện, Phụ lục …), or the configuration says to check it anyway (`include`).
 * A README or a note in a checked folder is none of these and gets no findings.
 */
export function isPolicyDocument(document: PolicyDocument, config: CoreConfig): boolean {
  if (config.checkUnrecognised || document.kind !== 'unknown') return true;
  return document.sections.some((s) => s.roles.some((r) => r !== 'recipients'));
}

export function checkDocument(document: PolicyDocument, config: CoreConfig, only?: string[], workspace?: WorkspaceContext): Analysis {
  const findings: Finding[] = [];
  const failures: Analysis['failures'] = [];
  if (!isPolicyDocument(document, config)) return { document, findings, failures };
  for (const rule of allRules) {
    if (only && !only.includes(rule.id)) continue;
    const severity = effectiveSeverity(rule, config);
    if (severity === undefined) continue;
    if (rule.appliesTo && !rule.appliesTo.includes(document.kind)) continue;
    try {
      rule.check({
        document,
        config,
        options: config.ruleOptions[rule.id] ?? {},
        ...(workspace ? { workspace } : {}),
        report(span, message, extra = {}) {
          findings.push({
            ruleId: rule.id,
            // A finding's own severity (a lesser or graver case of its rule) applies while the rule
            // is at its default; a severity the user configured wins.
            severity: extra.severity && config.rules[rule.id] === undefined ? extra.severity : severity,
            span: { start: span.start, end: Math.max(span.start, span.end) },
            message,
            ...(extra.related ? { related: extra.related } : {}),
            ...(extra.fix ? { fix: extra.fix } : {}),
          });
        },
      });
    } catch (error) {
      failures.push({ ruleId: rule.id, error: error instanceof Error ? error.message : String(error) });
    }
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
  return { document, findings, failures };
}

function effectiveSeverity(rule: RuleDefinition, config: CoreConfig): Severity | undefined {
  const setting = config.rules[rule.id];
  if (setting === 'off') return undefined;
  return setting ?? rule.defaultSeverity;
}

/**
 * Applies non-overlapping fixes (the earlier one wins on overlap) and returns the new text.
 * Nothing outside the fixes' spans changes.
 */
export function applyFixes(text: string, fixes: Fix[]): { text: string; applied: Fix[] } {
  const sorted = [...fixes].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const applied: Fix[] = [];
  let out = '';
  let cursor = 0;
  for (const fix of sorted) {
    if (fix.span.start < cursor || fix.span.end > text.length || fix.span.start > fix.span.end) continue;
    out += text.slice(cursor, fix.span.start) + fix.text;
    cursor = fix.span.end;
    applied.push(fix);
  }
  return { text: out + text.slice(cursor), applied };
}

// The shape of a rule: a plain object with an id, bilingual description, default severity and a
// check function that reports through its context. One rule per file; the registry is index.ts.

import type { CoreConfig } from '../config.js';
import type { PolicyDocument } from '../document/model.js';
import type { Finding, Fix, LocalizedText, RelatedLocation, Severity, Span } from '../types.js';
import type { WorkspaceContext } from '../workspace/types.js';

export type RuleTag = 'targets' | 'structure' | 'references' | 'consistency' | 'arithmetic';

export interface ReportOptions {
  related?: RelatedLocation[];
  fix?: Fix;
  /** Overrides the rule's default severity for this finding (e.g. a contradiction that changes a conclusion). */
  severity?: Severity;
}

export interface RuleContext {
  readonly document: PolicyDocument;
  readonly config: CoreConfig;
  /** This rule's options from the configuration (empty object when none). */
  readonly options: Record<string, unknown>;
  /** The documents checked together with this one; absent when it is checked alone. */
  readonly workspace?: WorkspaceContext;
  report(span: Span, message: LocalizedText, options?: ReportOptions): void;
}

export interface RuleDefinition {
  id: string;
  description: LocalizedText;
  defaultSeverity: Severity;
  tags: RuleTag[];
  /** Document kinds the rule applies to; absent = all. */
  appliesTo?: PolicyDocument['kind'][];
  check(context: RuleContext): void;
}

export function defineRule(rule: RuleDefinition): RuleDefinition {
  return rule;
}

/** Path of the rule's documentation page, relative to the package root. */
export function ruleDocPath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}

export type { Finding };

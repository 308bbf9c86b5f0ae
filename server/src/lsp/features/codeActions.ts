// Code actions: the quick fix a finding carries, fix-all, "disable this rule for this line", and
// for a target without year or pillar, the phrase the drafter completes.

import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type Position,
  type Range,
  type TextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { applyFixes } from '../../core/engine.js';
import type { Fix, Locale } from '../../core/types.js';
import type { AnalysisResult } from '../analyses.js';
import { SOURCE, toRange, type DiagnosticData } from '../convert.js';
import { t, ui } from '../messages.js';
import { targetFor } from './targets.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${SOURCE}`;

/** Whether the client asked for actions of `kind` (an `only` of `source` admits `source.fixAll.vanban`). */
function wanted(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/** A position given by the client: non-negative integers, inside the document as it is. */
function validPosition(p: unknown, document: TextDocument): p is Position {
  if (typeof p !== 'object' || p === null) return false;
  const { line, character } = p as { line: unknown; character: unknown };
  if (!Number.isInteger(line) || !Number.isInteger(character) || (line as number) < 0 || (character as number) < 0) return false;
  // positionAt(offsetAt(p)) is p itself only when p is in the document (offsetAt clamps).
  const back = document.positionAt(document.offsetAt(p as Position));
  return back.line === line && back.character === character;
}

function validFix(fix: unknown, document: TextDocument): fix is { range: Range; newText: string; title: string } {
  if (typeof fix !== 'object' || fix === null) return false;
  const { range, newText, title } = fix as { range?: { start?: unknown; end?: unknown }; newText?: unknown; title?: unknown };
  if (typeof newText !== 'string' || typeof title !== 'string' || typeof range !== 'object' || range === null) return false;
  if (!validPosition(range.start, document) || !validPosition(range.end, document)) return false;
  return document.offsetAt(range.start) <= document.offsetAt(range.end);
}

export function codeActions(
  params: CodeActionParams,
  document: TextDocument,
  result: AnalysisResult | undefined,
  locale: Locale,
): CodeAction[] {
  const uri = params.textDocument.uri;
  const only = params.context.only;
  const ours = params.context.diagnostics.filter((d) => d.source === SOURCE && typeof d.code === 'string');
  const actions: CodeAction[] = [];

  if (wanted(only, CodeActionKind.QuickFix)) {
    for (const diagnostic of ours) {
      const data = diagnostic.data as DiagnosticData | undefined;
      // A fix computed for another version of the text would land in the wrong place.
      // The data comes back from the client: used only when it is a well-formed edit inside this
      // version of the document (an invalid range was applied as it was, issue 16).
      if (data?.fix && data.version === document.version && validFix(data.fix, document)) {
        actions.push({
          title: data.fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: true,
          edit: { changes: { [uri]: [{ range: data.fix.range, newText: data.fix.newText }] } },
        });
      }
      if (result) actions.push(...completionActions(diagnostic, document, result, locale));
    }
    const seen = new Set<string>();
    for (const diagnostic of ours) {
      const ruleId = diagnostic.code as string;
      const key = `${ruleId}@${diagnostic.range.start.line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      actions.push({
        title: t(ui.disableRuleForLine(ruleId), locale),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { changes: { [uri]: [disableNextLineEdit(document, diagnostic.range.start.line, ruleId)] } },
      });
    }
  }

  if (result && wanted(only, FIX_ALL_KIND) && (only !== undefined || ours.length > 0)) {
    const action = fixAllAction(uri, result, locale);
    if (action) actions.push(action);
  }
  return actions;
}

/** Every fix of the current analysis that does not overlap an earlier one, as one edit. */
export function fixAllAction(uri: string, result: AnalysisResult, locale: Locale): CodeAction | undefined {
  if (!result.checked) return undefined;
  const fixes: Fix[] = result.analysis.findings.flatMap((f) => (f.fix ? [f.fix] : []));
  if (fixes.length === 0) return undefined;
  const { applied } = applyFixes(result.analysis.document.text, fixes);
  const lines = result.analysis.document.lines;
  const edits: TextEdit[] = applied.map((fix) => ({ range: toRange(lines, fix.span), newText: fix.text }));
  return { title: t(ui.fixAll, locale), kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } };
}

const DISABLE_NEXT_LINE = /^(\s*)<!--\s*vanban-disable-next-line\s+([^>]*?)\s*-->\s*$/;

/**
 * `<!-- vanban-disable-next-line rule-id -->` on its own line above `line`, indented like it. When
 * the line above already is such a comment, the rule joins it: a second comment line would
 * separate the first from the line it is meant for.
 */
export function disableNextLineEdit(document: TextDocument, line: number, ruleId: string): TextEdit {
  const text = document.getText();
  const lineText = (n: number) =>
    document.getText({ start: { line: n, character: 0 }, end: { line: n + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
  if (line > 0) {
    const above = DISABLE_NEXT_LINE.exec(lineText(line - 1));
    if (above) {
      const [ids, reason] = splitReason(above[2]!);
      if (!ids.includes(ruleId)) ids.push(ruleId);
      const content = `${above[1]}<!-- vanban-disable-next-line ${ids.join(', ')}${reason ? ` -- ${reason}` : ''} -->`;
      return { range: { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: lineText(line - 1).length } }, newText: content };
    }
  }
  const indent = /^[ \t]*/.exec(lineText(line))![0];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}<!-- vanban-disable-next-line ${ruleId} -->${eol}` };
}

function splitReason(body: string): [string[], string | undefined] {
  const at = body.indexOf(' -- ');
  const ids = (at >= 0 ? body.slice(0, at) : body).split(/[\s,]+/).filter(Boolean);
  return [ids, at >= 0 ? body.slice(at + 4).trim() : undefined];
}

/** For target-year / target-pillar: insert the phrase that states it, for the drafter to adjust. */
function completionActions(diagnostic: Diagnostic, document: TextDocument, result: AnalysisResult, locale: Locale): CodeAction[] {
  const code = diagnostic.code;
  if (code !== 'target-year' && code !== 'target-pillar') return [];
  const model = result.analysis.document;
  if (result.version !== document.version) return [];
  const span = { start: document.offsetAt(diagnostic.range.start), end: document.offsetAt(diagnostic.range.end) };
  const target = targetFor(model, span);
  const targetSpan = target?.span ?? span;
  const insert = (title: string, offset: number, text: string): CodeAction => {
    const at = document.positionAt(offset);
    return {
      title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: { changes: { [document.uri]: [{ range: { start: at, end: at }, newText: text }] } },
    };
  };
  if (code === 'target-year') {
    // After the target, before its closing `;`/`.`: "… đến năm 2025."
    const year = likelyYear(result);
    return [insert(t(ui.addYear(year), locale), targetSpan.end, ` đến năm ${year}`)];
  }
  // A pillar label in front of the target, as drafters write it: "Chính quyền số: 100% …".
  return result.config.pillars.filter((p) => !p.group).map((p) => insert(t(ui.addPillar(p.name), locale), targetSpan.start, `${p.name}: `));
}

/** The year most targets of the document aim at (2025 when none states one). */
function likelyYear(result: AnalysisResult): number {
  const counts = new Map<number, number>();
  for (const target of result.analysis.document.targets) {
    if (target.year) counts.set(target.year.value, (counts.get(target.year.value) ?? 0) + 1);
  }
  let best = 2025;
  let bestCount = 0;
  for (const [year, count] of counts) {
    if (count > bestCount || (count === bestCount && year < best)) {
      best = year;
      bestCount = count;
    }
  }
  return best;
}

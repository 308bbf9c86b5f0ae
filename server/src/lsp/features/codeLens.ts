// A code lens over each goals section summarising its targets:
// `17 chỉ tiêu · 2025 · 3 trụ cột · 1 thiếu giá trị`.

import type { CodeLens } from 'vscode-languageserver';
import type { PolicyDocument, Section, SectionRole } from '../../core/document/model.js';
import type { Locale } from '../../core/types.js';
import { toRange } from '../convert.js';
import { t, ui } from '../messages.js';
import { SHOW_TARGETS_COMMAND } from '../protocol.js';
import { targetsWithin } from './targets.js';

const GOAL_ROLES: SectionRole[] = ['goals-specific', 'orientation'];

function isGoals(section: Section): boolean {
  return section.roles.some((r) => GOAL_ROLES.includes(r));
}

export function codeLenses(document: PolicyDocument, uri: string, locale: Locale): CodeLens[] {
  const lenses: CodeLens[] = [];
  for (const section of document.sections) {
    // Only the outermost goals section: its sub-sections (per pillar) are part of its summary.
    if (!isGoals(section)) continue;
    let ancestor = section.parent;
    while (ancestor && !isGoals(ancestor)) ancestor = ancestor.parent;
    if (ancestor) continue;
    const targets = targetsWithin(document, section);
    const years = [...new Set(targets.flatMap((x) => (x.year ? [x.year.value] : [])))].sort();
    const pillars = new Set(targets.flatMap((x) => (x.pillar ? [x.pillar.value.id] : [])));
    const noValue = targets.filter((x) => !x.value).length;
    const noYear = targets.filter((x) => !x.year).length;
    const noPillar = targets.filter((x) => !x.pillar).length;
    const parts = [t(ui.lensTargets(targets.length), locale)];
    if (years.length > 0) parts.push(years.join(', '));
    parts.push(t(ui.lensPillars(pillars.size), locale));
    if (noValue > 0) parts.push(t(ui.lensNoValue(noValue), locale));
    if (noYear > 0) parts.push(t(ui.lensNoYear(noYear), locale));
    if (noPillar > 0) parts.push(t(ui.lensNoPillar(noPillar), locale));
    const range = toRange(document.lines, section.headSpan);
    lenses.push({ range, command: { title: parts.join(' · '), command: SHOW_TARGETS_COMMAND, arguments: [uri, range.start.line] } });
  }
  return lenses;
}

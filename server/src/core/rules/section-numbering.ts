import type { Section } from '../document/model.js';
import { VIETNAMESE_LETTERS } from '../document/outline.js';
import { quote } from './describe.js';
import { defineRule, type RuleContext } from './rule.js';

const LATIN = 'abcdefghijklmnopqrstuvwxyz';
const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX'];

export default defineRule({
  id: 'section-numbering',
  description: {
    vi: 'Số thứ tự các mục phải liên tục, không trùng, không đảo',
    en: 'Section numbers must be consecutive, unique and in order',
  },
  defaultSeverity: 'warning',
  tags: ['structure'],
  check(ctx) {
    checkSiblings(ctx, ctx.document.outline, undefined);
    for (const section of ctx.document.sections) checkSiblings(ctx, section.children, section);
  },
});

/** The label that should follow `prev` in its scheme; letters accept the Vietnamese or Latin order. */
function successors(section: Section): string[] {
  const n = section.numbering;
  switch (n.scheme) {
    case 'roman':
      return [ROMAN[n.parts[0]! + 1] ?? String(n.parts[0]! + 1)];
    case 'decimal':
      return [[...n.parts.slice(0, -1), n.parts[n.parts.length - 1]! + 1].join('.')];
    case 'appendix':
      return [String(n.parts[0]! + 1)];
    case 'part':
      return [ROMAN[n.parts[0]! + 1] ?? String(n.parts[0]! + 1), String(n.parts[0]! + 1)];
    case 'letter': {
      const vi = VIETNAMESE_LETTERS[VIETNAMESE_LETTERS.indexOf(n.label) + 1];
      const la = LATIN[LATIN.indexOf(n.label) + 1];
      return [...new Set([vi, la])].filter((x): x is string => x !== undefined);
    }
    default:
      return [];
  }
}

function ordinal(section: Section): number {
  const n = section.numbering;
  if (n.scheme === 'letter') {
    const vi = VIETNAMESE_LETTERS.indexOf(n.label);
    return vi >= 0 ? vi + 1 : LATIN.indexOf(n.label) + 1;
  }
  return n.parts[n.parts.length - 1]!;
}

function show(section: Section): string {
  const n = section.numbering;
  if (n.scheme === 'appendix') return `Phụ lục ${n.label}`;
  if (n.scheme === 'part') return `Phần ${n.label}`;
  if (n.scheme === 'letter') return `${n.label})`;
  return n.label;
}

function sameValue(section: Section, label: string): boolean {
  const n = section.numbering;
  if (n.scheme === 'appendix') return n.parts[0] === Number(label);
  if (n.scheme === 'part') return n.parts[0] === (/^\d+$/.test(label) ? Number(label) : ROMAN.indexOf(label));
  return n.label === label;
}

function checkSiblings(ctx: RuleContext, siblings: Section[], parent: Section | undefined): void {
  const schemes = new Map<string, Section[]>();
  for (const s of siblings) {
    if (s.numbering.scheme === 'none') continue;
    const key = s.numbering.scheme === 'decimal' ? `decimal:${s.numbering.parts.length}` : s.numbering.scheme;
    // Appended in place: copying the group per section was quadratic in a long flat outline.
    const group = schemes.get(key);
    if (group) group.push(s);
    else schemes.set(key, [s]);
  }
  for (const group of schemes.values()) {
    let prev: Section | undefined;
    for (const s of group) {
      const label = show(s);
      const title = quote(s.title, 50);
      if (s.numbering.scheme === 'decimal' && parent?.numbering.scheme === 'decimal') {
        const prefix = s.numbering.parts.slice(0, -1).join('.');
        if (s.numbering.parts.length === parent.numbering.parts.length + 1 && prefix !== parent.numbering.label) {
          ctx.report(s.numbering.span, {
            vi: `Mục ${label} ("${title}") nằm trong mục ${parent.numbering.label} nhưng số hiệu không bắt đầu bằng ${parent.numbering.label}.`,
            en: `Section ${label} ("${title}") is inside section ${parent.numbering.label} but its number does not start with ${parent.numbering.label}.`,
          });
          prev = s;
          continue;
        }
      }
      if (!prev) {
        if (ordinal(s) > 1 && s.numbering.scheme !== 'appendix') {
          const first = firstLabel(s);
          ctx.report(s.numbering.span, {
            vi: `Mục ${label} ("${title}") là mục đầu tiên ở cấp này nhưng không đánh số ${first}.`,
            en: `Section ${label} ("${title}") is the first at its level but is not numbered ${first}.`,
          });
        }
        prev = s;
        continue;
      }
      const expected = successors(prev);
      if (expected.some((e) => sameValue(s, e))) {
        prev = s;
        continue;
      }
      const p = ordinal(prev);
      const c = ordinal(s);
      const related = [
        { span: prev.headSpan, message: { vi: `Mục liền trước: ${show(prev)}`, en: `Previous section: ${show(prev)}` } },
      ];
      if (s.numbering.label === prev.numbering.label || c === p) {
        ctx.report(s.numbering.span, {
          vi: `Số mục ${label} bị trùng với mục liền trước ("${quote(prev.title, 40)}").`,
          en: `Section number ${label} duplicates the previous section ("${quote(prev.title, 40)}").`,
        }, { related });
      } else if (c < p) {
        ctx.report(s.numbering.span, {
          vi: `Mục ${label} đứng sau mục ${show(prev)}: thứ tự bị đảo.`,
          en: `Section ${label} comes after section ${show(prev)}: out of order.`,
        }, { related });
      } else {
        ctx.report(s.numbering.span, {
          vi: `Mục ${label} đứng ngay sau mục ${show(prev)}: thiếu mục ${expected.join(' hoặc ')}.`,
          en: `Section ${label} directly follows section ${show(prev)}: section ${expected.join(' or ')} is missing.`,
        }, { related });
      }
      prev = s;
    }
  }
}

function firstLabel(s: Section): string {
  switch (s.numbering.scheme) {
    case 'roman':
      return 'I';
    case 'letter':
      return 'a)';
    case 'decimal':
      return [...s.numbering.parts.slice(0, -1), 1].join('.');
    default:
      return '1';
  }
}

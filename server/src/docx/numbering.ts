// Word's automatic numbering as Word displays it. In a .docx the numbers of `I.`, `1.1.`, `a)` are
// not in the text: each paragraph names a list instance (numId) and a level (ilvl); numbering.xml
// maps the instance to an abstract definition whose level says the format (upperRoman, decimal,
// lowerLetter, bullet …), the template (`%1.%2.`) and the start value. The counters are kept here.

export interface NumberingLevel {
  /** upperRoman, lowerRoman, decimal, decimalZero, upperLetter, lowerLetter, bullet, none … */
  format: string;
  /** `%1.`, `%1.%2.`, `%3)`, or the bullet character. */
  text: string;
  start: number;
  /** w:isLgl: every number of the template shown as decimal (`1.1` under `I.`). */
  legal: boolean;
  /** w:lvlRestart: the level restarts after this level (1-based); 0 never restarts. */
  restart?: number;
  /** w:suff: what follows the number (tab, space, nothing); a tab or space is written as a space. */
  suffix?: 'tab' | 'space' | 'nothing';
}

export interface NumberingDefinitions {
  /** abstractNumId → levels by ilvl. */
  abstract: Map<string, NumberingLevel[]>;
  /** numId → its abstract definition and the levels it restarts (startOverride). */
  instances: Map<string, { abstractId: string; startOverride: Map<number, number>; levelOverride: Map<number, NumberingLevel> }>;
}

export function emptyNumbering(): NumberingDefinitions {
  return { abstract: new Map(), instances: new Map() };
}

const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  let out = '';
  for (const [value, letters] of ROMAN) {
    while (n >= value) {
      out += letters;
      n -= value;
    }
  }
  return out;
}

/** Word's letter numbering: a … z, then aa … zz, aaa … (the letter repeated, not base 26). */
function letters(n: number): string {
  if (n <= 0) return String(n);
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerLetter':
      return letters(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/**
 * The counters of one document, advanced paragraph by paragraph in reading order. Instances of the
 * same abstract definition share their counters (as in Word) unless an instance restarts a level
 * with w:startOverride, which applies the first time that instance is used.
 */
export class NumberingCounters {
  private readonly counters = new Map<string, number[]>();
  private readonly started = new Set<string>();

  constructor(private readonly defs: NumberingDefinitions) {}

  /** The label of a numbered paragraph (`II.`, `1.2.`, `a)`), `-` for a bullet, undefined when none. */
  next(numId: string, ilvl: number): { label: string; bullet: boolean; joined?: boolean } | undefined {
    const instance = this.defs.instances.get(numId);
    if (!instance) return undefined;
    const levels = this.defs.abstract.get(instance.abstractId);
    if (!levels) return undefined;
    const levelOf = (i: number): NumberingLevel | undefined => instance.levelOverride.get(i) ?? levels[i];
    const level = levelOf(ilvl);
    if (!level) return undefined;
    let counts = this.counters.get(instance.abstractId);
    if (!counts) {
      counts = [];
      this.counters.set(instance.abstractId, counts);
    }
    if (!this.started.has(numId)) {
      this.started.add(numId);
      for (const [i, start] of instance.startOverride) counts[i] = start - 1;
      // A restarted instance starts every level below the overridden ones afresh.
      if (instance.startOverride.size > 0) for (let i = Math.max(...instance.startOverride.keys()) + 1; i < 9; i++) counts[i] = undefined as unknown as number;
    }
    counts[ilvl] = (counts[ilvl] ?? level.start - 1) + 1;
    // Deeper levels restart (unless their lvlRestart says otherwise).
    for (let i = ilvl + 1; i < 9; i++) {
      const deeper = levelOf(i);
      const restart = deeper?.restart;
      if (restart === 0) continue;
      if (restart === undefined || ilvl < restart) counts[i] = undefined as unknown as number;
    }
    if (level.format === 'bullet') return { label: '-', bullet: true };
    const label = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1;
      const l = levelOf(i);
      const value = counts![i] ?? l?.start ?? 1;
      return formatNumber(value, level.legal && i !== ilvl ? 'decimal' : l?.format ?? 'decimal');
    });
    return { label, bullet: false, ...(level.suffix === 'nothing' ? { joined: true } : {}) };
  }
}

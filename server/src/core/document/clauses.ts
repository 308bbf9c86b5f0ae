// Clause boundaries: targets and claims are stated clause by clause.

/** Clauses of a line: split on `;` outside parentheses and at sentence ends. */
export function clauseBounds(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === ';' || (c === '.' && /^\.\s+\p{Lu}/u.test(text.slice(i, i + 3))))) {
      out.push({ start, end: i });
      start = i + 1;
    }
  }
  out.push({ start, end: text.length });
  return out;
}

// The explicit rule registry. Order is the order findings of equal position are listed in.
import type { RuleDefinition } from './rule.js';

export const rules: RuleDefinition[] = [];

const byId = new Map(rules.map((r) => [r.id, r]));
export function ruleById(id: string): RuleDefinition | undefined {
  return byId.get(id);
}

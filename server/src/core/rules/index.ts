// The explicit rule registry. Order is the order findings of equal position are listed in.
import footnoteReference from './footnote-reference.js';
import missingSection from './missing-section.js';
import type { RuleDefinition } from './rule.js';
import tableMismatch from './table-mismatch.js';
import averageClaim from './average-claim.js';
import growthClaim from './growth-claim.js';
import ratioClaim from './ratio-claim.js';
import sumMismatch from './sum-mismatch.js';
import countClaim from './count-claim.js';
import statusMismatch from './status-mismatch.js';
import resolutionMismatch from './resolution-mismatch.js';
import sectionNumbering from './section-numbering.js';
import targetPercentage from './target-percentage.js';
import targetPillar from './target-pillar.js';
import targetRegression from './target-regression.js';
import targetValue from './target-value.js';
import targetYear from './target-year.js';

export const rules: RuleDefinition[] = [
  targetYear,
  targetValue,
  targetPercentage,
  targetPillar,
  targetRegression,
  sectionNumbering,
  missingSection,
  footnoteReference,
  tableMismatch,
  ratioClaim,
  growthClaim,
  averageClaim,
  sumMismatch,
  countClaim,
  statusMismatch,
  resolutionMismatch,
];

const byId = new Map(rules.map((r) => [r.id, r]));
export function ruleById(id: string): RuleDefinition | undefined {
  return byId.get(id);
}

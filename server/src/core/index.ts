// The public surface of the analysis core.
export * from './types.js';
export * from './config.js';
export * from './engine.js';
export * from './text.js';
export type * from './document/model.js';
export type * from './document/tables.js';
export type { Quantity, VnNumber, Comparator, Interval } from './numbers.js';
export { parseVnNumber, scanQuantities } from './numbers.js';
export { rules, ruleById } from './rules/index.js';
export { ruleDocPath, type RuleDefinition } from './rules/rule.js';
export { parseDocument } from './document/parse.js';
export { analysisFailure, DocumentLimitError, MAX_NESTING } from './document/limits.js';

// The configuration the core needs, already validated and merged (server/src/config parses files).

import type { SeveritySetting } from './types.js';

export interface PillarDefinition {
  id: string;
  /** Display name: "Chính quyền số". */
  name: string;
  /** Other ways documents name it; matched tone-, case- and Unicode-form-insensitively. */
  aliases: string[];
}

export interface CoreConfig {
  /** Rule id → severity override ("off" disables). */
  rules: Record<string, SeveritySetting>;
  /** Rule id → rule options. */
  ruleOptions: Record<string, Record<string, unknown>>;
  pillars: PillarDefinition[];
  /** Groups of indicator wordings that mean the same indicator. */
  indicatorSynonyms: string[][];
  /** Extra absolute tolerance added to the stated precision in arithmetic checks (percentage points
   *  for percentages, units otherwise). 0 = stated precision only. */
  tolerance: number;
}

export const DEFAULT_PILLARS: PillarDefinition[] = [
  { id: 'chinh-quyen-so', name: 'Chính quyền số', aliases: ['Chính phủ số'] },
  { id: 'kinh-te-so', name: 'Kinh tế số', aliases: [] },
  { id: 'xa-hoi-so', name: 'Xã hội số', aliases: [] },
];

export function defaultConfig(): CoreConfig {
  return { rules: {}, ruleOptions: {}, pillars: DEFAULT_PILLARS, indicatorSynonyms: [], tolerance: 0 };
}

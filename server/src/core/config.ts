// The configuration the core needs, already validated and merged (server/src/config parses files).

import type { SeveritySetting } from './types.js';

export interface PillarDefinition {
  id: string;
  /** Display name: "Chính quyền số". */
  name: string;
  /** Other ways documents name it; matched tone-, case- and Unicode-form-insensitively, in a
   *  heading or in a target's own subject. */
  aliases: string[];
  /** Phrases in a province's own words that, in a section heading, put the section under this
   *  pillar (`chính quyền điện tử`, `kỹ năng số`). Only headings are read for cues: in a target's
   *  text they name what is measured, not the pillar. */
  cues?: string[];
  /** A real group a document may use besides the three pillars (`Hạ tầng số`, `Dữ liệu số`): a
   *  target under it has a group, so `target-pillar` is silent, but it is not offered as a pillar. */
  group?: boolean;
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
  /** Check a document even when it is not recognised as a policy document (no kind line, no
   *  standard section): set for files matched by the configuration's `include` patterns. */
  checkUnrecognised?: boolean;
}

// The three pillars of the national programme (749/QĐ-TTg) and the cue phrases provinces use for
// them in headings; two groups many plans add; documented in docs/rules/target-pillar.md and
// extendable in `.vanbanrc.json` (`pillars[].aliases`, `pillars[].cues`).
export const DEFAULT_PILLARS: PillarDefinition[] = [
  {
    id: 'chinh-quyen-so',
    name: 'Chính quyền số',
    aliases: ['Chính phủ số'],
    cues: [
      'chính quyền điện tử',
      'chính phủ điện tử',
      'chuyển đổi số trong hoạt động của các cơ quan Đảng',
      'chuyển đổi số trong các cơ quan Đảng',
      'chuyển đổi số trong cơ quan nhà nước',
      'chuyển đổi số trong hoạt động của cơ quan nhà nước',
      'cơ quan Đảng, Nhà nước',
      'dịch vụ công trực tuyến',
      'cải cách hành chính',
    ],
  },
  {
    id: 'kinh-te-so',
    name: 'Kinh tế số',
    aliases: [],
    cues: ['doanh nghiệp công nghệ số', 'thương mại điện tử', 'kinh tế nền tảng', 'công nghiệp công nghệ số'],
  },
  {
    id: 'xa-hoi-so',
    name: 'Xã hội số',
    aliases: [],
    cues: ['công dân số', 'kỹ năng số', 'văn hóa số', 'nhân lực số', 'thanh toán không dùng tiền mặt'],
  },
  { id: 'ha-tang-so', name: 'Hạ tầng số', aliases: [], cues: ['hạ tầng viễn thông', 'hạ tầng kỹ thuật số'], group: true },
  { id: 'du-lieu-so', name: 'Dữ liệu số', aliases: [], cues: ['nền tảng số và dữ liệu số', 'dữ liệu và nền tảng số'], group: true },
];

export function defaultConfig(): CoreConfig {
  return { rules: {}, ruleOptions: {}, pillars: DEFAULT_PILLARS, indicatorSynonyms: [], tolerance: 0 };
}

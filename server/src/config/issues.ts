// zod validation issues → one bilingual sentence per problem, at the key it is about. zod's own
// messages are English and name internal shapes ("expected tuple"); a drafter editing a
// configuration file needs "expected one of off|hint|information|warning|error".

import { rules } from '../core/rules/index.js';
import { nearest } from '../core/suppress.js';
import type { LocalizedText } from '../core/types.js';

/** The subset of zod v4's issue shape that is read here. */
export interface IssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  values?: unknown[];
  expected?: string;
  keys?: string[];
  errors?: IssueLike[][];
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  format?: string;
}

export interface DescribedIssue {
  path: (string | number)[];
  /** For an unknown key: the key, so that the range is the key rather than its object. */
  keyName?: string;
  message: LocalizedText;
}

const TYPE_NAMES: Record<string, LocalizedText> = {
  string: { vi: 'chuỗi', en: 'a string' },
  number: { vi: 'số', en: 'a number' },
  int: { vi: 'số nguyên', en: 'an integer' },
  boolean: { vi: 'true hoặc false', en: 'true or false' },
  array: { vi: 'mảng', en: 'an array' },
  tuple: { vi: 'mảng', en: 'an array' },
  object: { vi: 'đối tượng', en: 'an object' },
  record: { vi: 'đối tượng', en: 'an object' },
};

function valueAt(root: unknown, path: (string | number)[]): unknown {
  let v = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

function plainPath(path: PropertyKey[]): (string | number)[] {
  return path.map((p) => (typeof p === 'number' ? p : String(p)));
}

export function describeIssue(issue: IssueLike, root: unknown, base: (string | number)[] = []): DescribedIssue[] {
  const path = [...base, ...plainPath(issue.path)];
  switch (issue.code) {
    case 'invalid_union': {
      // Report the alternative that matched the value's shape best: the one with the fewest
      // problems at the value itself (a string is judged as a severity, an array as [severity, options]).
      const branches = issue.errors ?? [];
      if (branches.length === 0) break;
      const rootCount = (b: IssueLike[]) => b.filter((i) => i.path.length === 0).length;
      const best = branches.reduce((a, b) => (rootCount(b) < rootCount(a) ? b : a));
      return best.flatMap((i) => describeIssue(i, root, path));
    }
    case 'invalid_value':
      if (issue.values) {
        const list = issue.values.map(String).join('|');
        return [{ path, message: { vi: `phải là một trong ${list}`, en: `expected one of ${list}` } }];
      }
      break;
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected ?? ''] ?? { vi: issue.expected ?? '?', en: issue.expected ?? '?' };
      if (valueAt(root, path) === undefined) {
        return [{ path, message: { vi: `thiếu giá trị (cần ${expected.vi})`, en: `missing (expected ${expected.en})` } }];
      }
      return [{ path, message: { vi: `phải là ${expected.vi}`, en: `expected ${expected.en}` } }];
    }
    case 'unrecognized_keys': {
      const underRules = path.length === 1 && path[0] === 'rules';
      // A typo gets the rule it was meant to be; the full list would grow with every rule.
      const ids = rules.map((r) => r.id);
      return (issue.keys ?? []).map((keyName) => {
        const guess = nearest(keyName, ids);
        return {
          path,
          keyName,
          message: underRules
            ? guess
              ? { vi: `quy tắc không tồn tại (có phải là "${guess}"?)`, en: `unknown rule (did you mean "${guess}"?)` }
              : { vi: 'quy tắc không tồn tại (xem docs/rules/)', en: 'unknown rule (see docs/rules/)' }
            : { vi: 'khoá không hợp lệ', en: 'unknown key' },
        };
      });
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const bound = Number(small ? issue.minimum : issue.maximum);
      const op = issue.inclusive === false ? (small ? '>' : '<') : small ? '≥' : '≤';
      if (issue.origin === 'string' && small && bound === 1) {
        return [{ path, message: { vi: 'không được để trống', en: 'must not be empty' } }];
      }
      if (issue.origin === 'array') {
        return [
          {
            path,
            message: small
              ? { vi: `cần ít nhất ${bound} phần tử`, en: `needs at least ${bound} items` }
              : { vi: `có nhiều nhất ${bound} phần tử`, en: `has at most ${bound} items` },
          },
        ];
      }
      return [{ path, message: { vi: `phải ${op} ${bound}`, en: `must be ${op} ${bound}` } }];
    }
    case 'invalid_format':
      return [{ path, message: { vi: `không đúng dạng (${issue.message})`, en: `invalid format (${issue.message})` } }];
  }
  return [{ path, message: { vi: issue.message, en: issue.message } }];
}

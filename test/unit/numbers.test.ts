// Vietnamese numbers and the quantity scanner (domain guide §3, §4). Sentences are written in the
// style of the seed documents; expectations check values, stated precision, kinds, comparators and
// exact spans.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  parseVnNumber,
  scanQuantities,
  wordKey,
  type Comparator,
  type NonQuantityKind,
  type Quantity,
} from '../../server/src/core/numbers.js';
import type { Span } from '../../server/src/core/types.js';
import { SEEDS, SEEDS_ABSENT, seed } from '../helpers.js';

const close = (actual: number, expected: number, what: string): void =>
  assert.ok(Math.abs(actual - expected) <= Math.abs(expected) * 1e-12 + 1e-12, `${what}: ${actual} ≠ ${expected}`);

/** Span of the n-th occurrence (0-based) of `fragment` in `text`. */
function spanOf(text: string, fragment: string, occurrence = 0): Span {
  let s = -1;
  for (let k = 0; k <= occurrence; k++) {
    s = text.indexOf(fragment, s + 1);
    assert.ok(s >= 0, `"${fragment}" (#${occurrence}) not in "${text}"`);
  }
  return { start: s, end: s + fragment.length };
}

const slice = (text: string, span: Span | undefined): string | undefined => (span ? text.slice(span.start, span.end) : undefined);

interface Expect {
  /** The quantity's span text (its first occurrence unless `occurrence`). */
  span: string;
  occurrence?: number;
  kind: Quantity['kind'];
  value: number;
  lo?: number;
  hi?: number;
  decimals?: number;
  /** The digits as written (defaults to the start of `span` up to the first non-number char). */
  number?: string;
  comparator?: Comparator;
  comparatorSpan?: string;
  maintained?: Comparator;
  unit?: string;
  baseUnit?: string;
  multiplier?: string;
  denominator?: number;
  denominatorSpan?: string;
  denominatorUnit?: string;
}

/** Finds the quantity at `e.span` and checks every stated property; unstated optional ones must be absent. */
function expectQuantity(text: string, e: Expect): Quantity {
  const { quantities } = scanQuantities(text);
  const want = spanOf(text, e.span, e.occurrence);
  const q = quantities.find((x) => x.span.start === want.start);
  assert.ok(q, `no quantity at "${e.span}" in "${text}"; got ${JSON.stringify(quantities.map((x) => slice(text, x.span)))}`);
  assert.deepEqual(q.span, want, 'span');
  assert.equal(q.kind, e.kind, 'kind');
  close(q.number.value, e.value, 'value');
  if (e.lo !== undefined) close(q.number.lo, e.lo, 'lo');
  if (e.hi !== undefined) close(q.number.hi, e.hi, 'hi');
  if (e.decimals !== undefined) assert.equal(q.number.decimals, e.decimals, 'decimals');
  const digits = e.number ?? /^[\d.,]+/.exec(e.span)![0];
  assert.equal(q.number.text, digits, 'number text');
  assert.deepEqual(q.numberSpan, { start: want.start, end: want.start + digits.length }, 'numberSpan');
  assert.equal(q.comparator, e.comparator ?? 'eq', 'comparator');
  assert.equal(slice(text, q.comparatorSpan), e.comparatorSpan, 'comparatorSpan');
  assert.equal(q.maintained, e.maintained, 'maintained');
  assert.equal(q.unit, e.unit, 'unit');
  if (e.baseUnit !== undefined) assert.equal(q.baseUnit, e.baseUnit, 'baseUnit');
  assert.equal(q.multiplier, e.multiplier, 'multiplier');
  if (e.denominator !== undefined) close(q.denominator!.value, e.denominator, 'denominator');
  else assert.equal(q.denominator, undefined, 'denominator');
  if (e.denominatorSpan !== undefined) {
    assert.deepEqual(q.denominatorSpan, spanOf(text, e.denominatorSpan, 0), 'denominatorSpan');
  }
  assert.equal(q.denominatorUnit, e.denominatorUnit, 'denominatorUnit');
  return q;
}

/** `fragment` is excluded with `kind` (exact span), and no quantity overlaps it. */
function expectExcluded(text: string, fragment: string, kind: NonQuantityKind, value?: number, occurrence = 0): void {
  const { quantities, excluded } = scanQuantities(text);
  const want = spanOf(text, fragment, occurrence);
  const x = excluded.find((e) => e.span.start === want.start && e.span.end === want.end);
  assert.ok(x, `"${fragment}" not excluded in "${text}"; got ${JSON.stringify(excluded.map((e) => [e.kind, e.text]))}`);
  assert.equal(x.kind, kind, `kind of "${fragment}"`);
  assert.equal(x.text, fragment);
  if (value !== undefined) assert.equal(x.value, value, `value of "${fragment}"`);
  for (const q of quantities) {
    assert.ok(q.span.end <= want.start || q.span.start >= want.end, `quantity "${slice(text, q.span)}" overlaps "${fragment}"`);
  }
}

const noQuantities = (text: string): void =>
  assert.deepEqual(
    scanQuantities(text).quantities.map((q) => slice(text, q.span)),
    [],
    `quantities found in "${text}"`,
  );

// ---------------------------------------------------------------------------------------------

describe('parseVnNumber', () => {
  const cases: [string, number, number, number, number][] = [
    // text, value, decimals, lo, hi
    ['862.509', 862509, 0, 862508.5, 862509.5],
    ['1.308,9', 1308.9, 1, 1308.85, 1308.95],
    ['9,54', 9.54, 2, 9.535, 9.545],
    ['7,0', 7, 1, 6.95, 7.05],
    ['84,027', 84.027, 3, 84.0265, 84.0275],
    ['100', 100, 0, 99.5, 100.5],
    ['06', 6, 0, 5.5, 6.5],
    ['1.398.424', 1398424, 0, 1398423.5, 1398424.5],
    ['0,15', 0.15, 2, 0.145, 0.155],
    ['185,377', 185.377, 3, 185.3765, 185.3775],
  ];
  for (const [text, value, decimals, lo, hi] of cases) {
    test(`${text} = ${value} ± half a unit of its last digit`, () => {
      const n = parseVnNumber(text)!;
      assert.ok(n);
      close(n.value, value, 'value');
      assert.equal(n.decimals, decimals);
      close(n.lo, lo, 'lo');
      close(n.hi, hi, 'hi');
      assert.equal(n.text, text);
    });
  }

  test('bounds are the doubles nearest the exact half-units', () => {
    const n = parseVnNumber('9,54')!;
    assert.equal(n.lo, 9.535);
    assert.equal(n.hi, 9.545);
    assert.equal(parseVnNumber('84,027')!.value, 84.027);
  });

  test('surrounding whitespace is ignored', () => {
    assert.equal(parseVnNumber(' 100 ')!.value, 100);
  });

  for (const bad of ['2.2.1', '10.10', '1.38', '4.40', '', '  ', 'abc', '1.2345', '12.34,5', '01.234', '1,', ',5', '9,54%', '-5', '1 000', '1234567890123456']) {
    test(`"${bad}" is not a Vietnamese number`, () => {
      assert.equal(parseVnNumber(bad), undefined);
    });
  }
});

describe('wordKey', () => {
  test('ignores case, Unicode form and old/new tone placement, keeps the tone', () => {
    assert.equal(wordKey('Khoá'), wordKey('khóa'));
    assert.equal(wordKey('khoẻ'), wordKey('khỏe'));
    assert.equal(wordKey('TRÊN'), wordKey('trên'));
    assert.equal(wordKey('trên'.normalize('NFD')), wordKey('trên'));
    assert.notEqual(wordKey('hạng'), wordKey('hàng'));
    assert.notEqual(wordKey('từ'), wordKey('tư'));
  });
});

describe('percentages and comparators', () => {
  test('Trên 55% (a target bullet)', () => {
    const t = 'Trên 55% doanh nghiệp vừa và nhỏ tiến hành hoạt động kinh doanh trên các sàn giao dịch thương mại điện tử.';
    expectQuantity(t, { span: '55%', kind: 'percent', value: 55, lo: 54.5, hi: 55.5, decimals: 0, comparator: 'gt', comparatorSpan: 'Trên' });
  });

  test('đạt trên 50% on a heading line after its section number', () => {
    const t = '2.2.1.2. Kinh tế số: Tỷ lệ doanh nghiệp nhỏ và vừa sử dụng nền tảng số đạt trên 50%.';
    expectQuantity(t, { span: '50%', kind: 'percent', value: 50, comparator: 'gt', comparatorSpan: 'trên' });
    expectExcluded(t, '2.2.1.2.', 'ordinal');
    assert.equal(scanQuantities(t).quantities.length, 1);
  });

  test('tăng tối thiểu 7,0%', () => {
    const t = 'Năng suất lao động hằng năm tăng tối thiểu 7,0%.';
    expectQuantity(t, { span: '7,0%', kind: 'percent', value: 7, lo: 6.95, hi: 7.05, decimals: 1, comparator: 'gte', comparatorSpan: 'tối thiểu' });
  });

  test('trở lên after the noun phrase: 65% dân số trở lên', () => {
    const t = '65% dân số trở lên tham gia mua sắm trực tuyến.';
    expectQuantity(t, { span: '65%', kind: 'percent', value: 65, comparator: 'gte', comparatorSpan: 'trở lên' });
  });

  test('Từ … trở lên: the span is that of Từ', () => {
    const t = 'Từ 60% trở lên';
    expectQuantity(t, { span: '60%', kind: 'percent', value: 60, comparator: 'gte', comparatorSpan: 'Từ' });
  });

  test('a trở lên claimed by its own từ is not the percentage’s', () => {
    const t = '100% các cơ sở giáo dục từ bậc trung học cơ sở trở lên triển khai dạy và học từ xa.';
    expectQuantity(t, { span: '100%', kind: 'percent', value: 100 });
  });

  test('từ without trở lên starts a change, not a bound', () => {
    const t = 'Tỷ lệ hộ gia đình có cáp quang tăng từ 50% lên 62%.';
    expectQuantity(t, { span: '50%', kind: 'percent', value: 50 });
    expectQuantity(t, { span: '62%', kind: 'percent', value: 62 });
  });

  test('Dưới 10% (a table cell)', () => {
    expectQuantity('Dưới 10%', { span: '10%', kind: 'percent', value: 10, comparator: 'lt', comparatorSpan: 'Dưới' });
  });

  test('tối đa and không quá are ≤', () => {
    const t = 'Tỷ lệ hồ sơ giải quyết trễ hạn tối đa 2%; thời gian chờ không quá 15 phút.';
    expectQuantity(t, { span: '2%', kind: 'percent', value: 2, comparator: 'lte', comparatorSpan: 'tối đa' });
    expectQuantity(t, { span: '15', kind: 'count', value: 15, comparator: 'lte', comparatorSpan: 'không quá', unit: 'phút' });
  });

  test('không dưới and ít nhất are ≥', () => {
    const t = 'Tỷ lệ người dân hài lòng không dưới 90%; có ít nhất 1 đô thị thông minh.';
    expectQuantity(t, { span: '90%', kind: 'percent', value: 90, comparator: 'gte', comparatorSpan: 'không dưới' });
    expectQuantity(t, { span: '1', kind: 'count', value: 1, comparator: 'gte', comparatorSpan: 'ít nhất', unit: 'đô thị' });
  });

  test('Duy trì 100%: maintain, keeping an exact value', () => {
    expectQuantity('Duy trì 100%', { span: '100%', kind: 'percent', value: 100, comparator: 'maintain', comparatorSpan: 'Duy trì', maintained: 'eq' });
  });

  test('duy trì trên 75%: maintain wins, the bound it keeps is in maintained', () => {
    const t = 'Dân số có tài khoản thanh toán điện tử duy trì trên 75%';
    expectQuantity(t, { span: '75%', kind: 'percent', value: 75, comparator: 'maintain', comparatorSpan: 'duy trì trên', maintained: 'gt' });
  });

  test('ước đạt, khoảng, gần are approximate', () => {
    const t = 'Nông dân ứng dụng IoT (ước đạt 30%); khoảng 40% hộ gia đình; gần 150 người tham dự.';
    expectQuantity(t, { span: '30%', kind: 'percent', value: 30, comparator: 'approx', comparatorSpan: 'ước đạt' });
    expectQuantity(t, { span: '40%', kind: 'percent', value: 40, comparator: 'approx', comparatorSpan: 'khoảng' });
    expectQuantity(t, { span: '150', kind: 'count', value: 150, comparator: 'approx', comparatorSpan: 'gần', unit: 'người' });
  });

  test('hơn is >', () => {
    const t = 'Có hơn 200 doanh nghiệp hoạt động trong lĩnh vực công nghệ thông tin.';
    expectQuantity(t, { span: '200', kind: 'count', value: 200, comparator: 'gt', comparatorSpan: 'hơn', unit: 'doanh nghiệp' });
  });

  test('a verb before the comparator: phủ trên 80%', () => {
    const t = 'Hạ tầng mạng băng thông rộng cáp quang phủ trên 80% hộ gia đình, 100% đơn vị hành chính cấp xã;';
    expectQuantity(t, { span: '80%', kind: 'percent', value: 80, comparator: 'gt', comparatorSpan: 'trên' });
    expectQuantity(t, { span: '100%', kind: 'percent', value: 100 });
  });

  test('a verb between comparator and number: tối thiểu đạt 95%', () => {
    const t = 'Mức độ hài lòng của người dân tối thiểu đạt 95% vào năm 2025;';
    expectQuantity(t, { span: '95%', kind: 'percent', value: 95, comparator: 'gte', comparatorSpan: 'tối thiểu' });
    expectExcluded(t, 'năm 2025', 'year', 2025);
  });

  test('chiếm 20% has no comparator', () => {
    expectQuantity('Kinh tế số chiếm 20% GRDP;', { span: '20%', kind: 'percent', value: 20 });
  });

  test('vượt 3,39% and tăng 25,06% state differences, not bounds', () => {
    const t = 'Tỷ lệ tăng 25,06% so với đầu nhiệm kỳ, vượt 3,39% so với chỉ tiêu.';
    expectQuantity(t, { span: '25,06%', kind: 'percent', value: 25.06, lo: 25.055, hi: 25.065, decimals: 2 });
    expectQuantity(t, { span: '3,39%', kind: 'percent', value: 3.39, decimals: 2 });
    assert.equal(scanQuantities(t).excluded.length, 0, 'đầu nhiệm kỳ names no year');
  });

  test('100 % with a space, 50 phần trăm in words', () => {
    expectQuantity('đạt 100 % kế hoạch', { span: '100 %', kind: 'percent', value: 100 });
    expectQuantity('đạt 50 phần trăm', { span: '50 phần trăm', kind: 'percent', value: 50 });
  });

  test('several targets in one bullet, separated by ;', () => {
    const t = '100% hồ sơ công việc tại cấp tỉnh; 90% hồ sơ công việc tại cấp huyện và 70% hồ sơ công việc tại cấp xã được xử lý trên môi trường mạng.';
    const { quantities } = scanQuantities(t);
    assert.deepEqual(quantities.map((q) => [slice(t, q.span), q.comparator]), [
      ['100%', 'eq'],
      ['90%', 'eq'],
      ['70%', 'eq'],
    ]);
  });

  test('upper-case comparator', () => {
    expectQuantity('TRÊN 80% DÂN SỐ', { span: '80%', kind: 'percent', value: 80, comparator: 'gt', comparatorSpan: 'TRÊN' });
  });

  test('a range of percentages: 70 - 80%', () => {
    const t = 'đạt 70 - 80% số hộ';
    expectQuantity(t, { span: '70', kind: 'percent', value: 70 });
    expectQuantity(t, { span: '80%', kind: 'percent', value: 80 });
  });

  test('a footnote mark glued to a percentage is not a quantity', () => {
    const t = 'năng suất lao động bình quân hằng năm tăng 9,54%(2); duy trì 100% sản phẩm OCOP';
    expectQuantity(t, { span: '9,54%', kind: 'percent', value: 9.54, lo: 9.535, hi: 9.545, decimals: 2 });
    expectExcluded(t, '(2)', 'ordinal');
    expectQuantity(t, { span: '100%', kind: 'percent', value: 100, comparator: 'maintain', comparatorSpan: 'duy trì', maintained: 'eq' });
  });

  test('the comparator stays in its clause', () => {
    const t = 'kinh doanh trên sàn, 60% doanh nghiệp';
    expectQuantity(t, { span: '60%', kind: 'percent', value: 60 });
  });
});

describe('counts, multipliers and units', () => {
  test('1.308,9 tỷ đồng: multiplier applied, unit as written', () => {
    const t = 'Tổng kinh phí: 1.308,9 tỷ đồng. Trong đó:';
    expectQuantity(t, {
      span: '1.308,9 tỷ',
      kind: 'count',
      value: 1308.9e9,
      lo: 1308.85e9,
      hi: 1308.95e9,
      decimals: 1,
      multiplier: 'tỷ',
      unit: 'tỷ đồng',
      baseUnit: 'đồng',
    });
  });

  test('gần 1,9 triệu thuê bao', () => {
    const t = 'hơn 4.400 trạm thu, phát sóng thông tin di động mặt đất với gần 1,9 triệu thuê bao;';
    expectQuantity(t, { span: '4.400', kind: 'count', value: 4400, lo: 4399.5, hi: 4400.5, comparator: 'gt', comparatorSpan: 'hơn', unit: 'trạm' });
    expectQuantity(t, {
      span: '1,9 triệu',
      kind: 'count',
      value: 1.9e6,
      lo: 1.85e6,
      hi: 1.95e6,
      decimals: 1,
      comparator: 'approx',
      comparatorSpan: 'gần',
      multiplier: 'triệu',
      unit: 'triệu thuê bao',
      baseUnit: 'thuê bao',
    });
  });

  test('a footnote of yearly values: years excluded, money and growth kept', () => {
    const t = 'Năm 2022: 115 triệu đồng (tăng 13,86%); Năm 2023: 126 triệu đồng (tăng 9,56%)';
    expectQuantity(t, { span: '115 triệu', kind: 'count', value: 115e6, lo: 114.5e6, hi: 115.5e6, multiplier: 'triệu', unit: 'triệu đồng' });
    expectQuantity(t, { span: '13,86%', kind: 'percent', value: 13.86 });
    expectQuantity(t, { span: '126 triệu', kind: 'count', value: 126e6, multiplier: 'triệu', unit: 'triệu đồng' });
    expectQuantity(t, { span: '9,56%', kind: 'percent', value: 9.56, lo: 9.555, hi: 9.565 });
    expectExcluded(t, 'Năm 2022', 'year', 2022);
    expectExcluded(t, 'Năm 2023', 'year', 2023);
    assert.equal(scanQuantities(t).quantities.length, 4);
  });

  test('khoảng 0,15 tỷ đồng', () => {
    expectQuantity('với tổng kinh phí khoảng 0,15 tỷ đồng.', {
      span: '0,15 tỷ',
      kind: 'count',
      value: 1.5e8,
      lo: 1.45e8,
      hi: 1.55e8,
      comparator: 'approx',
      comparatorSpan: 'khoảng',
      multiplier: 'tỷ',
      unit: 'tỷ đồng',
    });
  });

  test('1,5 nghìn tỷ đồng: stacked multipliers', () => {
    expectQuantity('doanh thu 1,5 nghìn tỷ đồng', { span: '1,5 nghìn tỷ', kind: 'count', value: 1.5e12, multiplier: 'nghìn tỷ', unit: 'nghìn tỷ đồng', baseUnit: 'đồng' });
  });

  test('leading zero: có 08 doanh nghiệp', () => {
    expectQuantity('Hiện, có 08 doanh nghiệp cung cấp dịch vụ viễn thông', { span: '08', kind: 'count', value: 8, lo: 7.5, hi: 8.5, unit: 'doanh nghiệp' });
  });

  test('units with a slash and measures', () => {
    expectQuantity('lấy mức bình quân 2 triệu đồng/máy', { span: '2 triệu', kind: 'count', value: 2e6, multiplier: 'triệu', unit: 'triệu đồng/máy', baseUnit: 'đồng/máy' });
    expectQuantity('quy mô đăng ký 5,1 ha trồng bưởi', { span: '5,1', kind: 'count', value: 5.1, unit: 'ha' });
    expectQuantity('phạm vi 10ha', { span: '10', kind: 'count', value: 10, unit: 'ha' });
  });

  test('tỷ lệ is a ratio, not the multiplier tỷ', () => {
    const t = 'đã có 320 khóm, ấp thành lập Tổ công nghệ số cộng đồng (chiếm tỷ lệ 45,8%)';
    expectQuantity(t, { span: '320', kind: 'count', value: 320, unit: 'khóm' });
    expectQuantity(t, { span: '45,8%', kind: 'percent', value: 45.8 });
  });

  test('two-word nouns are kept whole', () => {
    const t = 'có 2.841 đại biểu tham dự; 72.265 cán bộ, đảng viên; 03 lĩnh vực ưu tiên';
    expectQuantity(t, { span: '2.841', kind: 'count', value: 2841, unit: 'đại biểu' });
    expectQuantity(t, { span: '72.265', kind: 'count', value: 72265, unit: 'cán bộ' });
    expectQuantity(t, { span: '03', kind: 'count', value: 3, unit: 'lĩnh vực' });
  });

  test('table cells of a funding appendix, tab-separated', () => {
    const t = '2023\t84,027\t87,143\t5,1\t214,4\t390,67';
    expectExcluded(t, '2023', 'year', 2023);
    expectQuantity(t, { span: '84,027', kind: 'count', value: 84.027, lo: 84.0265, hi: 84.0275, decimals: 3 });
    expectQuantity(t, { span: '390,67', kind: 'count', value: 390.67 });
    assert.equal(scanQuantities(t).quantities.length, 5);
  });

  test('a 4-digit number followed by a noun is a count', () => {
    expectQuantity('tiếp nhận 2021 hồ sơ trực tuyến', { span: '2021', kind: 'count', value: 2021, unit: 'hồ sơ' });
  });
});

describe('fractions', () => {
  test('862.509/834.204 tài khoản … vượt 3,39%', () => {
    const t = 'Đã kích hoạt 862.509/834.204 tài khoản định danh điện tử (VNeID), vượt 3,39% so với chỉ tiêu được giao;';
    expectQuantity(t, {
      span: '862.509/834.204',
      kind: 'fraction',
      value: 862509,
      lo: 862508.5,
      hi: 862509.5,
      denominator: 834204,
      denominatorSpan: '834.204',
      unit: 'tài khoản',
    });
    expectQuantity(t, { span: '3,39%', kind: 'percent', value: 3.39 });
  });

  test('words between numerator and slash: điện thoại Smartphone/1.929.691 dân', () => {
    const t = 'Toàn tỉnh có 1.398.424 điện thoại Smartphone/1.929.691 dân (đạt 72% dân số dùng Smartphone);';
    expectQuantity(t, {
      span: '1.398.424 điện thoại Smartphone/1.929.691',
      number: '1.398.424',
      kind: 'fraction',
      value: 1398424,
      denominator: 1929691,
      denominatorSpan: '1.929.691',
      unit: 'điện thoại smartphone',
      denominatorUnit: 'dân',
    });
    expectQuantity(t, { span: '72%', kind: 'percent', value: 72 });
  });

  test('129,1 thuê bao/100 dân', () => {
    const t = 'tỷ lệ thuê bao di động đạt 129,1 thuê bao/100 dân.';
    expectQuantity(t, {
      span: '129,1 thuê bao/100',
      number: '129,1',
      kind: 'fraction',
      value: 129.1,
      decimals: 1,
      denominator: 100,
      denominatorSpan: '100',
      unit: 'thuê bao',
      denominatorUnit: 'dân',
    });
  });

  test('indicator counts: 11/17 and 06/17 chỉ tiêu', () => {
    const t = 'Các chỉ tiêu đạt và vượt: gồm, có 11/17 chỉ tiêu; chưa đạt 06/17 chỉ tiêu.';
    expectQuantity(t, { span: '11/17', kind: 'fraction', value: 11, denominator: 17, unit: 'chỉ tiêu' });
    expectQuantity(t, { span: '06/17', kind: 'fraction', value: 6, denominator: 17, unit: 'chỉ tiêu' });
  });

  test('complete counts: 4/4 lớp, 12/12 huyện, 43/43 trường', () => {
    const t = 'Triển khai 4/4 lớp bảo đảm an toàn thông tin; ở cả 12/12 huyện, thành phố; kết nối đến 43/43 trường trung học phổ thông';
    expectQuantity(t, { span: '4/4', kind: 'fraction', value: 4, denominator: 4, unit: 'lớp' });
    expectQuantity(t, { span: '12/12', kind: 'fraction', value: 12, denominator: 12, unit: 'huyện' });
    expectQuantity(t, { span: '43/43', kind: 'fraction', value: 43, denominator: 43, unit: 'trường' });
  });

  test('a d/m look-alike before a noun stays a fraction', () => {
    expectQuantity('phủ sóng đến 10/12 huyện', { span: '10/12', kind: 'fraction', value: 10, denominator: 12, unit: 'huyện' });
  });
});

describe('document numbers', () => {
  const cases: [string, string][] = [
    ['Thực hiện Nghị quyết số 04-NQ/TU của Tỉnh ủy', '04-NQ/TU'],
    ['Kế hoạch thực hiện Nghị quyết số 04- NQ/TU của Ban Chấp hành', '04- NQ/TU'],
    ['Kế hoạch số 59/KH-UBND của UBND Tỉnh', '59/KH-UBND'],
    ['Nghị quyết số 39/NQ-HĐND quy định mức thu phí', '39/NQ-HĐND'],
    ['theo Báo cáo số 689/BCTH-CTK của Cục Thống kê', '689/BCTH-CTK'],
    ['Quyết định 99/QĐUBND-TL của UBND Tỉnh', '99/QĐUBND-TL'],
    ['theo Nghị định số 85/NĐ-CP, gồm', '85/NĐ-CP'],
    ['Thực hiện Quyết định 06/QĐ-TTg, Đồng Tháp đã bổ sung', '06/QĐ-TTg'],
    ['Kèm theo Báo cáo số 07 -BC/BCSD của Ban cán sự đảng', '07 -BC/BCSD'],
    ['Quyết định số 1398/QĐ-UBND-HC về việc ban hành Đề án', '1398/QĐ-UBND-HC'],
    ['theo Nghị định số 47/2020/NĐ-CP của Chính phủ', '47/2020/NĐ-CP'],
  ];
  for (const [t, doc] of cases) {
    test(doc, () => {
      expectExcluded(t, doc, 'document-number');
      noQuantities(t);
    });
  }

  test('a bare number after Kế hoạch số', () => {
    const t = 'theo Kế hoạch số 152 của Ủy ban';
    expectExcluded(t, '152', 'document-number');
    noQuantities(t);
  });
});

describe('dates', () => {
  test('ngày 31/12/2021 after a document number', () => {
    const t = 'Nghị quyết số 04-NQ/TU ngày 31/12/2021 của BCH Đảng bộ Tỉnh';
    expectExcluded(t, 'ngày 31/12/2021', 'date');
    expectExcluded(t, '04-NQ/TU', 'document-number');
    noQuantities(t);
  });

  test('a bare d/m/yyyy', () => {
    const t = 'Tính đến 31/12/2020, Cổng dịch vụ công trực tuyến đang cung cấp 1.588 dịch vụ công';
    expectExcluded(t, '31/12/2020', 'date');
    expectQuantity(t, { span: '1.588', kind: 'count', value: 1588, unit: 'dịch vụ công' });
  });

  test('ngày 10/10 and 10/10 hằng năm', () => {
    const t = 'Đồng Tháp chọn ngày 10/10 hằng năm là ngày Chuyển đổi số tỉnh.';
    expectExcluded(t, 'ngày 10/10', 'date');
    noQuantities(t);
    const u = 'Lấy 10/10 hằng năm là ngày Chuyển đổi số.';
    expectExcluded(u, '10/10', 'date');
    noQuantities(u);
  });

  test('10.10 is a date, not a number', () => {
    const t = 'khung chứa thông tin tuyên truyền ngày chuyển đổi số 10.10;';
    expectExcluded(t, '10.10', 'date');
    noQuantities(t);
  });

  test('ngày 31 tháng 12 năm 2021 is one date', () => {
    const t = 'Thực hiện Nghị quyết số 04- NQ/TU ngày 31 tháng 12 năm 2021 của Ban Chấp hành Đảng bộ Tỉnh';
    expectExcluded(t, 'ngày 31 tháng 12 năm 2021', 'date');
    assert.equal(scanQuantities(t).excluded.filter((e) => e.kind === 'year').length, 0);
    noQuantities(t);
  });

  test('Quý IV năm 2023', () => {
    const t = 'từ Quý IV năm 2023, Trường Chính trị triển khai các lớp; Quý I hằng năm';
    expectExcluded(t, 'Quý IV năm 2023', 'date');
    expectExcluded(t, 'Quý I', 'date', undefined, 1);
    noQuantities(t);
  });

  test('tháng 12/2021 and a date with a deadline word', () => {
    const t = 'hoàn thành trong tháng 12/2021; báo cáo trước 31/3.';
    expectExcluded(t, 'tháng 12/2021', 'date');
    expectExcluded(t, '31/3', 'date');
    noQuantities(t);
  });
});

describe('years', () => {
  test('năm 2023', () => {
    const t = 'tỷ lệ doanh thu kinh tế số năm 2023 đạt 4,96% GRDP';
    expectExcluded(t, 'năm 2023', 'year', 2023);
    expectQuantity(t, { span: '4,96%', kind: 'percent', value: 4.96 });
  });

  test('giai đoạn 2021 - 2025 (the last year is the value)', () => {
    const t = 'Nghị quyết về chuyển đổi số giai đoạn 2021 - 2025, định hướng đến năm 2030';
    expectExcluded(t, 'giai đoạn 2021 - 2025', 'year', 2025);
    expectExcluded(t, 'năm 2030', 'year', 2030);
    noQuantities(t);
  });

  test('2021-2025 without a keyword', () => {
    const t = 'Kế hoạch 2021-2025 của tỉnh';
    expectExcluded(t, '2021-2025', 'year', 2025);
    noQuantities(t);
  });

  test('nhiệm kỳ 2020 - 2025', () => {
    const t = 'Đại hội đại biểu Đảng bộ tỉnh lần thứ XVII, nhiệm kỳ 2020 - 2025';
    expectExcluded(t, 'nhiệm kỳ 2020 - 2025', 'year', 2025);
    expectExcluded(t, 'lần thứ XVII', 'ordinal');
    noQuantities(t);
  });

  test('a bare year after đến, and in a list', () => {
    const t = 'định hướng đến 2050; các năm 2021, 2022 và 2023';
    expectExcluded(t, '2050', 'year', 2050);
    expectExcluded(t, 'năm 2021', 'year', 2021);
    expectExcluded(t, '2022', 'year', 2022);
    expectExcluded(t, '2023', 'year', 2023);
    noQuantities(t);
  });

  test('a table header: KH 5 năm 2021 - 2025', () => {
    const t = 'KH 5 năm 2021 - 2025';
    expectExcluded(t, 'năm 2021 - 2025', 'year', 2025);
    expectQuantity(t, { span: '5', kind: 'count', value: 5, unit: 'năm' });
  });
});

describe('technologies', () => {
  test('4G/5G is one technology', () => {
    const t = 'phổ cập dịch vụ mạng di động 4G/5G và điện thoại di động thông minh';
    expectExcluded(t, '4G/5G', 'technology');
    noQuantities(t);
  });

  test('3G, 4G and 5G', () => {
    const t = '100% khóm, ấp phủ sóng thông tin di động 3G, 4G; thử nghiệm mạng 5G';
    expectExcluded(t, '3G', 'technology');
    expectExcluded(t, '4G', 'technology');
    expectExcluded(t, '5G', 'technology');
    assert.equal(scanQuantities(t).quantities.length, 1);
  });

  test('IPv6, COVID-19, 3D, V20', () => {
    const t = 'chuyển đổi IPv6; dịch bệnh COVID-19; công nghệ 3D, 4D; Nền tảng quản lý V20';
    expectExcluded(t, 'IPv6', 'technology');
    expectExcluded(t, 'COVID-19', 'technology');
    expectExcluded(t, '3D', 'technology');
    expectExcluded(t, 'V20', 'technology');
    noQuantities(t);
  });

  test('công nghiệp 4.0', () => {
    const t = 'ứng dụng các thành tựu của cách mạng công nghiệp 4.0, phát triển kinh tế số';
    expectExcluded(t, 'cách mạng công nghiệp 4.0', 'technology');
    noQuantities(t);
    const u = 'giải pháp công nghệ 4.0 trong sản xuất';
    expectExcluded(u, 'công nghệ 4.0', 'technology');
    noQuantities(u);
  });

  test('Internet of Things has no number', () => {
    const t = 'Internet vạn vật: Internet of Things (IoT)';
    assert.deepEqual(scanQuantities(t), { quantities: [], excluded: [] });
  });
});

describe('ranks', () => {
  test('đứng thứ 19/63 and tăng 7 bậc', () => {
    const t = 'chỉ số ICT Index của tỉnh đứng thứ 19/63 tỉnh, thành phố (tăng 7 bậc so với năm 2018)';
    expectExcluded(t, 'đứng thứ 19/63', 'rank', 19);
    expectExcluded(t, '7 bậc', 'rank', 7);
    expectExcluded(t, 'năm 2018', 'year', 2018);
    noQuantities(t);
  });

  test('Xếp thứ 54/56 and xếp hạng 09/63', () => {
    const t = 'Xếp thứ 54/56 theo Báo cáo chỉ số Thương mại điện tử; được xếp hạng 09/63 tỉnh thành.';
    expectExcluded(t, 'Xếp thứ 54/56', 'rank', 54);
    expectExcluded(t, 'xếp hạng 09/63', 'rank', 9);
    noQuantities(t);
  });

  test('nhóm 20 tỉnh and top 10', () => {
    const t = 'thuộc nhóm 20 tỉnh/thành phố dẫn đầu cả nước; vào top 10 địa phương';
    expectExcluded(t, 'nhóm 20', 'rank', 20);
    expectExcluded(t, 'top 10', 'rank', 10);
    noQuantities(t);
  });

  test('thứ 15/63 is a rank, not a ratio', () => {
    const t = 'Tỉnh được xếp thứ 15/63 tỉnh, thành phố của cả nước, đứng thứ 2/13 tỉnh Đồng bằng sông Cửu Long';
    expectExcluded(t, 'xếp thứ 15/63', 'rank', 15);
    expectExcluded(t, 'đứng thứ 2/13', 'rank', 2);
    noQuantities(t);
  });
});

describe('levels', () => {
  test('mức độ 3 and mức độ 4 around counts', () => {
    const t = 'đang cung cấp 1.588 dịch vụ công mức độ 3 và 343 dịch vụ công mức độ 4';
    expectExcluded(t, 'mức độ 3', 'level', 3);
    expectExcluded(t, 'mức độ 4', 'level', 4);
    expectQuantity(t, { span: '1.588', kind: 'count', value: 1588, unit: 'dịch vụ công' });
    expectQuantity(t, { span: '343', kind: 'count', value: 343, unit: 'dịch vụ công' });
  });

  test('mức 4, cấp độ 3, phiên bản 2.0, cấp 2', () => {
    const t = 'dịch vụ công trực tuyến mức 4; hệ thống cấp độ 3; Kiến trúc phiên bản 2.0; trường cấp 2';
    expectExcluded(t, 'mức 4', 'level', 4);
    expectExcluded(t, 'cấp độ 3', 'level', 3);
    expectExcluded(t, 'phiên bản 2.0', 'level', 2);
    expectExcluded(t, 'cấp 2', 'level', 2);
    noQuantities(t);
  });

  test('cấp as a verb and mức before a percentage are not levels', () => {
    const t = 'được cấp 10 mã số xuất khẩu; tăng trưởng ở mức 5%';
    expectQuantity(t, { span: '10', kind: 'count', value: 10, unit: 'mã số' });
    expectQuantity(t, { span: '5%', kind: 'percent', value: 5 });
    assert.equal(scanQuantities(t).excluded.length, 0);
  });
});

describe('ordinals', () => {
  test('lần thứ tư, lần thứ 4', () => {
    const t = 'cuộc Cách mạng công nghiệp lần thứ tư; Cách mạng công nghiệp lần thứ 4 đang diễn ra';
    expectExcluded(t, 'lần thứ tư', 'ordinal');
    expectExcluded(t, 'lần thứ 4', 'ordinal', 4);
    noQuantities(t);
  });

  test('khoá XI, khóa XI (both tone placements), Đại hội XIII', () => {
    const t = 'Ban Chấp hành Đảng bộ Tỉnh khoá XI và khóa XI; Nghị quyết Đại hội XIII của Đảng';
    expectExcluded(t, 'khoá XI', 'ordinal');
    expectExcluded(t, 'khóa XI', 'ordinal');
    expectExcluded(t, 'Đại hội XIII', 'ordinal');
    noQuantities(t);
  });

  test('Roman section labels', () => {
    const t = 'II. QUAN ĐIỂM, MỤC TIÊU';
    expectExcluded(t, 'II', 'ordinal');
    noQuantities(t);
  });

  test('section numbers at the start of the string', () => {
    const t = '2.2.1. Mục tiêu cụ thể đến năm 2025';
    expectExcluded(t, '2.2.1.', 'ordinal');
    expectExcluded(t, 'năm 2025', 'year', 2025);
    noQuantities(t);
    const u = '12.1\tHuyện uỷ\t97-KH/HU\t10/3/2022';
    expectExcluded(u, '12.1', 'ordinal');
    expectExcluded(u, '97-KH/HU', 'document-number');
    expectExcluded(u, '10/3/2022', 'date');
    noQuantities(u);
  });

  test('Phụ lục 02 and a footnote definition mark', () => {
    const t = '(2). Năm 2020: 96 triệu đồng; chi tiết tại Phụ lục 02';
    expectExcluded(t, '(2)', 'ordinal');
    expectExcluded(t, 'Phụ lục 02', 'ordinal', 2);
    expectQuantity(t, { span: '96 triệu', kind: 'count', value: 96e6, multiplier: 'triệu', unit: 'triệu đồng' });
  });

  test('footnote marks that lost their <sup>', () => {
    const t = 'bước đầu đã mang lại một số kết quả thiết thực1. Kế hoạch hoạt động năm 2023 (6).';
    expectExcluded(t, '1', 'ordinal');
    expectExcluded(t, '(6)', 'ordinal');
    noQuantities(t);
  });

  test('numbered names: Phường 1, Mỹ Đông 2', () => {
    const t = 'tuyến phố Nguyễn Huệ (Phường 1 và Phường 2); Hợp tác xã Mỹ Đông 2 đang thực hiện';
    expectExcluded(t, 'Phường 1', 'ordinal', 1);
    expectExcluded(t, 'Phường 2', 'ordinal', 2);
    expectExcluded(t, 'Đông 2', 'ordinal', 2);
    noQuantities(t);
  });
});

describe('Unicode forms', () => {
  const sentences = [
    'Trên 55% doanh nghiệp vừa và nhỏ',
    'Năng suất lao động hằng năm tăng tối thiểu 7,0%.',
    '65% dân số trở lên tham gia mua sắm trực tuyến.',
    'Từ 60% trở lên',
    'Dưới 10%',
    'Tỷ lệ hồ sơ trễ hạn tối đa 2%',
    'không quá 3% hồ sơ',
    'có ít nhất 1 đô thị thông minh',
    'Duy trì trên 75%',
    'Duy trì 100%',
    'ước đạt 30%; khoảng 40%; gần 1,9 triệu thuê bao',
    'Hạ tầng cáp quang phủ trên 80% hộ gia đình',
    'Nghị quyết số 04- NQ/TU ngày 31 tháng 12 năm 2021 của Tỉnh ủy khóa XI',
    'đứng thứ 19/63 tỉnh; dịch vụ công mức độ 4; Quý IV năm 2023; lần thứ tư',
  ];
  for (const nfc of sentences) {
    test(`NFD gives the same result: ${nfc}`, () => {
      const nfd = nfc.normalize('NFD');
      assert.notEqual(nfd, nfc);
      const a = scanQuantities(nfc);
      const b = scanQuantities(nfd);
      const view = (t: string, r: ReturnType<typeof scanQuantities>) => ({
        q: r.quantities.map((q) => [q.kind, q.number.value, q.comparator, q.maintained, slice(t, q.span)?.normalize('NFC'), slice(t, q.comparatorSpan)?.normalize('NFC'), q.unit]),
        x: r.excluded.map((e) => [e.kind, e.text.normalize('NFC'), e.value]),
      });
      assert.deepEqual(view(nfd, b), view(nfc, a));
      assert.ok(a.quantities.length + a.excluded.length > 0);
      // Units are reported in NFC whatever the input form.
      for (const q of b.quantities) if (q.unit) assert.equal(q.unit, q.unit.normalize('NFC'));
    });
  }
});

describe('robustness', () => {
  test('empty and number-free text', () => {
    assert.deepEqual(scanQuantities(''), { quantities: [], excluded: [] });
    assert.deepEqual(scanQuantities('Phổ cập dịch vụ mạng di động và điện thoại di động thông minh'), { quantities: [], excluded: [] });
  });

  test('digit runs that are not Vietnamese numbers are skipped', () => {
    noQuantities('hơn 1.38 triệu thuê bao; mã 4.40');
  });

  test('URLs are skipped', () => {
    noQuantities('truy cập <https://t63.mic.gov.vn/2023/10/12> và www.example.vn/5/6');
  });

  test('offsets are relative to the given string', () => {
    const t = '   đạt trên 50%';
    const q = scanQuantities(t).quantities[0]!;
    assert.deepEqual(q.span, { start: 12, end: 15 });
    assert.deepEqual(q.comparatorSpan, { start: 7, end: 11 });
  });

  test('quantities and exclusions come sorted and never overlap', () => {
    const t =
      'Hệ thống hội nghị trực tuyến kết nối đến 43/43 trường, 10/12 phòng giáo dục và đào tạo; ngày 15 tháng 02 năm 2024, ' +
      'Báo cáo số 07-BC/BCSD; trên 80% hộ gia đình; 2021 - 2025; 4G/5G; thứ 5/63; 1,38 triệu thuê bao; mức độ 4; 25 Kế hoạch.';
    const { quantities, excluded } = scanQuantities(t);
    const spans = [...quantities.map((q) => q.span), ...excluded.map((e) => e.span)].sort((a, b) => a.start - b.start);
    for (let k = 1; k < spans.length; k++) assert.ok(spans[k - 1]!.end <= spans[k]!.start, 'overlap');
    for (let k = 1; k < quantities.length; k++) assert.ok(quantities[k - 1]!.span.start < quantities[k]!.span.start);
    for (let k = 1; k < excluded.length; k++) assert.ok(excluded[k - 1]!.span.start <= excluded[k]!.span.start);
    assert.equal(quantities.length, 5);
  });

  test('200 kB pathological lines return', () => {
    const lines = [
      '1.'.repeat(1e5),
      '1,'.repeat(1e5),
      '9'.repeat(2e5),
      '1/'.repeat(1e5),
      '5' + ' '.repeat(2e5) + '%',
      'trên '.repeat(4e4) + '5%',
      '1 '.repeat(1e5),
      '('.repeat(1e5) + '1' + ')'.repeat(1e5),
      ('60% ' + 'dân '.repeat(3)).repeat(1.5e4) + 'trở lên',
      'XI '.repeat(6e4),
      'ngày 1/2/3 tháng 4 năm 5 '.repeat(8e3),
      '2021-'.repeat(4e4),
      'ệ'.normalize('NFD').repeat(7e4),
    ];
    for (const line of lines) {
      const r = scanQuantities(line);
      assert.ok(Array.isArray(r.quantities) && Array.isArray(r.excluded));
    }
  });
});

describe('seeds', () => {
  const files = Object.values(SEEDS);
  test('no document number, date, year or technology is read as a quantity', (t) => {
    const texts = files.map((f) => seed(f));
    if (texts.some((x) => x === undefined)) {
      t.skip(SEEDS_ABSENT);
      return;
    }
    let percentages = 0;
    for (const text of texts as string[]) {
      for (const raw of text.split('\n')) {
        const line = raw.replace(/<[^>]+>/g, ' ').replace(/\*+/g, '');
        for (const q of scanQuantities(line).quantities) {
          const s = line.slice(q.span.start, q.span.end);
          assert.doesNotMatch(s, /[A-ZĐ]{2}|\d{1,2}\/\d{1,2}\/\d{4}|^\d+G$|^(?:19|20)\d\d$/, `"${s}" in: ${line.slice(0, 120)}`);
          assert.doesNotMatch(line.slice(q.span.end, q.span.end + 3), /^[-/][A-ZĐ]/, `document number "${s}" in: ${line.slice(0, 120)}`);
          if (q.kind === 'percent') percentages++;
        }
      }
    }
    assert.ok(percentages > 250, `only ${percentages} percentages found in the seeds`);
  });
});

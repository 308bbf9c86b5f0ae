// `vanban targets`: the extracted targets as an aligned table, JSON (against its zod schema) and
// CSV (RFC 4180 quoting, UTF-8).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jsonTargetsSchema } from '../../server/src/cli/json-schema.js';
import { join } from 'node:path';
import { repoRoot } from '../helpers.js';
import { vanban } from './cli-helpers.js';

describe('vanban targets', () => {
  it('json: indicator, pillar, year, comparator, value and line of each target', () => {
    const r = vanban(['targets', 'nghi-quyet.md', '--format', 'json']);
    assert.equal(r.status, 0, r.stderr);
    const [file] = jsonTargetsSchema.parse(JSON.parse(r.stdout)).files;
    assert.equal(file!.path, 'nghi-quyet.md');
    assert.deepEqual(
      file!.targets.map((t) => [t.line, t.pillar, t.year, t.comparator, t.value?.text ?? null]),
      [
        [26, 'Chính quyền số', 2025, 'eq', '90%'],
        [27, 'Chính quyền số', 2025, null, null],
        [31, 'Kinh tế số', 2025, 'eq', '15%'],
        [35, 'Xã hội số', 2025, 'gt', '80%'],
      ],
    );
    assert.equal(file!.targets[3]!.yearSource, 'section');
  });

  it('table: one aligned block per file', () => {
    const r = vanban(['targets', 'nghi-quyet.md', 'ghi-chu.md']);
    assert.equal(r.status, 0, r.stderr);
    const [first, second] = r.stdout.trimEnd().split('\n\n');
    const rows = first!.split('\n');
    assert.equal(rows[0], 'ghi-chu.md');
    assert.equal(rows[1], '  (không tìm thấy chỉ tiêu nào)');
    const table = second!.split('\n');
    assert.equal(table[0], 'nghi-quyet.md');
    assert.match(table[1]!, /^ {2}Dòng {2}Trụ cột +Năm +So sánh +Giá trị +Chỉ tiêu$/);
    // Every row starts its "Năm" column at the same place.
    const yearColumn = table[1]!.indexOf('Năm');
    for (const row of table.slice(2)) assert.match(row.slice(yearColumn), /^(2025|—)/);
    assert.match(table[5]!, /^ {2}35 +Xã hội số +2025 +> +80% +dân số trưởng thành/);
  });

  it('csv: quoted where needed, CRLF records, localized headers', () => {
    const r = vanban(['targets', 'tat-kiem-tra.md', '--format', 'csv', '--locale', 'en']);
    assert.equal(r.status, 0, r.stderr);
    const records = r.stdout.split('\r\n');
    assert.equal(records[0], 'File,Line,Pillar,Year,Comparator,Value,Indicator');
    assert.ok(records.includes('tat-kiem-tra.md,15,Chính quyền số,2025,,,"Hoàn thiện trung tâm giám sát, điều hành đô thị thông minh"'), r.stdout);
    assert.equal(records.at(-1), '');
  });

  it('exits 2 for a missing file while listing the others', () => {
    const r = vanban(['targets', 'khong-co.md', 'nghi-quyet.md', '--format', 'json']);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'khong-co.md: không tìm thấy tệp hoặc thư mục\n');
    assert.equal(jsonTargetsSchema.parse(JSON.parse(r.stdout)).files.length, 1);
  });

  it('with a directory, lists the register: each target with the latest result its linked report states', () => {
    const r = vanban(['targets', '.', '--format', 'csv', '--locale', 'en'], { cwd: join(repoRoot, 'examples') });
    assert.equal(r.status, 0, r.stderr);
    const records = r.stdout.replace(/^\uFEFF/, '').split('\r\n');
    assert.match(records[0]!, /^File,Line,Document,Pillar,Year,Comparator,Value,Indicator,Latest result,Result year,Status,Result source$/);
    const internet = records.find((x) => x.includes('hộ gia đình có kết nối Internet băng rộng cố định') && x.includes(',2025,'));
    assert.ok(internet, r.stdout);
    assert.match(internet!, /,"83,5%",2023,[^,]+,bao-cao-ket-qua-2023\.md:\d+$/);
  });
});


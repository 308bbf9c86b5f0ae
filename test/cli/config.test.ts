// .vanbanrc.json: discovery from each file upward, --config precedence, JSONC, rule severities and
// options, ignore patterns, broken files (file:line:col: key: message, exit 2, never a crash), and
// the generated JSON Schema being up to date.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { jsonReportSchema } from '../../server/src/cli/json-schema.js';
import { repoRoot } from '../helpers.js';
import { copyFixture, hasStackTrace, scratch, vanban, write } from './cli-helpers.js';

const RESOLUTION = 'nghi-quyet.md';

function severities(stdout: string): Record<string, string[]> {
  const report = jsonReportSchema.parse(JSON.parse(stdout));
  return Object.fromEntries(report.files.map((f) => [f.path, f.diagnostics.map((d) => `${d.ruleId}:${d.severity}`)]));
}

describe('discovery and precedence', () => {
  const dir = scratch();
  mkdirSync(join(dir, 'tinh/huyen'), { recursive: true });
  copyFixture(RESOLUTION, dir, 'goc.md');
  copyFixture(RESOLUTION, join(dir, 'tinh'), 'tinh.md');
  copyFixture(RESOLUTION, join(dir, 'tinh/huyen'), 'huyen.md');
  write(dir, '.vanbanrc.json', '{ "rules": { "target-value": "error" } }');
  write(
    join(dir, 'tinh'),
    '.vanbanrc.json',
    `// Cấu hình của tỉnh: JSON có chú thích và dấu phẩy thừa.
{
  /* nhẹ hơn cấu hình gốc */
  "rules": { "target-value": ["hint", { "ghiChu": "định tính được chấp nhận" }], },
}`,
  );
  const explicit = write(dir, 'ci.json', '{ "rules": { "target-value": "off" } }');

  it('uses the nearest configuration above each file', () => {
    const r = vanban(['check', '.', '--format', 'json'], { cwd: dir });
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(severities(r.stdout), {
      'goc.md': ['target-value:error'],
      'tinh/huyen/huyen.md': ['target-value:hint'],
      'tinh/tinh.md': ['target-value:hint'],
    });
  });

  it('--config replaces discovery for every file', () => {
    const r = vanban(['check', '.', '--format', 'json', '--config', explicit], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(severities(r.stdout), { 'goc.md': [], 'tinh/huyen/huyen.md': [], 'tinh/tinh.md': [] });
  });

  it('a missing --config file is an error', () => {
    const r = vanban(['check', '.', '--config', 'khong-co.json'], { cwd: dir });
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'khong-co.json:1:1: không tìm thấy tệp cấu hình\n');
  });
});

describe('ignore patterns', () => {
  it('leaves out matching documents, relative to the configuration file', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'luu-tru'));
    mkdirSync(join(dir, 'moi'));
    copyFixture(RESOLUTION, join(dir, 'luu-tru'), 'cu.md');
    copyFixture(RESOLUTION, join(dir, 'moi'), 'du-thao-nhap.md');
    copyFixture(RESOLUTION, join(dir, 'moi'), 'chinh-thuc.md');
    write(dir, '.vanbanrc.json', '{ "ignore": ["luu-tru/", "*-nhap.md"] }');
    const r = vanban(['check', '.', '--format', 'json'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(Object.keys(severities(r.stdout)), ['moi/chinh-thuc.md']);
    const named = vanban(['check', 'moi/du-thao-nhap.md'], { cwd: dir });
    assert.equal(named.status, 0);
    assert.equal(named.stderr, 'moi/du-thao-nhap.md: bỏ qua: tệp khớp mẫu "ignore" trong cấu hình\n');
  });
});

describe('broken configuration', () => {
  it('names the file, line, column and key of each problem; exit 2; other files still checked', () => {
    const dir = scratch();
    mkdirSync(join(dir, 'hong'));
    copyFixture(RESOLUTION, dir, 'tot.md');
    copyFixture(RESOLUTION, join(dir, 'hong'), 'van-ban.md');
    write(
      join(dir, 'hong'),
      '.vanbanrc.json',
      `{
  "rules": {
    "target-year": "warn",
    "target-yaer": "off",
    "target-value": ["error", 3]
  },
  "pillars": [{ "name": "" }],
  "tolerance": -1,
  "khac": true
}
`,
    );
    const r = vanban(['check', '.', '--format', 'json'], { cwd: dir });
    assert.equal(r.status, 2);
    assert.ok(!hasStackTrace(r.stderr), r.stderr);
    const lines = r.stderr.trim().split('\n');
    assert.deepEqual(lines, [
      'hong/.vanbanrc.json:3:20: rules.target-year: phải là một trong off|hint|information|warning|error',
      'hong/.vanbanrc.json:4:5: rules.target-yaer: quy tắc không tồn tại (có phải là "target-year"?)',
      'hong/.vanbanrc.json:5:31: rules.target-value[1]: phải là đối tượng',
      'hong/.vanbanrc.json:7:25: pillars[0].name: không được để trống',
      'hong/.vanbanrc.json:8:16: tolerance: phải ≥ 0',
      'hong/.vanbanrc.json:9:3: khac: khoá không hợp lệ',
    ]);
    assert.deepEqual(Object.keys(severities(r.stdout)), ['tot.md']);
  });

  it('reports JSON syntax errors in English too', () => {
    const dir = scratch();
    copyFixture(RESOLUTION, dir);
    write(dir, '.vanbanrc.json', '{\n  "rules": {\n    "target-year": "error"\n  \n');
    const r = vanban(['check', '.', '--locale', 'en'], { cwd: dir });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^\.vanbanrc\.json:5:1: invalid JSON: closing brace "}" expected$/m);
  });
});

describe('JSON Schema of .vanbanrc.json', () => {
  it('schemas/vanbanrc.schema.json is generated from the current zod schema', () => {
    const r = spawnSync(process.execPath, ['scripts/gen-schema.mjs', '--check'], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });
});

describe('a folder with notes beside the documents; the vocabulary extended', () => {
  const dir = scratch();
  write(dir, 'GHI-CHU.md', '# Ghi chú\n\n- 100% tài liệu cần rà soát\n\n## 1. Cài đặt\n\n## 3. Chạy\n');
  write(dir, 'ke-hoach.md', 'KẾ HOẠCH\nChuyển đổi số năm 2026\n\nI. MỤC TIÊU CỤ THỂ\n\na) Phát triển nông nghiệp thông minh\n\n- 40% hợp tác xã dùng nền tảng số.\n\nII. NHIỆM VỤ VÀ GIẢI PHÁP\n\nIII. TỔ CHỨC THỰC HIỆN\n');

  it('a note that is no policy document gets no findings; the plan is checked', () => {
    const r = vanban(['check', '.', '--format', 'json'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(severities(r.stdout), { 'GHI-CHU.md': [], 'ke-hoach.md': ['target-pillar:warning'] });
  });

  it('"include" checks the note anyway; "cues" put a heading under a pillar', () => {
    write(dir, '.vanbanrc.json', '{ "include": ["GHI-CHU.md"], "pillars": [{ "name": "Kinh tế số", "cues": ["nông nghiệp thông minh"] }] }');
    const r = vanban(['check', '.', '--format', 'json'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(severities(r.stdout), { 'GHI-CHU.md': ['section-numbering:warning'], 'ke-hoach.md': [] });
  });

  it('an unknown key in a pillar is named with its place', () => {
    write(dir, '.vanbanrc.json', '{ "pillars": [{ "name": "Kinh tế số", "cue": ["x"] }] }');
    const r = vanban(['check', '.'], { cwd: dir });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /\.vanbanrc\.json:1:\d+: pillars\[0\]/);
    assert.equal(hasStackTrace(r.stderr), false);
  });
});

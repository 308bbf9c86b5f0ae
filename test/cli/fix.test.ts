// --fix and --fix-dry-run: the fixes findings carry are applied, the re-checked document no longer
// has those findings, and every byte outside the fixed ranges — BOM, CRLF, encoding — is kept.
// go-sai-chu-thich.md misspells a directive (`vanban-disable-nextline`) and, once that is fixed, a
// rule id (`target-valeu`): two passes of fixes, after which the directive hides its target.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, chmodSync } from 'node:fs';
import { describe, it } from 'node:test';
import { jsonReportSchema } from '../../server/src/cli/json-schema.js';
import { fixtureBytes, scratch, toCrlf, UTF8_BOM, vanban, write } from './cli-helpers.js';

const SOURCE = fixtureBytes('go-sai-chu-thich.md').toString('utf8');
const FIXED = SOURCE.replace('vanban-disable-nextline target-valeu', 'vanban-disable-next-line target-value');

describe('--fix', () => {
  it('rewrites a CRLF + BOM file changing only the fixed ranges', () => {
    const dir = scratch();
    const original = Buffer.concat([UTF8_BOM, Buffer.from(toCrlf(SOURCE), 'utf8')]);
    const path = write(dir, 'van-ban.md', original);
    chmodSync(path, 0o640);
    const before = vanban(['check', 'van-ban.md', '--format', 'json'], { cwd: dir });
    assert.deepEqual(
      jsonReportSchema.parse(JSON.parse(before.stdout)).files[0]!.diagnostics.map((d) => d.ruleId),
      ['inline-config', 'target-value'],
    );

    const r = vanban(['check', 'van-ban.md', '--fix'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /van-ban\.md: đã sửa 2 vấn đề/);
    const after = readFileSync(path);
    assert.deepEqual(after, Buffer.concat([UTF8_BOM, Buffer.from(toCrlf(FIXED), 'utf8')]));
    assert.equal(statSync(path).mode & 0o777, 0o640, 'the file keeps its mode');
    assert.deepEqual(readdirSync(dir), ['van-ban.md'], 'no temporary file is left behind');

    const recheck = vanban(['check', 'van-ban.md', '--format', 'json'], { cwd: dir });
    assert.deepEqual(jsonReportSchema.parse(JSON.parse(recheck.stdout)).files[0]!.diagnostics, []);
  });

  it('keeps UTF-16 LE with its BOM', () => {
    const dir = scratch();
    const path = write(dir, 'word.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(toCrlf(SOURCE), 'utf16le')]));
    assert.equal(vanban(['check', 'word.md', '--fix'], { cwd: dir }).status, 0);
    assert.deepEqual(readFileSync(path), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(toCrlf(FIXED), 'utf16le')]));
  });

  it('leaves files without fixes untouched', () => {
    const dir = scratch();
    const original = Buffer.concat([UTF8_BOM, Buffer.from(toCrlf(fixtureBytes('nghi-quyet.md').toString('utf8')))]);
    const path = write(dir, 'nq.md', original);
    const mtime = statSync(path).mtimeMs;
    const r = vanban(['check', 'nq.md', '--fix'], { cwd: dir });
    assert.equal(r.status, 0);
    assert.deepEqual(readFileSync(path), original);
    assert.equal(statSync(path).mtimeMs, mtime);
  });
});

describe('--fix-dry-run', () => {
  it('shows the changes and the findings that would remain, writing nothing', () => {
    const dir = scratch();
    const original = Buffer.from(toCrlf(SOURCE));
    const path = write(dir, 'van-ban.md', original);
    const r = vanban(['check', 'van-ban.md', '--fix-dry-run'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /van-ban\.md: sẽ sửa 2 vấn đề/);
    assert.match(r.stdout, /-15: <!-- vanban-disable-nextline target-valeu/);
    assert.match(r.stdout, /\+15: <!-- vanban-disable-next-line target-value/);
    assert.deepEqual(readFileSync(path), original);

    const asJson = vanban(['check', 'van-ban.md', '--fix-dry-run', '--format', 'json'], { cwd: dir });
    const [file] = jsonReportSchema.parse(JSON.parse(asJson.stdout)).files;
    assert.equal(file!.output, toCrlf(FIXED));
    assert.deepEqual(file!.diagnostics, []);
    assert.equal(vanban(['check', 'van-ban.md', '--fix', '--fix-dry-run'], { cwd: dir }).status, 2);
  });
});

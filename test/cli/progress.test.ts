// The progress line on many files: drawn on a terminal's standard error, never in a pipe.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { cliPath } from '../helpers.js';
import { scratch, vanban, write } from './cli-helpers.js';

function manyDocuments(n: number): string {
  const dir = scratch();
  for (let i = 0; i < n; i++) {
    write(dir, `nq-${String(i).padStart(2, '0')}.md`, `NGHỊ QUYẾT\n\nI- MỤC TIÊU\n\n1. Mục tiêu cụ thể đến năm 2025\n\na) Phát triển xã hội số\n\n- ${50 + i}% hộ gia đình có Internet cáp quang.\n`);
  }
  return dir;
}

// `script` (util-linux) runs a command on a pseudo-terminal: the only honest way to be a TTY here.
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

describe('progress on many files', () => {
  it('is drawn on a terminal and erased before the report', { skip: hasScript ? false : 'the `script` command (util-linux) is not installed' }, () => {
    const dir = manyDocuments(25);
    const env = { ...process.env };
    delete env.CI;
    const r = spawnSync('script', ['-qec', `${process.execPath} ${cliPath} check . --no-color`, '/dev/null'], { cwd: dir, encoding: 'utf8', env });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /vanban: đã kiểm tra 25\/25 tệp…/);
    assert.match(r.stdout, /\r\x1b\[K/);
  });

  it('is not drawn in a pipe', () => {
    const dir = manyDocuments(25);
    const r = vanban(['check', '.'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /đã kiểm tra/);
  });
});

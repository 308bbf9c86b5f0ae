// Neovim 0.7 (Debian) as a real second LSP client over --stdio: it has no pull diagnostics, so this
// proves the push path, and its byte columns prove the UTF-16 positions survive the conversion.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixture, fixturesDir, repoRoot, serverPath } from '../helpers.js';
import { positionOf, SERVER_ABSENT, serverBuilt } from './client.js';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const nvimAbsent = nvim.error !== undefined || nvim.status !== 0;
const skip = !serverBuilt ? SERVER_ABSENT : nvimAbsent ? 'nvim not found on PATH (apt-get install neovim)' : false;

/** Byte column of a UTF-16 position on a line, as Neovim reports it. */
function byteColumn(text: string, position: { line: number; character: number }): number {
  const line = text.split(/\r?\n/)[position.line]!;
  return Buffer.byteLength(line.slice(0, position.character), 'utf8');
}

test('Neovim receives the diagnostics and a hover over --stdio', { skip }, () => {
  const file = join(fixturesDir, 'lsp', 'nghi-quyet.md');
  const text = fixture('lsp/nghi-quyet.md');
  const needle = 'Phổ cập dịch vụ mạng di động 5G';
  const start = positionOf(text, needle);
  const end = positionOf(text, needle, needle.length);
  const run = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-c', 'luafile test/lsp/neovim-client.lua'], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, LSP_SERVER: serverPath, DOC: file, HOVER_LINE: String(start.line), HOVER_COL: String(start.character + 3) },
  });
  const output = `${run.stdout}${run.stderr}`;
  assert.equal(run.status, 0, output);
  const diags = run.stdout.split('\n').filter((l) => l.startsWith('DIAG '));
  assert.equal(diags.length, 1, output);
  const [, lnum, col, endLnum, endCol, code, ...message] = diags[0]!.split(' ');
  assert.deepEqual(
    [Number(lnum), Number(col), Number(endLnum), Number(endCol), code],
    [start.line, byteColumn(text, start), end.line, byteColumn(text, end), 'target-value'],
  );
  assert.match(message.join(' '), /Phổ cập dịch vụ mạng di động 5G/);
  assert.match(run.stdout, /^HOVER \*\*(Chỉ tiêu|Target)\*\* — Phổ cập dịch vụ mạng di động 5G$/m);
  assert.match(run.stdout, /^PASS 1$/m);
});

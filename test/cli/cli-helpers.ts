// Spawning the built `vanban` binary (bin/vanban.cjs → dist/cli.cjs) the way a user or CI does.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { cliPath, fixturesDir } from '../helpers.js';

export const cliFixtures = join(fixturesDir, 'cli');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  input?: string | Uint8Array;
  env?: NodeJS.ProcessEnv;
  uid?: number;
  gid?: number;
}

/** Runs `vanban ARGS…` with a neutral environment: no colour, Vietnamese unless `env` says otherwise. */
export function vanban(args: string[], options: RunOptions = {}): CliResult {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8', ...options.env };
  const spawnOptions: SpawnSyncOptions = {
    cwd: options.cwd ?? cliFixtures,
    env,
    encoding: 'utf8',
    input: options.input ?? '',
    timeout: 60_000,
    ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid ?? options.uid } : {}),
  };
  const result = spawnSync(process.execPath, [cliPath, ...args], spawnOptions);
  if (result.error) throw result.error;
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** A scratch directory removed when the test file ends. */
export function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vanban-cli-'));
  chmodSync(dir, 0o755);
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function copyFixture(name: string, dir: string, as = name): string {
  const target = join(dir, as);
  copyFileSync(join(cliFixtures, name), target);
  return target;
}

export function fixtureBytes(name: string): Buffer {
  return readFileSync(join(cliFixtures, name));
}

export function write(dir: string, name: string, content: string | Uint8Array): string {
  const target = join(dir, name);
  writeFileSync(target, content);
  return target;
}

/** The same text with CRLF line breaks. */
export function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** No stack trace ever reaches the user. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+\(.+:\d+:\d+\)$/m.test(text) || /\bError: .*\n\s+at /.test(text);
}

// Paths and readers shared by the test suites.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (tests run from out/test/…). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const fixturesDir = join(repoRoot, 'test/fixtures');
export const seedsDir = resolve(repoRoot, process.env.VANBAN_SEEDS ?? '../shared/seeds');
export const cliPath = join(repoRoot, 'bin/vanban.cjs');
export const serverPath = join(repoRoot, 'dist/server.cjs');

export const SEEDS = {
  dongThapResolution: '000_11bb44e25a6a2dbe.txt',
  kienGiangResolution: '001_9a45a1451b94f50f.txt',
  haiDuongResolution: '003_702489c04bbe0e0b.txt',
  dongThapReport: '004_d2bf4664ab8a0b61.txt',
} as const;

export function fixture(name: string): string {
  return readFileSync(join(fixturesDir, name), 'utf8');
}

/** A seed's text, or undefined when ../shared/seeds is absent (the caller skips and says why). */
export function seed(name: string): string | undefined {
  const p = join(seedsDir, name);
  return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
}

export const SEEDS_ABSENT = `seeds not found at ${seedsDir} (set VANBAN_SEEDS or check out ../shared)`;

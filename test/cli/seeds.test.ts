// The binary on the four real documents (../shared/seeds): every one is read, checked and its
// targets listed without an input error; skipped, saying so, when the seeds are absent.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { jsonReportSchema, jsonTargetsSchema } from '../../server/src/cli/json-schema.js';
import { SEEDS, SEEDS_ABSENT, seedsDir } from '../helpers.js';
import { hasStackTrace, vanban } from './cli-helpers.js';

const absent = existsSync(seedsDir) ? false : SEEDS_ABSENT;

describe('seeds through the CLI', { skip: absent }, () => {
  it('checks the seed folder: JSON valid, no input errors, positions inside the documents', () => {
    const r = vanban(['check', seedsDir, '--format', 'json']);
    assert.notEqual(r.status, 2, r.stderr);
    assert.ok(!hasStackTrace(r.stderr));
    const report = jsonReportSchema.parse(JSON.parse(r.stdout));
    assert.deepEqual(
      report.files.map((f) => f.path.split('/').at(-1)).filter((p) => p?.endsWith('.txt')),
      Object.values(SEEDS).sort(),
    );
  });

  it('lists the 2025 targets of seed 000 with year and pillar', () => {
    const r = vanban(['targets', `${seedsDir}/${SEEDS.dongThapResolution}`, '--format', 'json']);
    assert.equal(r.status, 0, r.stderr);
    const targets = jsonTargetsSchema.parse(JSON.parse(r.stdout)).files[0]!.targets;
    const of2025 = targets.filter((t) => t.year === 2025);
    assert.ok(of2025.length >= 17, `${of2025.length} targets of 2025`);
    assert.ok(targets.every((t) => t.pillar !== null));
  });
});

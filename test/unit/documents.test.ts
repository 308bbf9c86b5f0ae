// The language server's open documents (server/src/lsp/documents.ts): a dormant document keeps its
// text packed (server/src/lsp/pack.ts) and must answer exactly as a TextDocument of its text would,
// before and after any edit, out-of-range positions included; a text UTF-8 cannot hold (a lone
// surrogate) stays as it is.

import assert from 'node:assert/strict';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { OPEN_DOCUMENTS, type OpenDocument } from '../../server/src/lsp/documents.js';
import { FUZZ_RUNS, FUZZ_SEED } from '../fuzz/params.js';

const URI = 'file:///bao-cao.md';
const TEXT = '\uFEFFBÁO CÁO\r\nKết quả: 862.509/834.204 hồ sơ, vượt 3,39%\n\n| STT | Chỉ tiêu |\r\n|---|---|\n| 1 | 😀 Tỷ lệ ' + 'Ð'.normalize('NFD') + ' |';

function open(text: string, version = 1): OpenDocument {
  return OPEN_DOCUMENTS.create(URI, 'markdown', version, text);
}

/** Everything a reader can ask of a document, compared with the library's own. */
function sameAnswers(actual: OpenDocument, expected: TextDocument): void {
  const text = expected.getText();
  assert.equal(actual.getText(), text);
  assert.equal(actual.version, expected.version);
  assert.equal(actual.lineCount, expected.lineCount);
  for (let offset = -1; offset <= text.length + 1; offset += 7) assert.deepEqual(actual.positionAt(offset), expected.positionAt(offset));
  for (let line = 0; line <= expected.lineCount; line++) {
    for (const character of [0, 3, 1000]) assert.equal(actual.offsetAt({ line, character }), expected.offsetAt({ line, character }));
    assert.deepEqual(actual.getLineRange(line), expected.getLineRange(line));
    assert.equal(actual.getEOLCharacters(line), expected.getEOLCharacters(line));
  }
  const range = { start: { line: 1, character: 2 }, end: { line: 3, character: 4 } };
  assert.equal(actual.getText(range), expected.getText(range));
}

describe('open documents', () => {
  test('a dormant document holds its text packed and answers as before', async () => {
    const document = open(TEXT, 4);
    document.setDormant(true);
    assert.equal(document.isPacked, true);
    // Version and line count need no decoding.
    assert.equal(document.version, 4);
    assert.equal(document.lineCount, TextDocument.create(URI, 'markdown', 4, TEXT).lineCount);
    assert.equal(document.isPacked, true);
    sameAnswers(document, TextDocument.create(URI, 'markdown', 4, TEXT));
    // Read: decoded for this turn of the event loop, packed again after it.
    assert.equal(document.isPacked, false);
    await nextTurn();
    assert.equal(document.isPacked, true);
  });

  test('an awake document is never packed, and waking one keeps it decoded', async () => {
    const document = open(TEXT);
    assert.equal(document.isPacked, false);
    document.setDormant(true);
    document.setDormant(false);
    assert.equal(document.getText(), TEXT);
    await nextTurn();
    assert.equal(document.isPacked, false);
  });

  test('an edit to a dormant document applies to its text and wakes it', async () => {
    const document = open(TEXT);
    document.setDormant(true);
    const changes: TextDocumentContentChangeEvent[] = [{ range: { start: { line: 1, character: 9 }, end: { line: 1, character: 16 } }, text: '900.000' }];
    OPEN_DOCUMENTS.update(document, changes, 2);
    const expected = TextDocument.update(TextDocument.create(URI, 'markdown', 1, TEXT), changes, 2);
    sameAnswers(document, expected);
    await nextTurn();
    assert.equal(document.isPacked, false);
  });

  test('a text with a lone surrogate is not packed (UTF-8 cannot hold it)', () => {
    const text = 'Tỷ lệ \uD83D đạt 90%';
    const document = open(text);
    document.setDormant(true);
    assert.equal(document.isPacked, false);
    assert.equal(document.getText(), text);
  });

  test('random texts and edits, out-of-range positions included: the text and answers the protocol gives', () => {
    const piece = fc.constantFrom('Chỉ tiêu', ' 95%', '\r\n', '\n', '\r', '😀', '\uD83D', '\uDE00', 'ạ', 'a\u0323', '|', '');
    const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));
    const position = fc.record({ line: fc.integer({ min: -2, max: 12 }), character: fc.integer({ min: -2, max: 30 }) });
    const change = fc.oneof(
      { weight: 9, arbitrary: fc.record({ range: fc.record({ start: position, end: position }), text }) },
      { weight: 1, arbitrary: fc.record({ text }) },
    ) as fc.Arbitrary<TextDocumentContentChangeEvent>;
    const step = fc.record({ dormant: fc.boolean(), changes: fc.array(change, { maxLength: 3 }) });
    fc.assert(
      fc.property(text, fc.array(step, { maxLength: 8 }), (initial, steps) => {
        const document = open(initial);
        let expected = initial;
        let version = 1;
        for (const { dormant, changes } of steps) {
          document.setDormant(dormant);
          version++;
          OPEN_DOCUMENTS.update(document, changes, version);
          // The reference: each change on a document made afresh from the text, whose line table
          // is right by construction (the library clamps positions to the document as the
          // protocol says).
          for (const c of changes) expected = TextDocument.update(TextDocument.create(URI, 'markdown', version, expected), [c], version).getText();
          document.setDormant(dormant);
          sameAnswers(document, TextDocument.create(URI, 'markdown', version, expected));
        }
      }),
      { seed: FUZZ_SEED, numRuns: Math.min(FUZZ_RUNS, 300) },
    );
  });
});

// `vanban convert FILE.docx [-o FILE.md]`: the Markdown vanban reads from a Word document, so that a
// reviewer can open it in the editor, where the lines and columns of `vanban check` are exact.

import { resolve } from 'node:path';
import { EXIT_FATAL } from './exit.js';
import { DEFAULT_MAX_FILE_SIZE, isWordPath, readDocument } from './documents.js';
import { writeFileAtomically } from './fix.js';
import { msg, tr } from './messages.js';
import type { ConvertOptions } from './options.js';
import { displayPath } from './report.js';
import type { Io } from './session.js';

export function runConvert(options: ConvertOptions, io: Io): number {
  const path = resolve(io.cwd, options.path);
  const fail = (where: string, text: string): number => {
    io.stderr(`${displayPath(where, io.cwd)}: ${text}\n`);
    return EXIT_FATAL;
  };
  const read = readDocument(path, options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
  if (!read.ok) return fail(path, tr(read.message, options.locale));
  // Only Word documents are converted (an old .doc under another name was refused above).
  if (!read.document.word && !isWordPath(path)) return fail(path, tr(msg.convertNotWord(), options.locale));
  const markdown = read.document.text;
  if (options.output === undefined) {
    io.stdout(markdown);
    return 0;
  }
  const target = resolve(io.cwd, options.output);
  try {
    writeFileAtomically(target, Buffer.from(markdown, 'utf8'));
  } catch (error) {
    return fail(target, tr(msg.writeFailed((error as NodeJS.ErrnoException).code ?? String(error)), options.locale));
  }
  return 0;
}

// Why a Word document cannot be read, in Vietnamese and English: one line for the CLI's stderr
// and the language server's messages alike.

import type { LocalizedText } from '../core/types.js';
import type { DocxProblem } from './convert.js';

const msg = {
  legacy: (): LocalizedText => ({
    vi: 'tệp Word 97-2003 (.doc) dạng nhị phân, không đọc được; hãy mở bằng Word và lưu lại dưới dạng .docx',
    en: 'a binary Word 97-2003 (.doc) file, which cannot be read; open it in Word and save it as .docx',
  }),
  encrypted: (): LocalizedText => ({
    vi: 'tệp Word được bảo vệ bằng mật khẩu (đã mã hoá), không đọc được; hãy gỡ mật khẩu rồi lưu lại dưới dạng .docx',
    en: 'a password-protected (encrypted) Word file, which cannot be read; remove the password and save it as .docx',
  }),
  corrupt: (detail: string): LocalizedText => ({
    vi: `tệp .docx bị hỏng hoặc không trọn vẹn (${detail}); hãy mở bằng Word và lưu lại dưới dạng .docx`,
    en: `a damaged or incomplete .docx file (${detail}); open it in Word and save it as .docx again`,
  }),
  notDocx: (): LocalizedText => ({
    vi: 'tệp nén (zip) không phải văn bản Word: không có word/document.xml',
    en: 'a zip archive that is not a Word document: no word/document.xml',
  }),
  tooLarge: (size: string, limit: string): LocalizedText => ({
    vi: `nội dung văn bản Word khi giải nén quá lớn (${size}, giới hạn ${limit}); có thể là tệp nén độc hại`,
    en: `the Word document's content is too large uncompressed (${size}, limit ${limit}); it may be a zip bomb`,
  }),
  empty: (): LocalizedText => ({ vi: 'văn bản Word không có chữ nào để kiểm tra', en: 'the Word document has no text to check' }),
};

function bytes(n: number): string {
  // As config/schema.ts formatByteSize writes sizes (this module stays free of zod).
  if (n >= 1024 ** 2) return `${+(n / 1024 ** 2).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}

export function describeDocxProblem(problem: DocxProblem): LocalizedText {
  switch (problem.kind) {
    case 'legacy-doc':
      return msg.legacy();
    case 'encrypted':
      return msg.encrypted();
    case 'corrupt':
      return msg.corrupt(problem.detail);
    case 'not-docx':
      return msg.notDocx();
    case 'too-large':
      return msg.tooLarge(bytes(problem.size), bytes(problem.limit));
    case 'empty':
      return msg.empty();
  }
}

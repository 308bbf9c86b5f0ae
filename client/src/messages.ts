// The extension's own runtime strings. They follow `vanban.locale` like the server's findings, so
// one setting decides the language of everything Vanban shows (VS Code has no Vietnamese display
// language of its own for most users, so vscode.l10n alone would leave them in English).
import type { Locale } from './settings.js';

const catalogue = {
  starting: { vi: 'Vanban: đang khởi động', en: 'Vanban: starting' },
  ready: { vi: 'Vanban: sẵn sàng', en: 'Vanban: ready' },
  findings: { vi: 'Vanban: {0} vấn đề', en: 'Vanban: {0} findings' },
  stopped: { vi: 'Vanban: đã dừng', en: 'Vanban: stopped' },
  disabled: { vi: 'Vanban: đã tắt', en: 'Vanban: disabled' },
  tooltipReady: {
    vi: 'Máy chủ Vanban đang chạy. Bấm để mở bảng Problems.',
    en: 'The Vanban server is running. Click to open the Problems panel.',
  },
  tooltipStopped: {
    vi: 'Máy chủ Vanban không chạy. Dùng lệnh "Vanban: Khởi động lại máy chủ".',
    en: 'The Vanban server is not running. Use "Vanban: Restart Server".',
  },
  tooltipDisabled: { vi: 'Vanban đã tắt (vanban.enable).', en: 'Vanban is disabled (vanban.enable).' },
  notRunning: { vi: 'Máy chủ Vanban chưa chạy.', en: 'The Vanban server is not running.' },
  noWorkspace: { vi: 'Chưa mở thư mục nào.', en: 'No folder is open.' },
  checking: { vi: 'Vanban: đang kiểm tra thư mục', en: 'Vanban: checking the folder' },
  checked: {
    vi: 'Vanban: đã kiểm tra {0} văn bản, {1} vấn đề.',
    en: 'Vanban: checked {0} documents, {1} findings.',
  },
  unreadable: {
    vi: '{0} tệp không đọc được, ví dụ {1}: {2}',
    en: '{0} files could not be read, e.g. {1}: {2}',
  },
  noEditor: {
    vi: 'Hãy mở một văn bản (Markdown hoặc .txt) trước.',
    en: 'Open a document (Markdown or .txt) first.',
  },
  noTargets: { vi: 'Không tìm thấy chỉ tiêu nào trong văn bản này.', en: 'No targets found in this document.' },
  pickTarget: { vi: 'Chọn chỉ tiêu để đến dòng đó', en: 'Pick a target to go to its line' },
  line: { vi: 'dòng {0}', en: 'line {0}' },
  noValue: { vi: 'thiếu giá trị', en: 'no value' },
  noYear: { vi: 'thiếu năm', en: 'no year' },
  noPillar: { vi: 'thiếu trụ cột', en: 'no pillar' },
  dashboardTitle: { vi: 'Bảng theo dõi chỉ tiêu', en: 'Target Dashboard' },
  dashboardLoading: { vi: 'Vanban: đang lập bảng theo dõi chỉ tiêu', en: 'Vanban: building the target dashboard' },
  dashboardFailed: {
    vi: 'Không lập được bảng theo dõi chỉ tiêu; xem kênh Output "Vanban".',
    en: 'The target dashboard could not be built; see the "Vanban" output channel.',
  },
  noWordDocument: { vi: 'Hãy chọn một tệp Word (.docx).', en: 'Pick a Word (.docx) file.' },
  wordFailed: { vi: 'Vanban không đọc được văn bản Word: {0}', en: 'Vanban cannot read the Word document: {0}' },
  wordOpening: {
    vi: 'Vanban mở văn bản Word này dưới dạng văn bản (chỉ đọc) để kiểm tra.',
    en: 'Vanban opens this Word document as text (read-only) to check it.',
  },
  locationOutside: {
    vi: 'Vanban chỉ mở các tệp trong thư mục đang làm việc.',
    en: 'Vanban only opens files in the open folders.',
  },
} satisfies Record<string, Record<Locale, string>>;

export type MessageId = keyof typeof catalogue;

export function message(locale: Locale, id: MessageId, ...args: (string | number)[]): string {
  return catalogue[id][locale].replace(/\{(\d+)\}/g, (whole, i: string) => (args[Number(i)] ?? whole).toString());
}

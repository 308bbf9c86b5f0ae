// vanban-ls: the language server's entry point. `--stdio` for any editor; node IPC (`--node-ipc`)
// when the VS Code extension starts it. createConnection reads the transport from the arguments;
// `--help`, `--version` and a missing transport are answered here, before any connection exists.

import { boundHeapGrowth } from '../heap.js';
import { packageVersion } from './convert.js';
import { startServer } from './server.js';
import { createServerConnection } from './transport.js';

type Locale = 'vi' | 'en';

/** Same rule as the CLI: Vietnamese unless LC_ALL / LC_MESSAGES / LANG names English. */
function localeOf(env: NodeJS.ProcessEnv): Locale {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en([_.@-]|$)/i.test(value) ? 'en' : 'vi';
}

const version = packageVersion;

const USAGE: Record<Locale, string> = {
  vi: 'cách dùng: vanban-ls --stdio | --node-ipc | --socket=CỔNG | --pipe=TÊN (xem vanban-ls --help)',
  en: 'usage: vanban-ls --stdio | --node-ipc | --socket=PORT | --pipe=NAME (see vanban-ls --help)',
};

function helpText(locale: Locale): string {
  const v = version();
  if (locale === 'en') {
    return `vanban-ls ${v} — the Vanban language server (Language Server Protocol)

Usage:
  vanban-ls --stdio            talk LSP over standard input and output (Neovim, Helix, Emacs, Zed …)
  vanban-ls --node-ipc         over Node IPC (how the VS Code extension starts it)
  vanban-ls --socket=PORT      over a TCP socket the client listens on
  vanban-ls --pipe=NAME        over a named pipe or Unix socket

Options:
  -h, --help                   show this help
  -v, --version                show the version

Settings come from the client (workspace/configuration, section "vanban") and .vanbanrc.json.
Documentation: server/src/lsp/README.md and docs/cli.md in the package.
`;
  }
  return `vanban-ls ${v} — máy chủ ngôn ngữ Vanban (Language Server Protocol)

Cách dùng:
  vanban-ls --stdio            giao tiếp LSP qua đầu vào/đầu ra chuẩn (Neovim, Helix, Emacs, Zed …)
  vanban-ls --node-ipc         qua Node IPC (cách tiện ích VS Code khởi động máy chủ)
  vanban-ls --socket=CỔNG      qua cổng TCP mà trình soạn thảo đang nghe
  vanban-ls --pipe=TÊN         qua named pipe hoặc Unix socket

Tuỳ chọn:
  -h, --help                   hiện hướng dẫn này
  -v, --version                hiện phiên bản

Thiết lập lấy từ trình soạn thảo (workspace/configuration, mục "vanban") và .vanbanrc.json.
Tài liệu: server/src/lsp/README.md và docs/cli.md trong gói.
`;
}

const TRANSPORT = /^--(stdio|node-ipc|socket(=.+)?|pipe(=.+)?)$/;

/** Undefined: start the server; a number: the exit status after answering on the terminal. */
function answerCommandLine(argv: string[], env: NodeJS.ProcessEnv): number | undefined {
  const locale = localeOf(env);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(helpText(locale));
    return 0;
  }
  if (argv.includes('--version') || argv.includes('-v')) {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  if (!argv.some((a) => TRANSPORT.test(a))) {
    process.stderr.write(`vanban-ls: ${USAGE[locale]}\n`);
    return 2;
  }
  return undefined;
}

const answered = answerCommandLine(process.argv.slice(2), process.env);
if (answered !== undefined) {
  process.exitCode = answered;
} else {
  // 1.1: with 200 seed-sized documents open the server held 367 MB for 81 MB live; see heap.ts.
  boundHeapGrowth(10);

  // transport.ts: stdio and node IPC are read so that every message gets an answer.
  const connection = createServerConnection();

  // A bug must cost one answer, not the session: log what escaped the handlers and keep serving.
  process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${error.stack ?? error.message}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${String(reason)}`));

  startServer(connection);
}

// Entry point of the `vanban` command (bundled to dist/cli.cjs). Exit status: 0 clean, 1 findings at
// error severity, 2 usage or fatal errors. No error ever reaches the user as a stack trace.

import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { boundHeapGrowth } from '../heap.js';
import { runCheck } from './check.js';
import { EXIT_FATAL } from './exit.js';
import { msg, tr, detectLocale } from './messages.js';
import { helpText, parseCommandLine } from './options.js';
import { packageInfo } from './package-info.js';
import { parseWorkspaceCommandLine } from './links-options.js';
import { runDashboard } from './dashboard.js';
import { runLinks } from './links.js';
import { runRegister } from './register.js';
import type { Io } from './session.js';
import type { Locale, LocalizedText } from '../core/types.js';
import { runTargets } from './targets.js';
import { runConvert } from './convert.js';
import { isMainThread, workerData } from 'node:worker_threads';
import { runCheckWorker } from './parallel.js';

export function run(argv: string[], io: Io): number {
  argv = targetsOfDirectories(argv, io.cwd);
  const crossDocument = runWorkspaceCommandLine(argv, io);
  if (crossDocument !== undefined) return crossDocument;
  const command = parseCommandLine(argv, io.env);
  switch (command.command) {
    case 'help':
      io.stdout(helpText(command.locale, packageInfo().version, command.topic));
      return 0;
    case 'version':
      io.stdout(`${packageInfo().version}\n`);
      return 0;
    case 'usage-error':
      return usageError(command.message, command.locale, io);
    case 'check':
      return runCheck(command, io);
    case 'targets':
      return runTargets(command, io);
    case 'convert':
      return runConvert(command, io);
  }
}

/**
 * `vanban targets DIR` is the target register: a directory is a set of documents, so its
 * resolutions' targets are listed with the latest result their linked reports state and whether
 * it is met (the same as `vanban register`). With files only, `targets` lists each file's targets.
 */
function targetsOfDirectories(argv: string[], cwd: string): string[] {
  const at = argv.findIndex((a) => !a.startsWith('-'));
  if (at < 0 || argv[at] !== 'targets') return argv;
  const paths = argv.slice(at + 1).filter((a, i, all) => !a.startsWith('-') && !/^-(f|o|c)$|^--(format|output|config|locale|max-file-size)$/.test(all[i - 1] ?? ''));
  const isDirectory = (p: string): boolean => {
    try {
      return statSync(resolve(cwd, p)).isDirectory();
    } catch {
      return false;
    }
  };
  if (!paths.some(isDirectory)) return argv;
  return [...argv.slice(0, at), 'register', ...argv.slice(at + 1)];
}

function main(): void {
  // 1.25: the 1,000-document check peaks at 250–280 MB instead of 330, at no measurable cost in time.
  boundHeapGrowth(25);
  const io: Io = {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
  };
  try {
    process.exitCode = run(process.argv.slice(2), io);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr(`vanban: ${tr(msg.internalError(detail), detectLocale(process.env))}\n`);
    process.exitCode = EXIT_FATAL;
  }
}

// Loaded as a worker of `vanban check` (parallel.ts): check files, print nothing.
if (isMainThread || !runCheckWorker(workerData)) {
  // A closed pipe (`vanban check | head`) is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  main();
}

/** Runs a cross-document command; undefined when the command line is not one. */
export function runWorkspaceCommandLine(argv: string[], io: Io): number | undefined {
  const parsed = parseWorkspaceCommandLine(argv, io.env);
  if (parsed === undefined) return undefined;
  if (parsed.command === 'usage-error') return usageError(parsed.message, parsed.locale, io);
  switch (parsed.command) {
    case 'links':
      return runLinks(parsed, io);
    case 'register':
      return runRegister(parsed, io);
    case 'dashboard':
      return runDashboard(parsed, io);
  }
}

/** A mistake on the command line: one usage line, exit status 2. */
function usageError(message: LocalizedText, locale: Locale, io: Io): number {
  io.stderr(`vanban: ${tr(msg.usage(tr(message, locale)), locale)}\n`);
  return EXIT_FATAL;
}

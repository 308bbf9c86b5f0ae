// vanban-ls: the language server's entry point. `--stdio` for any editor; node IPC (`--node-ipc`)
// when the VS Code extension starts it. Both transports are read through transport.ts, which
// resynchronises after a wrongly framed message and answers every request the connection would
// leave unanswered (or answer wrongly); other transports (--socket, --pipe) are vscode-jsonrpc's own.

import {
  createConnection,
  IPCMessageReader,
  IPCMessageWriter,
  ProposedFeatures,
  StreamMessageWriter,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node.js';
import { boundHeapGrowth } from '../heap.js';
import { startServer } from './server.js';
import { FramedReader, guardedReader, type GuardState } from './transport.js';

// 1.1: with 200 seed-sized documents open the server held 367 MB for 81 MB live; see heap.ts.
boundHeapGrowth(10);

const argv = process.argv.slice(2);
const state: GuardState = { initialized: false, shutdown: false };
// Transport messages are logged on stderr: the connection that would carry them is what failed.
const log = (message: string): void => void process.stderr.write(`${message}\n`);

function transport(): [MessageReader, MessageWriter] | undefined {
  if (argv.includes('--stdio')) {
    const writer = new StreamMessageWriter(process.stdout);
    // The end of the input is the end of the session (vscode-languageserver does this for streams).
    const end = (): never => process.exit(state.shutdown ? 0 : 1);
    process.stdin.on('end', end);
    process.stdin.on('close', end);
    return [guardedReader(new FramedReader(process.stdin, log), writer, log, state), writer];
  }
  if (argv.includes('--node-ipc')) {
    const writer = new IPCMessageWriter(process);
    return [guardedReader(new IPCMessageReader(process), writer, log, state), writer];
  }
  return undefined;
}

const streams = transport();
const connection = streams ? createConnection(ProposedFeatures.all, streams[0], streams[1]) : createConnection(ProposedFeatures.all);

if (streams && argv.includes('--stdio')) {
  // Standard output carries the protocol: anything a library prints goes to the client's log.
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.info = (...args: unknown[]) => connection.console.info(args.map(String).join(' '));
  console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
  console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
  console.debug = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
}

// A bug must cost one answer, not the session: log what escaped the handlers and keep serving.
process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${String(reason)}`));

startServer(connection);

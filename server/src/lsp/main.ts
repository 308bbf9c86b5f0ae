// vanban-ls: the language server's entry point. `--stdio` for any editor; node IPC (`--node-ipc`)
// when the VS Code extension starts it. createConnection reads the transport from the arguments.

import { boundHeapGrowth } from '../heap.js';
import { startServer } from './server.js';
import { createServerConnection } from './transport.js';

// 1.1: with 200 seed-sized documents open the server held 367 MB for 81 MB live; see heap.ts.
boundHeapGrowth(10);

// transport.ts: stdio and node IPC are read so that every message gets an answer.
const connection = createServerConnection();

// A bug must cost one answer, not the session: log what escaped the handlers and keep serving.
process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${String(reason)}`));

startServer(connection);

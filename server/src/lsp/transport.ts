// The server's side of JSON-RPC before vscode-jsonrpc sees a message (issue 16): every request gets
// an answer, whatever the client sends.
//
// - FramedReader reads `Content-Length` framed messages from a stream and resynchronises on the next
//   header when a frame is wrong (vscode-jsonrpc's reader stopped answering for good after one
//   wrong Content-Length: a short one cut a message, a long one swallowed the next).
// - createServerConnection reads --stdio and --node-ipc through both; other transports (--socket,
//   --pipe) are vscode-jsonrpc's own.
// - guardedReader answers what the connection would drop or answer wrongly: a request whose
//   `method` is not a string (no answer at all), a request before `initialize`
//   (ServerNotInitialized, as LSP says) or after `shutdown` (InvalidRequest; both were answered
//   `result: null`), and a message that is not a JSON-RPC object.

import {
  AbstractMessageReader,
  createConnection,
  ErrorCodes,
  IPCMessageReader,
  IPCMessageWriter,
  ProposedFeatures,
  StreamMessageWriter,
  type Connection,
  type DataCallback,
  type Disposable,
  type Message,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node.js';

const HEADER = Buffer.from('Content-Length:', 'ascii');
const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
/** A header block longer than this is not a header: resynchronise. */
const MAX_HEADER_BYTES = 8192;

export class FramedReader extends AbstractMessageReader implements MessageReader {
  /** Bytes received and not yet delivered, as they came (a 20 MB didOpen arrives in 64 kB chunks:
   *  joined once when complete, not at every chunk). */
  private chunks: Buffer[] = [];
  private size = 0;
  /** The current frame's header, once read: where its body starts and how long it says it is. */
  private frame: { start: number; length: number } | undefined;
  /** How far the current body has been searched for a following header (too long a frame). */
  private searched = 0;
  private callback: DataCallback | undefined;

  constructor(
    private readonly readable: NodeJS.ReadableStream,
    private readonly log: (message: string) => void,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (chunk: Buffer | string): void => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      this.chunks.push(bytes);
      this.size += bytes.length;
      this.drain();
    };
    const onError = (error: Error): void => this.fireError(error);
    const onClose = (): void => this.fireClose();
    this.readable.on('data', onData);
    this.readable.on('error', onError);
    this.readable.on('end', onClose);
    this.readable.on('close', onClose);
    return {
      dispose: () => {
        this.readable.off('data', onData);
        this.readable.off('error', onError);
        this.readable.off('end', onClose);
        this.readable.off('close', onClose);
      },
    };
  }

  /** All pending bytes as one buffer (joined at most once per delivered message). */
  private joined(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks, this.size)];
    return this.chunks[0] ?? Buffer.alloc(0);
  }

  private keepFrom(offset: number): void {
    const rest = this.joined().subarray(offset);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.size = rest.length;
    this.frame = undefined;
    this.searched = 0;
  }

  /** Delivers every complete message. */
  private drain(): void {
    for (;;) {
      if (!this.frame) {
        // Headers are short: joining what has come so far to find their end costs little.
        const buffer = this.joined();
        const headerEnd = buffer.indexOf(HEADER_END);
        if (headerEnd < 0) {
          if (buffer.length > MAX_HEADER_BYTES) this.resync(1, 'a header without an end');
          return;
        }
        const length = contentLength(buffer.subarray(0, headerEnd).toString('ascii'));
        if (length === undefined) {
          this.resync(1, 'a header without a valid Content-Length');
          continue;
        }
        this.frame = { start: headerEnd + HEADER_END.length, length };
        this.searched = this.frame.start;
      }
      const { start, length } = this.frame;
      if (this.size < start + length) {
        if (!this.tooLong()) return;
        continue;
      }
      const buffer = this.joined();
      const message = parse(buffer.subarray(start, start + length));
      if (message === undefined) {
        // Too long a Content-Length that the next message's bytes fulfilled: the message ends
        // where the next header starts.
        const next = buffer.indexOf(HEADER, start);
        const whole = next >= 0 && next < start + length ? parse(buffer.subarray(start, next)) : undefined;
        if (whole !== undefined) {
          this.log(`vanban-ls: a message's Content-Length (${length}) was larger than the message; resynchronised on the next header`);
          this.keepFrom(next);
          this.callback?.(whole);
          continue;
        }
        // A header that starts inside the body may not have come whole yet: wait for it.
        if (next < 0 && this.size < start + length + HEADER.length - 1) return;
        // Too short a Content-Length (or a broken body): skip to the next header after this one.
        this.resync(1, `a message that is not JSON (Content-Length ${length})`);
        continue;
      }
      this.keepFrom(start + length);
      this.callback?.(message);
    }
  }

  /**
   * Too long a Content-Length swallows the messages after it: when what has come so far is a whole
   * message followed by another header, deliver that message and go on from the header. Each byte
   * is searched once (a little overlap for a header split between chunks).
   */
  private tooLong(): boolean {
    const { start } = this.frame!;
    const last = this.chunks[this.chunks.length - 1]!;
    const lastStart = this.size - last.length;
    const from = Math.max(start, this.searched);
    this.searched = this.size;
    let next = -1;
    // A header split between the previous chunk and this one: search the seam alone.
    const previous = this.chunks.length > 1 ? this.chunks[this.chunks.length - 2]! : undefined;
    if (previous && from <= lastStart) {
      const k = Math.min(previous.length, HEADER.length - 1, lastStart - start);
      const seam = Buffer.concat([previous.subarray(previous.length - k), last.subarray(0, HEADER.length - 1)]);
      const at = seam.indexOf(HEADER);
      if (at >= 0 && at < k) next = lastStart - k + at;
    }
    // Then only the bytes that are new.
    if (next < 0) {
      const at = last.indexOf(HEADER, Math.max(0, from - lastStart));
      if (at >= 0) next = lastStart + at;
    }
    if (next < 0) return false;
    const buffer = this.joined();
    const message = parse(buffer.subarray(start, next));
    if (message === undefined) return false;
    this.log(`vanban-ls: a message's Content-Length (${this.frame!.length}) was larger than the message; resynchronised on the next header`);
    this.keepFrom(next);
    this.callback?.(message);
    return true;
  }

  /** Drops the pending bytes up to the next `Content-Length:` at or after `from`. */
  private resync(from: number, what: string): void {
    const buffer = this.joined();
    const next = buffer.indexOf(HEADER, from);
    this.log(`vanban-ls: skipped ${what}; resynchronised on the next header`);
    // No header yet: keep what could be the start of one split across chunks.
    this.keepFrom(next >= 0 ? next : Math.max(from, buffer.length - (HEADER.length - 1)));
  }
}

function contentLength(header: string): number | undefined {
  for (const line of header.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d{1,10}$/.test(value)) return undefined;
    return Number(value);
  }
  return undefined;
}

function parse(body: Buffer): Message | undefined {
  try {
    return JSON.parse(body.toString('utf8')) as Message;
  } catch {
    return undefined;
  }
}

/** The server's state as the messages it has read tell it. */
export interface GuardState {
  initialized: boolean;
  shutdown: boolean;
}

/**
 * A reader that passes on only what the connection handles correctly and answers the rest itself
 * through `writer`.
 */
export function guardedReader(inner: MessageReader, writer: MessageWriter, log: (message: string) => void, state: GuardState): MessageReader {
  const reply = (id: number | string | null, code: number, message: string): void => {
    void writer.write({ jsonrpc: '2.0', id, error: { code, message } } as Message).catch(() => undefined);
  };
  return {
    onError: inner.onError,
    onClose: inner.onClose,
    onPartialMessage: inner.onPartialMessage,
    dispose: () => inner.dispose(),
    listen(callback: DataCallback): Disposable {
      return inner.listen((message) => {
        const m = message as unknown as Record<string, unknown> | null;
        if (typeof m !== 'object' || m === null || Array.isArray(m)) {
          log('vanban-ls: a message that is not a JSON-RPC object; answered InvalidRequest');
          reply(null, ErrorCodes.InvalidRequest, 'a JSON-RPC message must be an object');
          return;
        }
        const hasId = 'id' in m && m.id !== undefined;
        const isResponse = !('method' in m) && ('result' in m || 'error' in m);
        if (isResponse) {
          callback(message);
          return;
        }
        const id = typeof m.id === 'number' || typeof m.id === 'string' ? m.id : null;
        if (typeof m.method !== 'string') {
          log(`vanban-ls: a message whose method is not a string${hasId ? '; answered InvalidRequest' : ''}`);
          if (hasId) reply(id, ErrorCodes.InvalidRequest, 'the method must be a string');
          return;
        }
        if (hasId && id === null) {
          reply(null, ErrorCodes.InvalidRequest, 'the id must be a number or a string');
          return;
        }
        const method = m.method;
        if (method === 'exit') {
          callback(message);
          return;
        }
        if (!hasId) {
          // Notifications before initialize or after shutdown are dropped, as LSP says.
          if (state.initialized && !state.shutdown) callback(message);
          return;
        }
        if (state.shutdown) {
          reply(id, ErrorCodes.InvalidRequest, `${method}: the server is shut down`);
          return;
        }
        if (!state.initialized && method !== 'initialize') {
          reply(id, ErrorCodes.ServerNotInitialized, `${method}: the server is not initialized`);
          return;
        }
        if (method === 'initialize') {
          if (state.initialized) {
            reply(id, ErrorCodes.InvalidRequest, 'initialize: the server is already initialized');
            return;
          }
          state.initialized = true;
        }
        if (method === 'shutdown') state.shutdown = true;
        callback(message);
      });
    },
  };
}

/**
 * The server's connection, on the transport the command line names: stdio and node IPC are read
 * through guardedReader (stdio also through FramedReader); other transports as createConnection
 * sets them up.
 */
export function createServerConnection(argv = process.argv.slice(2)): Connection {
  const state: GuardState = { initialized: false, shutdown: false };
  // Transport problems are logged on stderr: the connection that would carry them is what failed.
  const log = (message: string): void => void process.stderr.write(`${message}\n`);
  if (argv.includes('--stdio')) {
    const writer = new StreamMessageWriter(process.stdout);
    // The end of the input is the end of the session (vscode-languageserver does this for streams).
    const end = (): never => process.exit(state.shutdown ? 0 : 1);
    process.stdin.on('end', end);
    process.stdin.on('close', end);
    const connection = createConnection(ProposedFeatures.all, guardedReader(new FramedReader(process.stdin, log), writer, log, state), writer);
    // Standard output carries the protocol: anything a library prints goes to the client's log.
    const send = (write: (text: string) => void) => (...args: unknown[]) => write(args.map(String).join(' '));
    console.log = send((t) => connection.console.log(t));
    console.info = send((t) => connection.console.info(t));
    console.warn = send((t) => connection.console.warn(t));
    console.error = send((t) => connection.console.error(t));
    console.debug = send((t) => connection.console.log(t));
    return connection;
  }
  if (argv.includes('--node-ipc')) {
    const writer = new IPCMessageWriter(process);
    return createConnection(ProposedFeatures.all, guardedReader(new IPCMessageReader(process), writer, log, state), writer);
  }
  return createConnection(ProposedFeatures.all);
}

// Reading an open file to its end: the CLI's documents, its --fix check that a file is unchanged,
// and configuration files all read a regular file of a known size this way (never more than it
// said it was, and what it holds if it shrank meanwhile).

import { readSync } from 'node:fs';

export function readAll(fd: number, size: number): Buffer {
  const bytes = Buffer.alloc(size);
  let read = 0;
  while (read < size) {
    const n = readSync(fd, bytes, read, size - read, read);
    if (n === 0) break;
    read += n;
  }
  return bytes.subarray(0, read);
}

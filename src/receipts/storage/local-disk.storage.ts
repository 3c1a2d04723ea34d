import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { FileStorage, type TempFile } from './file-storage.js';
import { assertStorageKey } from './storage-key.js';

/**
 * Runs `work` (which creates something in `folder`) and, only when the folder is missing,
 * creates it and runs `work` again: a `mkdir -p` before every upload cost two system calls
 * each time for a folder that almost always exists (bench/RESULTS.md, Nov 30).
 */
async function withFolder<T>(folder: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await mkdir(folder, { recursive: true });
    return work();
  }
}

/**
 * Files under STORAGE_DIR, which nothing serves statically. Staging files sit in
 * `.incoming/` on the same file system, so committing one is a rename.
 */
export class LocalDiskStorage extends FileStorage {
  private readonly root: string;
  private readonly incoming: string;

  constructor(dir: string) {
    super();
    this.root = resolve(dir);
    this.incoming = join(this.root, '.incoming');
  }

  async createTempFile(): Promise<TempFile> {
    const path = join(this.incoming, `${randomUUID()}.part`);
    // Opened here, not by the stream, so a missing folder is an error we can act on.
    const handle = await withFolder(this.incoming, () => open(path, 'wx', 0o600));
    return { path, stream: handle.createWriteStream() };
  }

  async commit(tempPath: string, key: string): Promise<void> {
    const target = this.localPath(key);
    await withFolder(dirname(target), () => rename(tempPath, target));
  }

  async discardTemp(tempPath: string): Promise<void> {
    await rm(tempPath, { force: true });
  }

  openRead(key: string): Readable {
    return createReadStream(this.localPath(key));
  }

  async withLocalCopy<T>(key: string, work: (path: string) => Promise<T>): Promise<T> {
    const path = this.localPath(key);
    await access(path); // a missing file fails here (ENOENT), as it does on object storage
    return work(path);
  }

  localPath(key: string): string {
    // Keys are generated, but a bad one must never escape the root.
    assertStorageKey(key);
    const path = resolve(this.root, key);
    if (!path.startsWith(this.root + sep)) throw new Error(`invalid storage key: ${key}`);
    return path;
  }

  async exists(key: string): Promise<boolean> {
    return access(this.localPath(key)).then(
      () => true,
      () => false,
    );
  }

  async delete(key: string): Promise<void> {
    await rm(this.localPath(key), { force: true });
  }

  async probe(): Promise<void> {
    // The same path an upload takes: a staging file written and removed.
    const temp = await this.createTempFile();
    try {
      await new Promise<void>((done, fail) => {
        temp.stream.once('error', fail);
        temp.stream.end('ok', done);
      });
    } finally {
      await this.discardTemp(temp.path);
    }
  }
}

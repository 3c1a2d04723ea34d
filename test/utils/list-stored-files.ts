import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Every file under a storage folder (staging area `.incoming/` included), as relative paths. */
export async function listStoredFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    },
  );
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** A temporary folder for a test file's inputs and outputs (imports, rejects files). */
export interface TempFolder {
  readonly path: string;
  /** Writes `text` to a file of that name in the folder; returns its path. */
  write(name: string, text: string): Promise<string>;
  remove(): Promise<void>;
}

export async function createTempFolder(prefix: string): Promise<TempFolder> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  return {
    path: folder,
    async write(name, text) {
      const file = path.join(folder, name);
      await fs.writeFile(file, text);
      return file;
    },
    remove: () => fs.rm(folder, { recursive: true, force: true }),
  };
}

import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BUNDLE_LIMITS } from '@careloom/contracts';

/**
 * Reads a bundle folder into the map `validateBundle` takes (paths relative to `dir`, with `/`). Symbolic
 * links and other non-regular files are skipped so nothing outside the folder is read; reading stops after
 * one entry more than the limit (validation then refuses the bundle) and at a depth of 6.
 */
export async function readBundleFolder(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const walk = async (relative: string, depth: number): Promise<void> => {
    if (depth > 6) {
      return;
    }
    const entries = await readdir(join(dir, relative), { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (files.size > BUNDLE_LIMITS.maxEntries) {
        return;
      }
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      const stat = await lstat(join(dir, path));
      if (stat.isDirectory()) {
        await walk(path, depth + 1);
      } else if (stat.isFile()) {
        files.set(path, await readFile(join(dir, path)));
      }
    }
  };
  await walk('', 0);
  return files;
}

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  KEY_PATTERN,
  satisfiesVersionRange,
  type BundleManifest,
  type BundleRequirement,
} from '@careloom/contracts';

/** A bundle folder shipped with the server (`templates/<folder>/manifest.json`). */
export type ShippedBundle = { folder: string; manifest: BundleManifest };

/** An installed bundle as far as requirements care. */
export type InstalledVersion = { key: string; version: string };

const KEY = new RegExp(KEY_PATTERN);

function looksLikeManifest(value: unknown): value is BundleManifest {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const manifest = value as Partial<BundleManifest>;
  return (
    typeof manifest.key === 'string' &&
    KEY.test(manifest.key) &&
    typeof manifest.version === 'string' &&
    typeof manifest.title === 'object' &&
    manifest.title !== null
  );
}

/**
 * The shipped bundles under `dir`: each sub-folder whose `manifest.json` parses and names a key and version
 * (the import validates everything else). A missing `dir` means none are shipped.
 */
export async function readShippedBundles(dir: string): Promise<ShippedBundle[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const shipped: ShippedBundle[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) {
      continue;
    }
    try {
      const manifest: unknown = JSON.parse(await readFile(join(dir, entry.name, 'manifest.json'), 'utf8'));
      if (looksLikeManifest(manifest)) {
        shipped.push({ folder: entry.name, manifest });
      }
    } catch {
      // not a bundle folder (no or unreadable manifest): not offered
    }
  }
  return orderByRequirements(shipped);
}

/**
 * Bundles so that each comes after the bundles it requires (those among them), otherwise by key; a cycle
 * keeps the remaining ones in key order.
 */
export function orderByRequirements<T extends { manifest: BundleManifest }>(bundles: readonly T[]): T[] {
  const pending = [...bundles].sort((a, b) => a.manifest.key.localeCompare(b.manifest.key));
  const keys = new Set(pending.map((b) => b.manifest.key));
  const placed = new Set<string>();
  const ordered: T[] = [];
  while (pending.length > 0) {
    const index = pending.findIndex((bundle) =>
      (bundle.manifest.requires ?? []).every((r) => placed.has(r.key) || !keys.has(r.key)),
    );
    const [next] = pending.splice(index < 0 ? 0 : index, 1);
    if (next) {
      placed.add(next.manifest.key);
      ordered.push(next);
    }
  }
  return ordered;
}

/** The requirements of `manifest` that no installed bundle satisfies (key and version range). */
export function unmetRequirements(
  manifest: BundleManifest,
  installed: readonly InstalledVersion[],
): BundleRequirement[] {
  return (manifest.requires ?? []).filter(
    (requirement) =>
      !installed.some(
        (bundle) =>
          bundle.key === requirement.key && satisfiesVersionRange(bundle.version, requirement.version),
      ),
  );
}

import type { BundleFormFile, BundleManifest, BundleProblem, BundleRuleFile } from '@careloom/contracts';
import type { ProcessDefinition } from '../../process-runtime/process-model.util.js';

/** The files of a bundle by path relative to its root (a folder read from disk, zip entries, an upload). */
export type BundleFiles = ReadonlyMap<string, string | Uint8Array>;

/** A bundle another one may require, as the importer knows it (already installed, or in the same upload). */
export type AvailableBundle = { key: string; version: string; formKeys: readonly string[] };

export type ValidateBundleOptions = {
  /** Bundles that `requires` entries resolve against; without it, a bundle with requirements is refused. */
  available?: readonly AvailableBundle[];
  /** Keys of the processes the tenant has deployed, which a rule's start-process / cancel-process may name. */
  processKeys?: readonly string[];
};

export type BundleProcessFile = { file: string; xml: string; definitions: ProcessDefinition[] };

export type BundleJsonFile = { file: string; content: unknown };

/** A bundle whose every file passed validation, parsed. */
export type ValidatedBundle = {
  manifest: BundleManifest;
  forms: (BundleFormFile & { file: string })[];
  processes: BundleProcessFile[];
  rules: (BundleRuleFile & { file: string })[];
  reports: BundleJsonFile[];
  dashboards: BundleJsonFile[];
  i18n: BundleJsonFile[];
  readme: string | null;
};

export type BundleValidationResult =
  { ok: true; bundle: ValidatedBundle } | { ok: false; problems: BundleProblem[] };

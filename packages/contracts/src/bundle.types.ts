import type { BUNDLE_CONTENT_KINDS, ROLE_KEYS } from './bundle.constants.js';

/** Text in both shipped languages. */
export type LocalizedText = { 'zh-CN': string; en: string };

export type RoleKey = (typeof ROLE_KEYS)[number];

export type BundleContentKind = (typeof BUNDLE_CONTENT_KINDS)[number];

/** Another bundle this one needs (its forms may be referenced by this bundle's tasks and rules). */
export interface BundleRequirement {
  key: string;
  /** `*`, `1.2.3`, `^1.2.3`, `~1.2.3` or `>=1.2.3`. */
  version: string;
}

/** Paths (relative to the bundle root) of each kind of content, e.g. `forms/elder-archive.json`. */
export type BundleContents = { [K in BundleContentKind]?: string[] };

/** `manifest.json` at the root of a bundle. */
export interface BundleManifest {
  schemaVersion: 1;
  /** Kebab-case, unique per bundle: `elder-archive`. */
  key: string;
  /** Semantic version: a higher version publishes new versions of what changed. */
  version: string;
  title: LocalizedText;
  description: LocalizedText;
  requires?: BundleRequirement[];
  /** Roles the bundle's tasks and rules address; an importer checks the tenant has them. */
  roles: RoleKey[];
  contents: BundleContents;
  /** Where the content comes from (standards, guidelines), shown in the template manager. */
  sources?: string[];
}

/** `forms/<key>.json`: one form (a CareLoom JSON Schema, see @careloom/forms). */
export interface BundleFormFile {
  key: string;
  name: LocalizedText;
  description?: LocalizedText;
  schema: Record<string, unknown>;
  uiSchema?: Record<string, unknown>;
  /** Shared with family: the family portal shows this form's records to linked family members. Default false. */
  familyVisible?: boolean;
}

/** `rules/<key>.json`: one trigger rule; `definition` is a rule definition (schemaVersion 1). */
export interface BundleRuleFile {
  key: string;
  name: LocalizedText;
  description?: LocalizedText;
  /** Default true. */
  enabled?: boolean;
  definition: Record<string, unknown>;
}

/**
 * One problem found in a bundle: the file, a JSON pointer or BPMN element id inside it, and what is wrong (`message`
 * in English; `zh`, when the validator words it, in Chinese for zh-CN callers).
 */
export interface BundleProblem {
  file: string;
  location: string;
  message: string;
  zh?: string;
}

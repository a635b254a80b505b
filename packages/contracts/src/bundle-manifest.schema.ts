import {
  BUNDLE_LIMITS,
  BUNDLE_PATH_PATTERN,
  KEY_PATTERN,
  ROLE_KEYS,
  SEMVER_PATTERN,
  VERSION_RANGE_PATTERN,
} from './bundle.constants.js';

const localizedText = (maxLength: number) =>
  ({
    type: 'object',
    required: ['zh-CN', 'en'],
    additionalProperties: false,
    properties: {
      'zh-CN': { type: 'string', minLength: 1, maxLength },
      en: { type: 'string', minLength: 1, maxLength },
    },
  }) as const;

const pathList = (folder: string, extension: string) =>
  ({
    type: 'array',
    maxItems: BUNDLE_LIMITS.maxContentItems,
    uniqueItems: true,
    items: {
      type: 'string',
      maxLength: BUNDLE_LIMITS.maxPathLength,
      pattern: `^${folder}/[a-z][a-z0-9-]{1,63}\\${extension}$`,
    },
  }) as const;

/** JSON Schema (draft 2020-12) of `manifest.json`, schemaVersion 1. */
export const bundleManifestSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://careloom.dev/schemas/bundle-manifest-1.json',
  title: 'CareLoom bundle manifest',
  type: 'object',
  required: ['schemaVersion', 'key', 'version', 'title', 'description', 'roles', 'contents'],
  additionalProperties: false,
  properties: {
    schemaVersion: { const: 1 },
    key: { type: 'string', maxLength: 64, pattern: KEY_PATTERN },
    version: { type: 'string', maxLength: 60, pattern: SEMVER_PATTERN },
    title: localizedText(100),
    description: localizedText(2000),
    requires: {
      type: 'array',
      maxItems: 20,
      items: {
        type: 'object',
        required: ['key', 'version'],
        additionalProperties: false,
        properties: {
          key: { type: 'string', maxLength: 64, pattern: KEY_PATTERN },
          version: { type: 'string', maxLength: 60, pattern: VERSION_RANGE_PATTERN },
        },
      },
    },
    roles: {
      type: 'array',
      maxItems: ROLE_KEYS.length,
      uniqueItems: true,
      items: { type: 'string', enum: [...ROLE_KEYS] },
    },
    contents: {
      type: 'object',
      additionalProperties: false,
      properties: {
        forms: pathList('forms', '.json'),
        processes: pathList('processes', '.bpmn'),
        rules: pathList('rules', '.json'),
        reports: pathList('reports', '.json'),
        dashboards: pathList('dashboards', '.json'),
      },
    },
    sources: {
      type: 'array',
      maxItems: 50,
      items: { type: 'string', minLength: 1, maxLength: 500 },
    },
  },
} as const;

/** JSON Schema of a form file (`forms/<key>.json`); `schema` itself is checked by the forms linter. */
export const bundleFormFileSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://careloom.dev/schemas/bundle-form-1.json',
  type: 'object',
  required: ['key', 'name', 'schema'],
  additionalProperties: false,
  properties: {
    key: { type: 'string', maxLength: 64, pattern: KEY_PATTERN },
    name: localizedText(100),
    description: localizedText(2000),
    schema: { type: 'object' },
    uiSchema: { type: 'object' },
    familyVisible: { type: 'boolean' },
  },
} as const;

/** JSON Schema of a rule file (`rules/<key>.json`); `definition` is checked by the rule checker. */
export const bundleRuleFileSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://careloom.dev/schemas/bundle-rule-1.json',
  type: 'object',
  required: ['key', 'name', 'definition'],
  additionalProperties: false,
  properties: {
    key: { type: 'string', maxLength: 64, pattern: KEY_PATTERN },
    name: localizedText(100),
    description: localizedText(2000),
    enabled: { type: 'boolean' },
    definition: { type: 'object' },
  },
} as const;

/** A path pattern valid for any file of a bundle (see `isSafeBundlePath` for the full check). */
export const bundlePathSchema = {
  type: 'string',
  maxLength: BUNDLE_LIMITS.maxPathLength,
  pattern: BUNDLE_PATH_PATTERN,
} as const;

/** Keywords of the JSON Schema 2020-12 vocabularies (core, applicator, unevaluated, validation, meta-data, format, content). */
export const STANDARD_KEYWORDS: readonly string[] = [
  '$schema',
  '$id',
  '$ref',
  '$anchor',
  '$dynamicRef',
  '$dynamicAnchor',
  '$vocabulary',
  '$comment',
  '$defs',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'if',
  'then',
  'else',
  'dependentSchemas',
  'prefixItems',
  'items',
  'contains',
  'properties',
  'patternProperties',
  'additionalProperties',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
  'type',
  'enum',
  'const',
  'multipleOf',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxContains',
  'minContains',
  'maxProperties',
  'minProperties',
  'required',
  'dependentRequired',
  'title',
  'description',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  'examples',
  'format',
  'contentEncoding',
  'contentMediaType',
  'contentSchema',
];

/** Dialect keywords with run-time behaviour. */
export const BEHAVIOUR_KEYWORDS = ['x-compute', 'x-visible-if', 'x-required-if', 'x-scale'] as const;

/** Every keyword the CareLoom dialect adds; anything else outside 2020-12 is refused. */
export const DIALECT_KEYWORDS: readonly string[] = [
  'x-sensitive',
  /** `true`: the server keeps a database index on this field of the form's records (lists filter and sort with it). */
  'x-indexed',
  ...BEHAVIOUR_KEYWORDS,
  'x-labels',
  'x-section',
  'x-help',
];

/** Keywords whose value is one subschema. */
export const SUBSCHEMA_KEYWORDS: readonly string[] = [
  'additionalProperties',
  'propertyNames',
  'items',
  'contains',
  'not',
  'if',
  'then',
  'else',
  'unevaluatedItems',
  'unevaluatedProperties',
  'contentSchema',
];

/** Keywords whose value is an array of subschemas. */
export const SUBSCHEMA_ARRAY_KEYWORDS: readonly string[] = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];

/** Keywords whose value maps names to subschemas. */
export const SUBSCHEMA_MAP_KEYWORDS: readonly string[] = [
  'properties',
  'patternProperties',
  '$defs',
  'dependentSchemas',
];

export const SCHEMA_DIALECT_URI = 'https://json-schema.org/draft/2020-12/schema';

/** Formats the dialect accepts. */
export const FORMATS: readonly string[] = [
  'date',
  'time',
  /**
   * A time of day on the home's wall clock, `HH:MM` or `HH:MM:SS`, no offset: what a nurse means by "02:30" (the
   * standard `time` is RFC 3339 full-time and needs an offset, `02:30:00+08:00`).
   */
  'local-time',
  'date-time',
  'email',
  'uri',
  'cn-id-number',
  'cn-mobile',
  /** A handwritten signature: `data:image/png;base64,…` drawn on the form. */
  'signature',
  /** A photo taken or chosen on the device: `data:image/jpeg;base64,…` (PNG and WebP too), scaled down. */
  'photo',
];

/** Formats whose value is an image as a data URL. */
export const IMAGE_FORMATS: readonly string[] = ['signature', 'photo'];

export const FORBIDDEN_PROPERTY_NAMES: readonly string[] = ['__proto__', 'constructor', 'prototype'];

export const LIMITS = {
  maxDepth: 32,
  maxProperties: 2000,
  maxBytes: 512 * 1024,
  /** A bounded outer quantifier above this count is treated like an unbounded one by the ReDoS check. */
  maxRepeat: 10,
  /** Largest maxLength of a signature or photo field: a request body is 1 MiB, a record holds several. */
  maxImageLength: 400_000,
} as const;

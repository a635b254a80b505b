import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsImport, { type FormatsPlugin } from 'ajv-formats';
import { isChineseIdNumber, isChineseMobile } from './cn-identity.util.js';
import { isImageDataUrl } from './image.util.js';

/**
 * ajv-formats is CommonJS (`module.exports = plugin; exports.default = plugin`). Under tsc (nodenext) the default
 * import is typed as the module object, under jest/SWC and Node ESM it is the plugin itself, which also carries
 * `.default`: taking `.default` when present works in every runtime.
 */
const addFormats: FormatsPlugin =
  (addFormatsImport as unknown as { default?: FormatsPlugin }).default ??
  (addFormatsImport as unknown as FormatsPlugin);

const LABELS_META = {
  type: 'object',
  properties: { 'zh-CN': { type: 'string' }, en: { type: 'string' } },
  required: ['zh-CN', 'en'],
  additionalProperties: false,
} as const;

/** `local-time`: 00:00–23:59, seconds optional, no offset. */
const LOCAL_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?$/;

/** A band: a range (`min`/`max`) or a condition (`when`); lint checks which and that a list uses one kind. */
const BAND_META = {
  type: 'object',
  required: ['level', 'labels'],
  additionalProperties: false,
  properties: {
    min: { type: 'number' },
    max: { type: 'number' },
    when: {},
    level: { type: 'string', minLength: 1 },
    labels: LABELS_META,
  },
} as const;

const SCALE_META = {
  type: 'object',
  required: ['edition', 'items', 'bands'],
  additionalProperties: false,
  properties: {
    edition: { type: 'string', minLength: 1 },
    items: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['field', 'options'],
        additionalProperties: false,
        properties: {
          field: { type: 'string', minLength: 1 },
          label: LABELS_META,
          options: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              required: ['value', 'label'],
              additionalProperties: false,
              properties: {
                value: { type: ['string', 'number', 'boolean'] },
                label: LABELS_META,
                score: {},
              },
            },
          },
        },
      },
    },
    sections: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'items'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', minLength: 1 },
          label: LABELS_META,
          items: { type: 'array', items: { type: 'string' } },
          grades: { type: 'array', minItems: 1, items: BAND_META },
        },
      },
    },
    bands: { type: 'array', minItems: 1, items: BAND_META },
    overrides: {
      type: 'array',
      items: {
        type: 'object',
        required: ['type', 'id', 'when'],
        properties: {
          type: { enum: ['set-level', 'shift-level'] },
          id: { type: 'string', minLength: 1 },
          when: {},
          level: { type: 'string' },
          by: { type: 'integer' },
          reason: LABELS_META,
        },
        additionalProperties: false,
      },
    },
  },
} as const;

/** The dialect keywords as ajv keyword definitions: annotations for ajv, behaviour lives in compile-form. */
const KEYWORD_META: ReadonlyArray<{ keyword: string; metaSchema: object }> = [
  { keyword: 'x-sensitive', metaSchema: { type: 'boolean' } },
  { keyword: 'x-indexed', metaSchema: { type: 'boolean' } },
  { keyword: 'x-compute', metaSchema: {} },
  { keyword: 'x-visible-if', metaSchema: {} },
  { keyword: 'x-required-if', metaSchema: {} },
  { keyword: 'x-scale', metaSchema: SCALE_META },
  { keyword: 'x-labels', metaSchema: LABELS_META },
  { keyword: 'x-section', metaSchema: { type: 'string' } },
  { keyword: 'x-help', metaSchema: LABELS_META },
];

export type FormsAjv = Ajv2020;

/**
 * A fresh ajv for one form: draft 2020-12, strict (but strictRequired off, union types allowed), all errors,
 * formats validated, no $data, no remote loading.
 * A fresh instance per form keeps `$id`s of different forms from colliding.
 */
export function createFormsAjv(): FormsAjv {
  const ajv = new Ajv2020({
    strict: true,
    allErrors: true,
    $data: false,
    validateFormats: true,
    // strictRequired refuses `then: { required: [...] }`, the standard 2020-12 conditional-required idiom
    strictRequired: false,
    // nullable fields (["string", "null"]) are common in forms
    allowUnionTypes: true,
    verbose: true,
  });
  addFormats(ajv, { mode: 'full', formats: ['date', 'time', 'date-time', 'email', 'uri'], keywords: false });
  ajv.addFormat('cn-id-number', { type: 'string', validate: isChineseIdNumber });
  ajv.addFormat('cn-mobile', { type: 'string', validate: isChineseMobile });
  ajv.addFormat('local-time', { type: 'string', validate: LOCAL_TIME });
  ajv.addFormat('signature', { type: 'string', validate: isImageDataUrl });
  ajv.addFormat('photo', { type: 'string', validate: isImageDataUrl });
  for (const { keyword, metaSchema } of KEYWORD_META) {
    ajv.addKeyword({ keyword, metaSchema });
  }
  return ajv;
}

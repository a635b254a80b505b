import type { UiSchema } from '@rjsf/utils';
import type { Locale } from '@careloom/forms';
import {
  formFields,
  helpOf,
  labelOf,
  orderedPropertyNames,
  scaleOptionsByField,
  type SchemaNode,
} from './form-fields.util.js';
import { pointerSegments } from './pointer.util.js';

/** Widget and field names CareForm registers with rjsf. */
export const CARE_WIDGETS = {
  choice: 'CareChoiceWidget',
  date: 'CareDateWidget',
  time: 'CareTimeWidget',
  computed: 'CareComputedWidget',
  signature: 'CareSignatureWidget',
  photo: 'CarePhotoWidget',
} as const;
export const CARE_FIELDS = {
  hidden: 'CareHiddenField',
  scale: 'CareScaleResultField',
} as const;

const YES_NO: Record<Locale, Record<string, string>> = {
  'zh-CN': { true: '是', false: '否' },
  en: { true: 'Yes', false: 'No' },
};

/** Long free text gets a text area. */
const TEXTAREA_FROM_LENGTH = 200;

export interface CareUiSchemaOptions {
  locale: Locale;
  /** Pointers of fields hidden by `x-visible-if` right now (not rendered). */
  hidden?: ReadonlySet<string>;
  /** The form version's own uiSchema: its entries win over the derived ones (except hiding). */
  base?: UiSchema;
  /** Show the schema's root title above the fields (default false: the page shows the form's name). */
  rootTitle?: boolean;
}

type UiNode = Record<string, unknown>;

function isNode(value: unknown): value is UiNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep merge: objects merge, anything else from `over` replaces. */
function merge(under: UiNode, over: UiNode): UiNode {
  const result: UiNode = { ...under };
  for (const [key, value] of Object.entries(over)) {
    const current = result[key];
    result[key] = isNode(current) && isNode(value) ? merge(current, value) : value;
  }
  return result;
}

function derivedEntry(
  field: SchemaNode,
  pointer: string,
  options: CareUiSchemaOptions,
  scales: ReturnType<typeof scaleOptionsByField>,
): UiNode {
  const { locale } = options;
  const entry: UiNode = {};
  const label = labelOf(field, locale);
  if (label !== undefined) {
    entry['ui:title'] = label;
  }
  const help = helpOf(field, locale);
  if (help !== undefined) {
    entry['ui:description'] = help;
  }
  if (field['x-scale'] !== undefined) {
    entry['ui:field'] = CARE_FIELDS.scale;
    return entry;
  }
  if (field['readOnly'] === true || field['x-compute'] !== undefined) {
    entry['ui:readonly'] = true;
    if (field['type'] !== 'object' && field['type'] !== 'array') {
      entry['ui:widget'] = CARE_WIDGETS.computed;
    }
    return entry;
  }
  const scaleOptions = scales.get(pointer);
  if (Array.isArray(field['enum'])) {
    entry['ui:widget'] = CARE_WIDGETS.choice;
    if (scaleOptions) {
      entry['ui:enumNames'] = Object.fromEntries(
        scaleOptions.map((option) => [String(option.value), option.label[locale]]),
      );
      entry['ui:options'] = {
        scores: Object.fromEntries(scaleOptions.map((option) => [String(option.value), option.score])),
      };
    }
  } else if (field['type'] === 'boolean') {
    entry['ui:widget'] = CARE_WIDGETS.choice;
    entry['ui:enumNames'] = YES_NO[locale];
  } else if (field['type'] === 'string' && field['format'] === 'date') {
    entry['ui:widget'] = CARE_WIDGETS.date;
  } else if (field['type'] === 'string' && field['format'] === 'local-time') {
    entry['ui:widget'] = CARE_WIDGETS.time;
  } else if (field['type'] === 'string' && field['format'] === 'signature') {
    entry['ui:widget'] = CARE_WIDGETS.signature;
  } else if (field['type'] === 'string' && field['format'] === 'photo') {
    entry['ui:widget'] = CARE_WIDGETS.photo;
  } else if (
    field['type'] === 'string' &&
    field['format'] === undefined &&
    typeof field['maxLength'] === 'number' &&
    field['maxLength'] >= TEXTAREA_FROM_LENGTH
  ) {
    entry['ui:widget'] = 'textarea';
  }
  return entry;
}

/**
 * The uiSchema CareForm hands to rjsf: labels from `x-labels[locale]` (else `title`), help from `x-help`,
 * enums as big radio buttons labelled by the scale's option labels, booleans as 是/否, dates as native
 * date inputs, computed fields read-only, fields hidden by `x-visible-if` not rendered.
 */
export function buildCareUiSchema(schema: unknown, options: CareUiSchemaOptions): UiSchema {
  const scales = scaleOptionsByField(schema);
  let root: UiNode = options.rootTitle === true ? {} : { 'ui:options': { label: false } };
  const fields = formFields(schema);
  // property order of every object (rjsf's ui:order), see orderedPropertyNames
  for (const node of [{ pointer: '', schema: isNode(schema) ? schema : {} }, ...fields]) {
    const order = orderedPropertyNames(node.schema);
    if (order.length > 1 && !node.pointer.includes('/*')) {
      root = setIn(root, pointerSegments(node.pointer), { 'ui:order': [...order, '*'] });
    }
  }
  for (const field of fields) {
    const segments = pointerSegments(field.pointer).map((segment) => (segment === '*' ? 'items' : segment));
    let entry = derivedEntry(field.schema, field.pointer, options, scales);
    if (options.hidden?.has(field.pointer)) {
      entry = { ...entry, 'ui:widget': 'hidden', 'ui:field': CARE_FIELDS.hidden };
    }
    root = setIn(root, segments, entry);
  }
  const merged = options.base ? merge(root, options.base as UiNode) : root;
  // hiding wins over the author's uiSchema: a hidden field is not part of the record
  for (const pointer of options.hidden ?? []) {
    const segments = pointerSegments(pointer);
    if (!segments.includes('*')) {
      Object.assign(
        merged,
        setIn(merged, segments, { 'ui:widget': 'hidden', 'ui:field': CARE_FIELDS.hidden }),
      );
    }
  }
  return merged as UiSchema;
}

function setIn(node: UiNode, segments: readonly string[], entry: UiNode): UiNode {
  const [head, ...rest] = segments;
  if (head === undefined) {
    return merge(node, entry);
  }
  const child = node[head];
  return { ...node, [head]: setIn(isNode(child) ? child : {}, rest, entry) };
}

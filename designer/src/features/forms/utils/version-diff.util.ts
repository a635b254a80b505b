import {
  conditionFromLogic,
  describeCompute,
  describeCondition,
  computeFromLogic,
} from '../../../shared/logic-builder/logic-builder.util.js';
import type { BuilderField } from '../../../shared/logic-builder/logic-builder.types.js';
import type { FieldEntry, FormDocument, Labels } from './form-schema.types.js';
import {
  builderFields,
  flattenFields,
  isLabels,
  labelsOf,
  listFields,
  optionsOf,
  varPathOf,
} from './form-schema.util.js';

type Locale = keyof Labels;

/** What about a field changed. */
export type ChangeAspect =
  | 'label'
  | 'kind'
  | 'required'
  | 'help'
  | 'options'
  | 'validation'
  | 'default'
  | 'sensitive'
  | 'indexed'
  | 'visible-if'
  | 'required-if'
  | 'compute'
  | 'scale'
  | 'position'
  | 'other';

export interface AspectChange {
  aspect: ChangeAspect;
  /** Readable values (in the locale); '' when absent. */
  before: string;
  after: string;
}

export type FieldChange =
  | { type: 'added'; path: string; label: string }
  | { type: 'removed'; path: string; label: string }
  | { type: 'changed'; path: string; label: string; changes: AspectChange[] };

const VALIDATION = [
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'format',
] as const;

const HANDLED = new Set<string>([
  ...VALIDATION,
  'title',
  'x-labels',
  'x-help',
  'enum',
  'items',
  'properties',
  'required',
  'default',
  'x-sensitive',
  'x-indexed',
  'x-visible-if',
  'x-required-if',
  'x-compute',
  'x-scale',
  'type',
  'readOnly',
]);

function text(value: unknown): string {
  if (value === undefined) {
    return '';
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function logicText(
  kind: 'condition' | 'compute',
  logic: unknown,
  fields: readonly BuilderField[],
  locale: Locale,
): string {
  if (logic === undefined) {
    return '';
  }
  if (kind === 'compute') {
    const model = computeFromLogic(logic);
    return model ? describeCompute(model, fields, locale) : JSON.stringify(logic);
  }
  const tree = conditionFromLogic(logic);
  return tree ? describeCondition(tree, fields, locale) : JSON.stringify(logic);
}

function validationText(schema: Record<string, unknown>): string {
  return VALIDATION.filter((keyword) => schema[keyword] !== undefined)
    .map((keyword) => `${keyword} ${text(schema[keyword])}`)
    .join(', ');
}

function compare(
  before: FieldEntry,
  after: FieldEntry,
  context: { beforeFields: BuilderField[]; afterFields: BuilderField[]; locale: Locale; moved: boolean },
): AspectChange[] {
  const { locale } = context;
  const changes: AspectChange[] = [];
  const add = (aspect: ChangeAspect, a: string, b: string) => {
    if (a !== b) {
      changes.push({ aspect, before: a, after: b });
    }
  };
  const a = before.schema;
  const b = after.schema;
  const labelText = (entry: FieldEntry) => {
    const labels = labelsOf(entry.schema, entry.ref.key);
    return `${labels['zh-CN']} / ${labels.en}`;
  };
  add('label', labelText(before), labelText(after));
  add('kind', before.kind, after.kind);
  add('required', before.required ? 'yes' : 'no', after.required ? 'yes' : 'no');
  const help = (value: unknown) => (isLabels(value) ? value[locale] : '');
  add('help', help(a['x-help']), help(b['x-help']));
  const optionText = (entry: FieldEntry) =>
    optionsOf(entry.schema, entry.ui)
      .map((option) => `${option.label[locale]} (${String(option.value)})`)
      .join(', ');
  add('options', optionText(before), optionText(after));
  add('validation', validationText(a), validationText(b));
  add('default', text(a['default']), text(b['default']));
  add('sensitive', a['x-sensitive'] === true ? 'yes' : 'no', b['x-sensitive'] === true ? 'yes' : 'no');
  add('indexed', a['x-indexed'] === true ? 'yes' : 'no', b['x-indexed'] === true ? 'yes' : 'no');
  add(
    'visible-if',
    logicText('condition', a['x-visible-if'], context.beforeFields, locale),
    logicText('condition', b['x-visible-if'], context.afterFields, locale),
  );
  add(
    'required-if',
    logicText('condition', a['x-required-if'], context.beforeFields, locale),
    logicText('condition', b['x-required-if'], context.afterFields, locale),
  );
  add(
    'compute',
    logicText('compute', a['x-compute'], context.beforeFields, locale),
    logicText('compute', b['x-compute'], context.afterFields, locale),
  );
  if (text(a['x-scale']) !== text(b['x-scale'])) {
    changes.push({ aspect: 'scale', before: '', after: '' });
  }
  const rest = (schema: Record<string, unknown>) =>
    text(Object.fromEntries(Object.entries(schema).filter(([key]) => !HANDLED.has(key))));
  add('other', rest(a), rest(b));
  if (context.moved) {
    changes.push({ aspect: 'position', before: '', after: '' });
  }
  return changes;
}

/** The paths that kept their relative order (a longest increasing subsequence); the others moved. */
function stayed(oldOrder: readonly string[], newOrder: readonly string[]): Set<string> {
  const indices = newOrder.map((path) => oldOrder.indexOf(path));
  const length: number[] = [];
  const previous: number[] = [];
  indices.forEach((value, i) => {
    length[i] = 1;
    previous[i] = -1;
    for (let j = 0; j < i; j += 1) {
      if ((indices[j] ?? 0) < value && (length[j] ?? 0) + 1 > (length[i] ?? 0)) {
        length[i] = (length[j] ?? 0) + 1;
        previous[i] = j;
      }
    }
  });
  let end = length.reduce((best, value, i) => (value > (length[best] ?? 0) ? i : best), 0);
  const result = new Set<string>();
  while (end >= 0 && newOrder[end] !== undefined) {
    result.add(newOrder[end] ?? '');
    end = previous[end] ?? -1;
  }
  return result;
}

/**
 * The fields added, removed and changed from one version (or the draft) to another, matched by their path
 * (`key`, `section.key`, `table.column`), in the newer version's order (removed ones last).
 */
export function diffDocuments(before: FormDocument, after: FormDocument, locale: Locale): FieldChange[] {
  const olds = flattenFields(listFields(before));
  const news = flattenFields(listFields(after));
  const byPath = (entries: FieldEntry[]) => new Map(entries.map((entry) => [varPathOf(entry.ref), entry]));
  const oldByPath = byPath(olds);
  const newByPath = byPath(news);
  const oldOrder = olds.map((entry) => varPathOf(entry.ref)).filter((path) => newByPath.has(path));
  const newOrder = news.map((entry) => varPathOf(entry.ref)).filter((path) => oldByPath.has(path));
  const kept = stayed(oldOrder, newOrder);
  const context = {
    beforeFields: builderFields(before),
    afterFields: builderFields(after),
    locale,
  };
  const label = (entry: FieldEntry) => labelsOf(entry.schema, entry.ref.key)[locale];
  const changes: FieldChange[] = [];
  for (const entry of news) {
    const path = varPathOf(entry.ref);
    const old = oldByPath.get(path);
    if (!old) {
      changes.push({ type: 'added', path, label: label(entry) });
      continue;
    }
    const moved = !kept.has(path);
    const aspects = compare(old, entry, { ...context, moved });
    if (aspects.length > 0) {
      changes.push({ type: 'changed', path, label: label(entry), changes: aspects });
    }
  }
  for (const entry of olds) {
    const path = varPathOf(entry.ref);
    if (!newByPath.has(path)) {
      changes.push({ type: 'removed', path, label: label(entry) });
    }
  }
  return changes;
}

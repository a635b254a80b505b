/** A JSON Schema node of the CareLoom dialect. */
export type SchemaNode = Record<string, unknown>;
/** An rjsf uiSchema node. */
export type UiNode = Record<string, unknown>;

export interface Labels {
  'zh-CN': string;
  en: string;
}

/** What the designer edits: the form's schema and uiSchema (the undo/redo state). */
export interface FormDocument {
  schema: SchemaNode;
  uiSchema: UiNode;
}

/**
 * Where a field lives: at the root (`container: null`) or inside a root section (object) or table (array of
 * objects) named by `container`. The designer nests one level deep.
 */
export interface FieldRef {
  container: string | null;
  key: string;
}

/** The kinds of field the palette offers (and the canvas recognises). */
export type FieldKind =
  | 'text'
  | 'textarea'
  | 'number'
  | 'date'
  | 'time'
  | 'radio'
  | 'checkboxes'
  | 'select'
  | 'yes-no'
  | 'phone'
  | 'id-number'
  | 'address'
  | 'signature'
  | 'photo'
  | 'rating'
  | 'table'
  | 'section'
  | 'scale'
  | 'other';

/** Elder-care blocks: several fields inserted at once. */
export type BlockKind = 'medications' | 'vitals' | 'barthel' | 'morse';

export type PaletteKind = Exclude<FieldKind, 'scale' | 'other'> | BlockKind;

/** A field to insert: its key (made unique unless `fixedKey`), schema, uiSchema entry and required flag. */
export interface NewField {
  key: string;
  schema: SchemaNode;
  ui?: UiNode;
  required?: boolean;
}

/** One field as the canvas shows it. */
export interface FieldEntry {
  ref: FieldRef;
  schema: SchemaNode;
  ui: UiNode;
  kind: FieldKind;
  required: boolean;
  /** Fields of a section or table, in order. */
  children: FieldEntry[];
}

/** An enum option with its labels (labels live in the uiSchema: `ui:enumNames` and `ui:options.enumLabels`). */
export interface FieldOption {
  value: string | number;
  label: Labels;
}

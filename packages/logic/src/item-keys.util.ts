// Which keys of an array's items an expression can read: lets a caller load only those keys of a
// list's items (a rule's context window) when the answer would be the same on the whole items.
import { isOperation, isPlainObject, splitOperation } from './markers.util.js';

/** Operations whose second argument is logic run on each item of the first (`reduce` apart). */
const PER_ITEM = new Set(['map', 'filter', 'all', 'none', 'some', 'consecutive']);
/** Aggregates over the first argument's items, or over each item's field named by the second. */
const AGGREGATES = new Set(['sum', 'avg', 'min_of', 'max_of']);
/**
 * Operations whose arguments are only evaluated and passed on (they see values, never paths into them). Listed
 * here on purpose, not derived from the allowlist: an operation added there is treated as reading anything until
 * it is classified here.
 */
const PASS_THROUGH = new Set([
  'if',
  '?:',
  '==',
  '===',
  '!=',
  '!==',
  '!',
  '!!',
  'or',
  'and',
  '>',
  '>=',
  '<',
  '<=',
  'max',
  'min',
  '+',
  '-',
  '*',
  '/',
  '%',
  'merge',
  'in',
  'cat',
  'substr',
  'age',
  'days_between',
  'date_add',
  'now',
  'today',
  'within_last',
  'band',
]);

/** What a `var`/`missing` key reads from: the data at the root, an array item, or reduce's {current, accumulator}. */
type Scope = 'root' | 'item' | 'reduce';

/** Thrown inside the walk when an item may be seen whole. */
class Whole extends Error {}

const isKey = (value: unknown): value is string | number | boolean | null | undefined =>
  value === null || value === undefined || ['string', 'number', 'boolean'].includes(typeof value);

type Key = string | number | boolean | null | undefined;

/** The literal keys of a `missing`/`missing_some` key list (one key or an array of them); computed ones: Whole. */
const literalKeys = (list: unknown): Key[] => {
  if (isKey(list)) {
    return [list];
  }
  if (Array.isArray(list) && list.every(isKey)) {
    return list;
  }
  throw new Whole(); // computed keys
};

/** What a walk does with the reads it meets (see `walkReads`). */
type ReadVisitor = {
  /** A literal `var`/`missing` key read in `scope`. */
  read: (key: Key, scope: Scope) => void;
  /** The list of an iterating or aggregating operation: what to walk in its place (default: itself). */
  list?: (node: unknown, scope: Scope) => unknown;
  /** An aggregate's field argument (default: walked as any argument). */
  field?: (field: unknown) => void;
};

/**
 * Walks `logic` as json-logic-js and the CareLoom operations evaluate it, telling `visitor` each literal read with
 * its scope; throws Whole on a computed `var` key or an unknown operation.
 */
const walkReads = (logic: unknown, visitor: ReadVisitor): void => {
  const walkList = (node: unknown, scope: Scope): void =>
    walk(visitor.list ? visitor.list(node, scope) : node, scope);
  const readKeys = (list: unknown, scope: Scope): void =>
    literalKeys(list).forEach((key) => visitor.read(key, scope));
  const walk = (node: unknown, scope: Scope): void => {
    if (Array.isArray(node)) {
      node.forEach((element) => walk(element, scope));
      return;
    }
    if (!isPlainObject(node) || !isOperation(node)) {
      return; // a value (json-logic-js returns objects with other than one key as they are)
    }
    const { op, args } = splitOperation(node);
    if (op === 'var') {
      if (!isKey(args[0])) {
        throw new Whole();
      }
      visitor.read(args[0], scope);
      walk(args[1], scope);
    } else if (op === 'missing') {
      readKeys(args.length === 1 && Array.isArray(args[0]) ? args[0] : args, scope);
    } else if (op === 'missing_some') {
      walk(args[0], scope);
      readKeys(args[1], scope);
    } else if (PER_ITEM.has(op)) {
      walkList(args[0], scope);
      walk(args[1], 'item');
    } else if (op === 'reduce') {
      walkList(args[0], scope);
      walk(args[1], 'reduce');
      walk(args[2], scope);
    } else if (op === 'count') {
      walkList(args[0], scope);
    } else if (AGGREGATES.has(op)) {
      walkList(args[0], scope);
      if (visitor.field) {
        visitor.field(args[1]);
      } else {
        walk(args[1], scope);
      }
    } else if (PASS_THROUGH.has(op)) {
      walk(args, scope);
    } else {
      throw new Whole();
    }
  };
  walk(logic, 'root');
};

/** The keys a walk found, sorted, or null when it met a read that may see the data whole. */
const sortedUnlessWhole = (walk: () => void, found: Set<string>): string[] | null => {
  try {
    walk();
  } catch (error) {
    if (error instanceof Whole) {
      return null;
    }
    throw error;
  }
  return [...found].sort();
};

/**
 * The top-level keys of the items of the array at `listPath` (a dot path such as "context.recent") that `logic` may
 * read, sorted; null when it may see an item whole or reach the array other than as the list of an iterating or
 * aggregating operation (the caller must then give whole items). Sound for json-logic-js and the CareLoom
 * operations: evaluated on items holding only these keys (absent ones absent), `logic` gives what it gives on the
 * whole items. Conservative: every segment of a path read inside per-item logic (or named by an aggregate) counts,
 * whatever array it reads; a computed `var`/`missing` key or an unknown operation answers null.
 */
export const itemKeysRead = (logic: unknown, listPath: string): string[] | null => {
  const target = listPath.split('.');
  const keys = new Set<string>();

  /** A literal path read in `scope`. */
  const read = (key: Key, scope: Scope): void => {
    const path = key === null || key === undefined ? '' : String(key);
    if (path === '') {
      // the whole data: the root holds the list, an item or {current, …} is an item
      throw new Whole();
    }
    const segments = path.split('.');
    if (scope !== 'root') {
      if (scope === 'reduce' && path === 'current') {
        throw new Whole();
      }
      // an item of per-item logic may be a value holding items (an array of filtered lists, say): every
      // segment may name an item's key
      segments.forEach((segment) => keys.add(segment));
      return;
    }
    const shared = Math.min(segments.length, target.length);
    if (segments.slice(0, shared).some((segment, i) => segment !== target[i])) {
      return; // another part of the data
    }
    if (segments.length <= target.length) {
      throw new Whole(); // the list or what holds it, used as a value
    }
    const index = segments[target.length] ?? '';
    const itemKey = segments[target.length + 1];
    if (!/^\d+$/.test(index) || itemKey === undefined) {
      throw new Whole(); // an item whole, or a property of the list itself
    }
    keys.add(itemKey);
  };

  /** The list of an iterating or aggregating operation: the target list itself is fine there (its default is walked). */
  const list = (node: unknown, scope: Scope): unknown => {
    if (scope === 'root' && isOperation(node)) {
      const { op, args } = splitOperation(node);
      if (op === 'var' && isKey(args[0]) && String(args[0] ?? '') === listPath) {
        return args[1];
      }
    }
    return node;
  };

  const field = (name: unknown): void => {
    if (typeof name === 'string') {
      name.split('.').forEach((segment) => keys.add(segment));
    } else if (name !== undefined && name !== null) {
      throw new Whole(); // a computed field name
    }
    // without a field the items themselves are the numbers: an object is refused whether whole or not
  };

  return sortedUnlessWhole(() => walkReads(logic, { read, list, field }), keys);
};

/**
 * The data paths `logic` reads from the root (literal `var`/`missing` keys outside per-item logic, sorted), or null
 * when it may read the data whole or along a computed path, or uses an unknown operation. Per-item logic reads its
 * items, not the root: what it reads is not listed (the lists it runs over are).
 */
export const rootPathsRead = (logic: unknown): string[] | null => {
  const paths = new Set<string>();
  const read = (key: Key, scope: Scope): void => {
    const path = key === null || key === undefined ? '' : String(key);
    if (scope === 'root') {
      if (path === '') {
        throw new Whole();
      }
      paths.add(path);
    }
  };
  return sortedUnlessWhole(() => walkReads(logic, { read }), paths);
};

// Values json-logic-js passes through untouched: it treats an object as an operation only when it has
// exactly one own enumerable key, and these have none (private fields only).

/** Carries the JSON pointer of an operation into its implementation (appended as the last argument). */
export class PathMarker {
  readonly #path: string;

  constructor(path: string) {
    this.#path = path;
  }

  get path(): string {
    return this.#path;
  }
}

/** Logic that must not be evaluated in the caller's scope (the condition of `consecutive`). */
export class QuotedLogic {
  readonly #logic: unknown;

  constructor(logic: unknown) {
    this.#logic = logic;
  }

  get logic(): unknown {
    return this.#logic;
  }
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/** A JSON Logic operation: a plain object with exactly one key. */
export const isOperation = (value: unknown): value is Record<string, unknown> =>
  isPlainObject(value) && Object.keys(value).length === 1;

/** The operator and its arguments, with the unary sugar ({"var": "x"} = {"var": ["x"]}) normalised. */
export const splitOperation = (
  node: Record<string, unknown>,
): { op: string; args: unknown[]; sugared: boolean } => {
  const op = Object.keys(node)[0] ?? '';
  const raw = node[op];
  return Array.isArray(raw) ? { op, args: raw, sugared: false } : { op, args: [raw], sugared: true };
};

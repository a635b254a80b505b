/** Undo/redo over immutable states. */
export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  /** Edits with the same key in a row (typing in one input) make one undo step. */
  lastKey?: string;
}

const LIMIT = 200;

export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

/** Records a new state; `key` merges it into the previous step when that had the same key. */
export function pushHistory<T>(history: History<T>, next: T, key?: string): History<T> {
  if (Object.is(next, history.present)) {
    return history;
  }
  if (key !== undefined && key === history.lastKey) {
    return { ...history, present: next, future: [] };
  }
  return {
    past: [...history.past, history.present].slice(-LIMIT),
    present: next,
    future: [],
    ...(key !== undefined ? { lastKey: key } : {}),
  };
}

export function undoHistory<T>(history: History<T>): History<T> {
  const previous = history.past[history.past.length - 1];
  if (previous === undefined) {
    return history;
  }
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future] };
}

export function redoHistory<T>(history: History<T>): History<T> {
  const [next, ...rest] = history.future;
  if (next === undefined) {
    return history;
  }
  return { past: [...history.past, history.present], present: next, future: rest };
}

/** Replaces the state without an undo step (e.g. after loading or saving). */
export function resetHistory<T>(present: T): History<T> {
  return createHistory(present);
}

import { useCallback, useState } from 'react';

export interface ModelDraft<T> {
  /** What the panel shows: the model, or the rows being edited (an empty row is not in the model yet). */
  draft: T;
  /** A local edit, not written yet (typing in a row). */
  edit: (next: T) => void;
  /** Call just before writing `next` to the model: the draft stays as it is once the model holds it. */
  written: (next: T) => void;
}

/**
 * A draft of rows read from the diagram that follows the diagram when it changes from elsewhere: undo, redo or
 * another panel. `keyOf` gives the text of what a value writes; while the model's key is the one the draft was
 * last synchronised with, the draft is kept (with its unsaved rows), otherwise it is read again from the model.
 */
export function useModelDraft<T>(model: T, keyOf: (value: T) => string): ModelDraft<T> {
  const modelKey = keyOf(model);
  const [state, setState] = useState({ draft: model, synced: modelKey });
  let current = state;
  if (state.synced !== modelKey) {
    // the model changed under the draft: adjust during render (React re-renders at once, without an effect)
    current = { draft: model, synced: modelKey };
    setState(current);
  }
  const edit = useCallback((next: T) => setState((previous) => ({ ...previous, draft: next })), []);
  const written = useCallback((next: T) => setState({ draft: next, synced: keyOf(next) }), [keyOf]);
  return { draft: current.draft, edit, written };
}

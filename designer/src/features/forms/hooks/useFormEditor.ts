import { useMemo, useState } from 'react';
import { useUndoable } from '../../../shared/undo/useUndoable.js';
import type { FieldRef, FormDocument } from '../utils/form-schema.types.js';

export interface FormEditor {
  doc: FormDocument;
  selected: FieldRef | null;
  select: (ref: FieldRef | null) => void;
  /** Records an edit; edits with the same `key` in a row are one undo step (typing in one input). */
  apply: (next: FormDocument, key?: string) => void;
  /** Replaces the state without undo (after loading). */
  reset: (doc: FormDocument) => void;
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
}

/** The designer's editing state: the document with undo/redo (buttons and Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y). */
export function useFormEditor(initial: FormDocument): FormEditor {
  const { state, apply, reset, undo, redo, canUndo, canRedo } = useUndoable(initial);
  const [selected, setSelected] = useState<FieldRef | null>(null);

  return useMemo(
    () => ({
      doc: state,
      selected,
      select: setSelected,
      apply,
      reset,
      undo,
      redo,
      canUndo,
      canRedo,
    }),
    [state, selected, apply, reset, undo, redo, canUndo, canRedo],
  );
}

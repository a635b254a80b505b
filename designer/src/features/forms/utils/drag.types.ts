import type { FieldRef, PaletteKind } from './form-schema.types.js';

/** What is being dragged over the canvas. */
export type DragPayload = { type: 'palette'; kind: PaletteKind } | { type: 'field'; ref: FieldRef };

/** The MIME type of the designer's drags (the payload itself is kept in memory, see useDrag). */
export const DRAG_MIME = 'application/x-careloom-field';

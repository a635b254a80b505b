/** Image helpers for signature and photo fields (pure: no DOM). */

export const IMAGE_FIELD_FORMATS = ['signature', 'photo'] as const;
export type ImageFieldFormat = (typeof IMAGE_FIELD_FORMATS)[number];

export const imageFormatOf = (field: Record<string, unknown>): ImageFieldFormat | null => {
  const format = field['format'];
  return field['type'] === 'string' && (format === 'signature' || format === 'photo') ? format : null;
};

/** Dimensions that fit inside a `maxSide` square, keeping the aspect ratio and never enlarging. */
export function fitWithin(width: number, height: number, maxSide: number): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height, 1));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * The encodings a photo is tried with, best first, until one fits the field's maxLength: JPEG quality
 * drops first, then the long side (1,600 → 1,280 → 960 → 640 px).
 */
export const PHOTO_ATTEMPTS: ReadonlyArray<{ maxSide: number; quality: number }> = [
  1600, 1280, 960, 640,
].flatMap((maxSide) => [0.85, 0.7, 0.55].map((quality) => ({ maxSide, quality })));

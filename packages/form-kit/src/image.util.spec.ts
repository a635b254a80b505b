import { describe, expect, it } from '@jest/globals';
import { fitWithin, imageFormatOf, PHOTO_ATTEMPTS } from './image.util.js';

describe(fitWithin.name, () => {
  it('should shrink the long side to the limit and keep the aspect ratio', () => {
    expect(fitWithin(4032, 3024, 1280)).toEqual({ width: 1280, height: 960 });
    expect(fitWithin(3024, 4032, 1280)).toEqual({ width: 960, height: 1280 });
  });

  it('should never enlarge a small image', () => {
    expect(fitWithin(300, 200, 1280)).toEqual({ width: 300, height: 200 });
  });
});

describe(imageFormatOf.name, () => {
  it('should recognise signature and photo string fields only', () => {
    expect(imageFormatOf({ type: 'string', format: 'signature' })).toBe('signature');
    expect(imageFormatOf({ type: 'string', format: 'photo' })).toBe('photo');
    expect(imageFormatOf({ type: 'string', format: 'date' })).toBeNull();
    expect(imageFormatOf({ type: 'array', format: 'photo' })).toBeNull();
  });
});

describe('PHOTO_ATTEMPTS', () => {
  it('should try higher quality and larger sizes first', () => {
    expect(PHOTO_ATTEMPTS[0]).toEqual({ maxSide: 1600, quality: 0.85 });
    expect(PHOTO_ATTEMPTS.at(-1)).toEqual({ maxSide: 640, quality: 0.55 });
  });
});

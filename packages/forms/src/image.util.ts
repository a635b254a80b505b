/** A PNG, JPEG or WebP image as a base64 data URL (the value of a `signature` or `photo` field). */
const IMAGE_DATA_URL = /^data:image\/(?:png|jpeg|webp);base64,[A-Za-z0-9+/]+={0,2}$/;

export function isImageDataUrl(value: string): boolean {
  const comma = value.indexOf(',');
  // base64 comes in whole groups of four characters
  return comma > 0 && (value.length - comma - 1) % 4 === 0 && IMAGE_DATA_URL.test(value);
}

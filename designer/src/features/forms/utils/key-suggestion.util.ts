/** The longest key the "new form" and "new rule" dialogs accept (`^[a-z][a-z0-9-]{1,63}$`). */
const MAX_KEY_LENGTH = 64;

/**
 * A key suggested from an English name, so nobody has to invent one: `Fall incident (night)` →
 * `fall-incident-night`. Accents and full-width letters are folded to ASCII, anything but letters and digits
 * becomes one dash, the key starts with a letter and has at least two characters; '' when nothing usable is left
 * (a name in Chinese only, say).
 */
export function suggestKey(name: string): string {
  const key = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .slice(0, MAX_KEY_LENGTH)
    .replace(/-+$/, '');
  return key.length >= 2 ? key : '';
}

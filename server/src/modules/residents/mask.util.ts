/** Keeps enough of a value to recognise it: 110105********002X, 138****5678. */
export function maskIdNumber(value: string | null): string | null {
  if (!value) {
    return value;
  }
  return value.length <= 10
    ? '*'.repeat(value.length)
    : `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}

export function maskPhone(value: string | null): string | null {
  if (!value) {
    return value;
  }
  return value.length <= 7
    ? '*'.repeat(value.length)
    : `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
}

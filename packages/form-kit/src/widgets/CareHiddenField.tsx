/** Fields hidden by `x-visible-if` render nothing (their values are dropped by the server too). */
export function CareHiddenField() {
  return null;
}

/** Placeholder: being built. */
export function SwapsPage() {
  return null;
}

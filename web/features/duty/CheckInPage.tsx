/** Placeholder: being built. */
export function CheckInPage() {
  return null;
}

/** Placeholder: being built. */
export function MyDutyPage() {
  return null;
}

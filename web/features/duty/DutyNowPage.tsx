/** Placeholder: being built. */
export function DutyNowPage() {
  return null;
}

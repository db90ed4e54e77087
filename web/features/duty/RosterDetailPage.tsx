/** Placeholder: being built. */
export function RosterDetailPage() {
  return null;
}

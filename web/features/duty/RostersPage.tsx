/** Placeholder: being built. */
export function RostersPage() {
  return null;
}

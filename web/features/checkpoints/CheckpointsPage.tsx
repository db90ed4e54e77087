/** Placeholder: being built. */
export function CheckpointsPage() {
  return null;
}

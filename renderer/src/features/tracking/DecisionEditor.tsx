// PLACEHOLDER – replaced by the helper who owns this screen.
export function DecisionEditor({ id }: { id: string | null }) {
  return <p>{id}</p>;
}

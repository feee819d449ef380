// PLACEHOLDER – replaced by the helper who owns this screen.
export function ProposalEditor({ id }: { id: string | null }) {
  return <p>{id}</p>;
}

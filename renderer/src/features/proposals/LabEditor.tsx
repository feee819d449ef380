// PLACEHOLDER – replaced by the helper who owns this screen.
export function LabEditor({ id }: { id: string | null }) {
  return <p>{id}</p>;
}

// PLACEHOLDER – replaced by the helper who owns this screen.
export function MeetingEditor({ id }: { id: string | null }) {
  return <p>{id}</p>;
}

// PLACEHOLDER – replaced by the helper who owns this screen.
export function LabsPanel() {
  return <p />;
}

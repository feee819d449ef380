// PLACEHOLDER – replaced by the helper who owns this screen.
export function RecommendationsPanel() {
  return <p />;
}

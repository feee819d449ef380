/**
 * A one-time message handed from an editor to the list it returns to ("… in den Papierkorb gelegt"):
 * the list reads it when it mounts and clears it once mounted, so it is shown once.
 */
let pending: string | null = null;

export function setFlash(text: string): void {
  pending = text;
}

export function peekFlash(): string | null {
  return pending;
}

export function clearFlash(): void {
  pending = null;
}

/**
 * Before the unit tests: the import worker and the CLI run as built JavaScript (as in the app), so make
 * sure out/ is current (builds only when sources are newer than the build).
 */
import { ensureBuilt } from '../../scripts/ensure-built.mjs';

export default function setup(): void {
  ensureBuilt();
}

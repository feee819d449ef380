import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * Window size and position, remembered in `fenster.json` in the user data folder. When the saved place is no
 * longer on any screen (a monitor was unplugged, the laptop left its docking station), the window comes back
 * centred on the primary screen instead of opening where nobody can see it.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface WindowState extends Rect {
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1366, height: 768 };
export const MIN_SIZE = { width: 900, height: 560 };
/** How much of the title bar area must be visible on some screen for a saved place to count. */
const VISIBLE = 80;

const stateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

/** Pure: where the window opens, given the saved state (or none) and the work areas of the screens now attached. */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  const centred = (width: number, height: number): WindowState => {
    const w = Math.max(Math.min(width, primary.width), Math.min(MIN_SIZE.width, primary.width));
    const h = Math.max(Math.min(height, primary.height), Math.min(MIN_SIZE.height, primary.height));
    return {
      x: primary.x + Math.round((primary.width - w) / 2),
      y: primary.y + Math.round((primary.height - h) / 2),
      width: w,
      height: h,
      maximized: saved?.maximized ?? false,
    };
  };
  if (!saved) return centred(DEFAULT_SIZE.width, DEFAULT_SIZE.height);
  // The top strip (title bar) must be reachable with the mouse on one of the screens.
  const titleBar = { x: saved.x, y: saved.y, width: saved.width, height: 40 };
  const host = workAreas.find((area) => {
    const o = overlap(titleBar, area);
    return o.width >= Math.min(VISIBLE, saved.width) && o.height > 0;
  });
  if (!host) return centred(saved.width, saved.height);
  const width = Math.min(saved.width, host.width);
  const height = Math.min(saved.height, host.height);
  const x = Math.min(Math.max(saved.x, host.x), host.x + host.width - width);
  const y = Math.min(Math.max(saved.y, host.y), host.y + host.height - height);
  return { x, y, width, height, maximized: saved.maximized };
}

export async function loadWindowState(file: string): Promise<WindowState | null> {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Written via a temp file and rename: a crash while saving leaves the old place, never a broken file. */
export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(temp, JSON.stringify(state));
  await fs.rename(temp, file);
}

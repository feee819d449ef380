import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWindowState, placeWindow, saveWindowState } from '@main/windowState';

const laptop = { x: 0, y: 0, width: 1366, height: 728 };
const monitor = { x: 1366, y: 0, width: 1920, height: 1040 };

describe('placeWindow', () => {
  it('first start: default size centred on the primary screen', () => {
    expect(placeWindow(null, [{ x: 0, y: 0, width: 1920, height: 1040 }])).toEqual({
      x: 277,
      y: 136,
      width: 1366,
      height: 768,
      maximized: false,
    });
  });
  it('keeps a saved place that is on a screen', () => {
    const saved = { x: 1500, y: 100, width: 1200, height: 800, maximized: true };
    expect(placeWindow(saved, [laptop, monitor])).toEqual(saved);
  });
  it('a window on a monitor that is gone comes back onto the primary screen, shrunk to fit', () => {
    const saved = { x: 1500, y: 100, width: 1800, height: 1000, maximized: false };
    const placed = placeWindow(saved, [laptop]);
    expect(placed.x).toBeGreaterThanOrEqual(0);
    expect(placed.x + placed.width).toBeLessThanOrEqual(1366);
    expect(placed.y + placed.height).toBeLessThanOrEqual(728);
  });
  it('a title bar pushed above the screen is pulled back', () => {
    const placed = placeWindow({ x: 100, y: -500, width: 1000, height: 600, maximized: false }, [laptop]);
    expect(placed.y).toBeGreaterThanOrEqual(0);
  });
});

describe('fenster.json', () => {
  it('round-trips, and a damaged file means "no saved place"', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'masterplan-window-'));
    try {
      const file = path.join(dir, 'fenster.json');
      expect(await loadWindowState(file)).toBeNull();
      await saveWindowState(file, { x: 10, y: 20, width: 1000, height: 700, maximized: false });
      expect(await loadWindowState(file)).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: false });
      await fs.writeFile(file, '{"x": 1');
      expect(await loadWindowState(file)).toBeNull();
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

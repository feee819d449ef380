import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';
import { nav } from './helpers';

/**
 * Issue 15 (Layout): at the office laptop size and at full HD no screen scrolls the document – the title bar,
 * the navigation and the status bar stay; only the content pane scrolls. Each screen is also photographed to
 * /tmp/i15a-shots/ for a look by eye.
 */
const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

const SHOTS = process.env.LAYOUT_SHOTS_DIR ?? '';

async function tab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click({ timeout: 10_000 });
  await expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
}

/** Opens the first record linked from the content's first table (a list → its editor or detail). */
async function openFirst(page: Page, table = page.locator('#main table').first()): Promise<void> {
  // On a wide window the list stays beside the opened record: its heading is the last h1.
  const before = await page.locator('#main h1').last().textContent();
  await table.locator('tbody a').first().click({ timeout: 10_000 });
  await expect(page.locator('#main h1').last()).not.toHaveText(before ?? '');
}

/** Every screen of the app, each reached the way a user reaches it. */
const SCREENS: { name: string; go: (page: Page) => Promise<void> }[] = [
  { name: 'uebersicht', go: async (p) => nav(p, 'Übersicht').click() },
  { name: 'massnahmen', go: async (p) => nav(p, 'Maßnahmen').click() },
  { name: 'massnahme', go: async (p) => (await nav(p, 'Maßnahmen').click(), openFirst(p)) },
  { name: 'massnahme-kennzahlen', go: async (p) => tab(p, (await p.getByRole('tab').nth(1).textContent()) ?? '') },
  { name: 'massnahme-verlauf', go: async (p) => tab(p, 'Verlauf') },
  { name: 'massnahme-bearbeiten', go: async (p) => p.getByRole('button', { name: 'Bearbeiten', exact: true }).click() },
  { name: 'ratsvorlagen', go: async (p) => nav(p, 'Ratsvorlagen').click() },
  { name: 'ratsvorlage', go: async (p) => openFirst(p) },
  { name: 'evaluation', go: async (p) => nav(p, 'Evaluation').click() },
  { name: 'evaluation-runden', go: async (p) => tab(p, 'Runden und Bewertung') },
  { name: 'evaluation-import', go: async (p) => tab(p, 'Import') },
  { name: 'pruefungen', go: async (p) => nav(p, 'Prüfungen').click() },
  { name: 'papierkorb', go: async (p) => nav(p, 'Papierkorb').click() },
  { name: 'fassungen', go: async (p) => nav(p, 'Fassungen').click() },
  { name: 'handlungsfelder', go: async (p) => nav(p, 'Handlungsfelder').click() },
  { name: 'organisationseinheiten', go: async (p) => nav(p, 'Organisationseinheiten').click() },
  { name: 'gremien', go: async (p) => (await nav(p, 'Gremien & Beteiligung').click(), tab(p, 'Gremien')) },
  { name: 'sitzungen', go: async (p) => tab(p, 'Sitzungen') },
  { name: 'sitzung', go: async (p) => openFirst(p) },
  { name: 'empfehlungen', go: async (p) => (await nav(p, 'Gremien & Beteiligung').click(), tab(p, 'Empfehlungen')) },
  { name: 'quartierslabore', go: async (p) => tab(p, 'Quartierslabore') },
  { name: 'quartierslabor', go: async (p) => openFirst(p) },
  { name: 'anregungen', go: async (p) => (await nav(p, 'Gremien & Beteiligung').click(), tab(p, 'Anregungen')) },
  { name: 'anregung', go: async (p) => openFirst(p) },
  { name: 'beschluesse', go: async (p) => (await nav(p, 'Gremien & Beteiligung').click(), tab(p, 'Beschlussverfolgung')) },
  { name: 'einstellungen', go: async (p) => nav(p, 'Einstellungen').click() },
  { name: 'datenschutz', go: async (p) => nav(p, 'Datenschutz').click() },
  { name: 'hilfe', go: async (p) => nav(p, 'Hilfe').click() },
];

/** What overflows the window: the document's scroll size against the viewport, and the widest culprit. */
async function documentOverflow(page: Page) {
  // A string, as the tests compile without the DOM library.
  return page.evaluate<{ height: number; width: number; innerHeight: number; innerWidth: number; culprits: string[] }>(`(() => {
    const doc = document.scrollingElement;
    const culprits = [...document.querySelectorAll('body *')]
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.bottom > innerHeight + 1 || r.right > innerWidth + 1)
      .filter(({ el }) => !el.closest('main') || el === document.querySelector('main'))
      .slice(0, 3)
      .map(({ el, r }) => el.tagName.toLowerCase() + '.' + el.className + ' ' + Math.round(r.right) + '×' + Math.round(r.bottom));
    return { height: doc.scrollHeight, width: doc.scrollWidth, innerHeight, innerWidth, culprits };
  })()`);
}

for (const viewport of VIEWPORTS) {
  test(`Kein Scrollen des ganzen Fensters bei ${viewport.width}×${viewport.height}: nur der Inhaltsbereich rollt`, async ({
    page,
    harness,
  }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(viewport);
    await openApp(page, harness);
    for (const screen of SCREENS) {
      await screen.go(page);
      await expect(page.locator('#main h1').first()).toBeVisible();
      await page.waitForLoadState('networkidle');
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/${viewport.width}-${screen.name}.png` });
      const o = await documentOverflow(page);
      expect(o.height, `${screen.name}: Fenster rollt senkrecht (${o.culprits.join('; ')})`).toBeLessThanOrEqual(o.innerHeight);
      expect(o.width, `${screen.name}: Fenster rollt waagerecht (${o.culprits.join('; ')})`).toBeLessThanOrEqual(o.innerWidth);
    }
  });
}

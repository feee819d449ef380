import { loadRegisterFiles } from '@main/store/registerFiles';
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

/** Small helpers shared by the e2e specs: the register file on disk, the sample, keyboard moves. */

export const SAMPLE_PATH = path.resolve(import.meta.dirname, '../../resources/sample-register.json');

export interface StoredMeasure {
  id: string;
  number: string;
  actionFieldId: string;
  title: string;
  status: string;
  statusReason: string;
  districts: string[];
  leadOrgUnitId: string | null;
  plannedStart: string | null;
  budget: { year: number; plannedCents: number | null }[];
  deletedAt: string | null;
  version: number;
}

export interface StoredRegister {
  schemaVersion: number;
  registerId: string;
  name: string;
  isSample: boolean;
  currentEditionId: string;
  measures: StoredMeasure[];
  orgUnits: { id: string; code: string; name: string; kind: string; validFrom: string | null; validTo: string | null }[];
  actionFields: { id: string; editionId: string; code: string; name: string }[];
  audit: { entityId: string; action: string; user: string; changes: { field: string; old: unknown; new: unknown }[] }[];
}

/** The register as it is on disk now (snapshot + journal, docs/multi-user.md), i.e. what survives a crash. */
export async function readStore(storePath: string): Promise<StoredRegister> {
  return (await loadRegisterFiles(storePath, 'read')).doc as unknown as StoredRegister;
}

export async function readSample(): Promise<StoredRegister> {
  return JSON.parse(await fs.readFile(SAMPLE_PATH, 'utf8')) as StoredRegister;
}

/** The Handlungsfelder and measures of the current Fassung (the sample also holds the 2019 plan). */
export function currentEdition(doc: StoredRegister): Pick<StoredRegister, 'actionFields' | 'measures'> {
  const actionFields = doc.actionFields.filter((f) => f.editionId === doc.currentEditionId);
  const ids = new Set(actionFields.map((f) => f.id));
  return { actionFields, measures: doc.measures.filter((m) => ids.has(m.actionFieldId)) };
}

/** Writes a copy of the sample register with its own id (and optional changes) to `target`. */
export async function writeSampleCopy(target: string, patch: Partial<StoredRegister> = {}): Promise<StoredRegister> {
  const doc = { ...(await readSample()), registerId: randomUUID(), ...patch };
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.writeFile(target, JSON.stringify(doc));
  return doc;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Presses Tab (or Shift+Tab) until `target` has the keyboard focus; fails if it is not reached. */
export async function tabTo(page: Page, target: Locator, options: { backwards?: boolean; max?: number } = {}): Promise<void> {
  const key = options.backwards ? 'Shift+Tab' : 'Tab';
  for (let i = 0; i < (options.max ?? 60); i++) {
    const focused = (el: unknown) => el === (el as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement;
    if (await target.evaluate(focused).catch(() => false)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

/** The count line above the register table ("36 Maßnahmen", "3 von 36 Maßnahmen"). */
export function measureCount(page: Page): Locator {
  return page.getByRole('status').filter({ hasText: /\d+ (von \d+ )?Maßnahmen/ });
}

/** The value shown next to a label in the measure's detail list. */
export function detailValue(page: Page, term: string): Locator {
  return page
    .getByRole('term')
    .filter({ hasText: new RegExp(`^${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
    .locator('xpath=following-sibling::dd[1]');
}

/** Opens a measure from the register list by searching for its title and following its link. */
export async function openMeasure(page: Page, title: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Suche' }).fill(title);
  await page.getByRole('link', { name: title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })).toBeVisible();
}

/** An entry of the side navigation ("Hauptnavigation"). */
export const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('button', { name, exact: true });

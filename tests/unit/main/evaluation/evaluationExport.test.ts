import { promises as fs } from 'node:fs';
import path from 'node:path';
import XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { createApi, dispatch } from '@main/api';
import { NO_DESKTOP } from '@main/core/desktop';
import { RegisterSession } from '@main/session/session';
import { SettingsFile } from '@main/settings/settingsFile';
import type { RegisterDocument } from '@shared/register/register';
import { useTempDir } from '@tests/unit/helpers/tempDir';

const SAMPLE = path.resolve(import.meta.dirname, '../../../../resources/sample-register.json');

describe('evaluation export from the app', () => {
  const dir = useTempDir('mpr-evalexp-');

  async function setup() {
    const storePath = path.join(dir.path, 'register.json');
    await fs.copyFile(SAMPLE, storePath);
    const settings = await SettingsFile.load(path.join(dir.path, 'einstellungen.json'));
    const session = new RegisterSession({ settings, samplePath: SAMPLE });
    await session.open(storePath, 'none');
    const out = path.join(dir.path, 'Exporte');
    const api = createApi(session, { ...NO_DESKTOP, pickExportTarget: async (name) => path.join(out, name) });
    return { session, api, out, storePath };
  }

  it('writes the workbook and the report; personal data only when chosen, and that choice is audited', async () => {
    const { session, api, storePath } = await setup();
    const round = session.requireOpen().store.doc.evaluationRounds[0]!;
    const plain = await dispatch(api, 'exportEvaluation', {
      roundId: round.id,
      format: 'xlsx',
      filters: {},
      includePersonalData: false,
      open: false,
    });
    expect(plain.ok).toBe(true);
    if (!plain.ok || !plain.value) return;
    const workbook = XLSX.read(await fs.readFile((plain.value as { path: string }).path));
    expect(workbook.SheetNames).toEqual(expect.arrayContaining(['Übersicht', 'Maßnahmen', 'Kennzahlen', 'Legende']));
    const before = JSON.parse(await fs.readFile(storePath, 'utf8')) as RegisterDocument;
    expect(before.audit.some((a) => a.action === 'export')).toBe(false);

    const withNames = await dispatch(api, 'exportEvaluation', {
      roundId: round.id,
      format: 'docx',
      filters: { actionFieldId: before.actionFields.at(-1)!.id },
      includePersonalData: true,
      open: false,
    });
    expect(withNames.ok).toBe(true);
    const after = JSON.parse(await fs.readFile(storePath, 'utf8')) as RegisterDocument;
    expect(after.audit.at(-1)).toMatchObject({ action: 'export', changes: [{ field: 'personalDataExport' }] });
    await session.close();
  });

  it('refuses an unknown round and personal data from a read-only window, writing nothing', async () => {
    const { api, out, storePath } = await setup();
    expect(
      await dispatch(api, 'exportEvaluation', {
        roundId: 'gibt-es-nicht',
        format: 'xlsx',
        filters: {},
        includePersonalData: false,
        open: false,
      }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const settings = await SettingsFile.load(path.join(dir.path, 'einstellungen-2.json'));
    const second = new RegisterSession({ settings, samplePath: SAMPLE });
    await second.open(storePath, 'none', true);
    const api2 = createApi(second, { ...NO_DESKTOP, pickExportTarget: async (name) => path.join(out, name) });
    expect(
      await dispatch(api2, 'exportEvaluation', { roundId: null, format: 'xlsx', filters: {}, includePersonalData: true, open: false }),
    ).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    await expect(fs.readdir(out)).rejects.toThrow();
    await second.close();
  });
});

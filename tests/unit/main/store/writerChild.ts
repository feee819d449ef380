/**
 * One clerk as a separate process for the multi-user tests: opens the register through the real
 * RegisterSession and services (as the app and the harness do) and changes ONE measure `count` times,
 * printing `ack <measureId> <version> <title>` after each save that was reported as durable.
 * argv: storePath settingsDir measureId count label staleMs journalFromBytes
 */
import path from 'node:path';
import { createApi, dispatch } from '@main/api';
import { RegisterSession } from '@main/session/session';
import { SettingsFile } from '@main/settings/settingsFile';
import { MEASURE_FIELD_NAMES, type Measure, type MeasureFields } from '@shared/register/measure';
import type { ApiResult } from '@shared/contract';

const [storePath, settingsDir, measureId, countText, label, staleText, journalText] = process.argv.slice(2) as string[];
const settings = await SettingsFile.load(path.join(settingsDir!, `${label}.json`));
await settings.save({ ...settings.value, displayName: label! });
const session = new RegisterSession({
  settings,
  samplePath: path.resolve(import.meta.dirname, '../../../../resources/sample-register.json'),
  writeLock: { staleMs: Number(staleText), timeoutMs: Number(staleText) * 4 + 2000 },
  storeOptions: { journalFromBytes: Number(journalText), compactAfterEntries: Number(process.env.MULTIUSER_COMPACT_ENTRIES ?? 40) },
});
const opened = await session.open(storePath!, 'none');
if (opened.state !== 'open' || opened.readOnly) {
  process.stderr.write(`not writable: ${JSON.stringify(opened)}\n`);
  process.exit(3);
}
const api = createApi(session, {
  pickRegister: async () => null,
  pickAttachment: async () => null,
  pickImage: async () => null,
  pickExportTarget: async () => null,
  pickImportFile: async () => null,
  openFile: async () => undefined,
  pickReviewPackage: async () => null,
  pickReviewTarget: async () => null,
});
process.stdout.write('started\n');
for (let i = 1; i <= Number(countText); i++) {
  const got = (await dispatch(api, 'getMeasure', { id: measureId })) as ApiResult<Measure>;
  if (!got.ok) throw new Error(JSON.stringify(got));
  const fields = Object.fromEntries(MEASURE_FIELD_NAMES.map((k) => [k, got.value[k]])) as unknown as MeasureFields;
  const title = `${label} Änderung ${i}`;
  const saved = (await dispatch(api, 'updateMeasure', {
    id: measureId,
    version: got.value.version,
    fields: { ...fields, title },
  })) as ApiResult<{ value: Measure }>;
  if (saved.ok) process.stdout.write(`ack ${measureId} ${saved.value.value.version} ${title}\n`);
  else process.stdout.write(`err ${saved.error.code} ${saved.error.message.replace(/\n/g, ' ')}\n`);
}
await session.close();
process.stdout.write('done\n');

import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect, openApp, test } from './fixtures';
import { measureCount, readStore } from './helpers';

/**
 * Issue 12, finding 8, reproduced in chromium: a page from a second local origin in the same browser
 * changed the backup retention and deleted a measure through the harness. Now the harness answers only
 * its own bridge (token), its own Host and Origin, and JSON.
 */

/** A second origin on 127.0.0.1 (another port) serving an attacking page. */
async function attackerSite(harnessUrl: string, measureId: string): Promise<{ url: string; close: () => Promise<void> }> {
  const page = `<!doctype html><html lang="de"><head><title>Fremde Seite</title></head><body><p id="out">läuft</p><script>
  const target = ${JSON.stringify(harnessUrl)};
  const results = [];
  async function attempt(name, init) {
    try { const r = await fetch(target + 'api/' + name, init); results.push(name + ':' + r.status); }
    catch (e) { results.push(name + ':blocked'); }
  }
  (async () => {
    // A "simple" request (no preflight): text/plain body, no-cors — what the old harness executed.
    await attempt('saveSettings', { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ settings: { displayName: 'Angreifer', backupKeepLast: 1, backupKeepDays: 0 } }) });
    await attempt('deleteMeasure', { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ id: ${JSON.stringify(measureId)}, version: 1 }) });
    // A JSON request needs a CORS preflight, which the harness never grants.
    await attempt('deleteMeasure', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: ${JSON.stringify(measureId)}, version: 1 }) });
    // Reading the bridge script (to learn the token) is a cross-origin script read: opaque at best.
    await attempt('../harness-bridge.js', { mode: 'cors' });
    document.getElementById('out').textContent = results.join(' ');
  })();
  </script></body></html>`;
  const server = http.createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

test('Eine Seite einer anderen Herkunft im selben Browser kann über den Harness nichts ändern', async ({
  page,
  harness,
  storePath,
  dir,
  browser,
}) => {
  await openApp(page, harness);
  await expect(measureCount(page)).toHaveText('36 Maßnahmen');
  const before = await readStore(storePath);
  const measure = before.measures.find((m) => !m.deletedAt)!;
  const settingsFile = path.join(dir, 'einstellungen', 'einstellungen.json');
  const settingsBefore = await fs.readFile(settingsFile, 'utf8').catch(() => null);

  const site = await attackerSite(harness.url, measure.id);
  const context = await browser.newContext();
  const attacker = await context.newPage();
  try {
    await attacker.goto(site.url);
    await expect(attacker.locator('#out')).not.toHaveText('läuft');
    const out = await attacker.locator('#out').textContent();
    // no-cors answers are opaque (status 0); what matters is what the harness did, checked below.
    expect(out).toContain('deleteMeasure');
  } finally {
    await context.close();
    await site.close();
  }
  const after = await readStore(storePath);
  expect(after.measures.find((m) => m.id === measure.id)!.deletedAt).toBeNull();
  expect(after.audit.length).toBe(before.audit.length);
  expect(await fs.readFile(settingsFile, 'utf8').catch(() => null)).toBe(settingsBefore);
  expect(harness.session.settings.value.backupKeepLast).toBe(10);
  // The app itself (its bridge has the token) still works.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Übersicht' })).toBeVisible();
  // Leave the app before the harness closes: its polling would otherwise hit the closed server.
  await page.goto('about:blank');
});

test('Harness: fremder Host (DNS-Rebinding), fehlendes Token, falscher Inhaltstyp → 403; mit Token und JSON → ausgeführt', async ({
  harness,
}) => {
  const port = new URL(harness.url).port;
  const request = (pathName: string, headers: Record<string, string>, body?: string) =>
    new Promise<number>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path: pathName, method: body === undefined ? 'GET' : 'POST', headers }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end(body);
    });
  const json = { 'content-type': 'application/json' };
  const token = { 'x-harness-token': harness.token };
  // DNS rebinding: the browser sends the attacker's host name.
  expect(await request('/', { host: `boese.example:${port}` })).toBe(403);
  expect(await request('/harness-bridge.js', { host: `boese.example:${port}` })).toBe(403);
  expect(await request('/api/getSettings', { host: `boese.example:${port}`, ...json, ...token }, '{}')).toBe(403);
  expect(await request('/api/getSettings', { host: `127.0.0.1:${port}`, ...json }, '{}')).toBe(403);
  expect(await request('/api/getSettings', { host: `127.0.0.1:${port}`, 'content-type': 'text/plain', ...token }, '{}')).toBe(403);
  expect(await request('/api/getSettings', { host: `127.0.0.1:${port}`, origin: 'http://127.0.0.1:1', ...json, ...token }, '{}')).toBe(403);
  expect(await request('/api/getSettings', { host: `127.0.0.1:${port}`, ...json, 'x-harness-token': 'falsch' }, '{}')).toBe(403);
  expect(await request('/api/getSettings', { host: `127.0.0.1:${port}`, ...json, ...token }, '{}')).toBe(200);
  expect(
    await request('/api/getSettings', { host: `localhost:${port}`, origin: `http://localhost:${port}`, ...json, ...token }, '{}'),
  ).toBe(200);
  expect(await request('/', { host: `127.0.0.1:${port}` })).toBe(200);
});

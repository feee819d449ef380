import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, rendererFileFor, rendererResponse } from '@main/rendererFiles';

let root: string;
let dir: string;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'masterplan-proto-'));
  dir = path.join(root, 'renderer');
  await fs.mkdir(path.join(dir, 'assets'), { recursive: true });
  await fs.writeFile(path.join(dir, 'index.html'), '<!doctype html><title>x</title>');
  await fs.writeFile(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
  await fs.writeFile(path.join(root, 'secret.txt'), 'geheim');
});
afterAll(() => fs.rm(root, { recursive: true, force: true }));

describe('app:// responses', () => {
  it('serves the bundle with type and CSP header', async () => {
    const page = await rendererResponse({ url: 'app://masterplan/index.html', method: 'GET' }, dir);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<title>x</title>');
    const script = await rendererResponse({ url: 'app://masterplan/assets/app.js', method: 'GET' }, dir);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('never leaves the renderer folder, answers only its own host and only reads', async () => {
    for (const url of [
      'app://masterplan/../secret.txt',
      'app://masterplan/%2e%2e/secret.txt',
      'app://masterplan/..%2fsecret.txt',
      'app://other/index.html',
    ]) {
      expect((await rendererResponse({ url, method: 'GET' }, dir)).status).toBe(404);
    }
    expect(rendererFileFor('app://masterplan/%2e%2e%2fsecret.txt', dir)).toBeNull();
    expect((await rendererResponse({ url: 'app://masterplan/missing.js', method: 'GET' }, dir)).status).toBe(404);
    expect((await rendererResponse({ url: 'app://masterplan/index.html', method: 'POST' }, dir)).status).toBe(405);
  });
});

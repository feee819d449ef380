import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, isTrustedFrameUrl, originOf, rendererLocation } from '@main/trust';

describe('trusted frame (exact origin)', () => {
  it.each([
    ['app://masterplan/index.html', true],
    ['app://masterplan/', true],
    ['app://masterplan.evil/index.html', false],
    ['app://evil/masterplan/index.html', false],
    ['app://user@masterplan/index.html', false],
    ['file:///C:/Programme/Masterplan/out/renderer/index.html', false],
    ['http://masterplan/index.html', false],
    ['about:blank', false],
    ['not a url', false],
  ])('%s → %s', (url, trusted) => {
    expect(isTrustedFrameUrl(url, APP_ORIGIN)).toBe(trusted);
  });

  it('dev server: same scheme, host and port only', () => {
    const origin = 'http://localhost:5173';
    expect(isTrustedFrameUrl('http://localhost:5173/index.html', origin)).toBe(true);
    expect(isTrustedFrameUrl('http://localhost:5174/', origin)).toBe(false);
    expect(isTrustedFrameUrl('http://localhost:5173@evil.example/', origin)).toBe(false);
    expect(isTrustedFrameUrl('http://localhost.evil.example:5173/', origin)).toBe(false);
    expect(originOf('app://masterplan/x')).toBe('app://masterplan');
  });
});

describe('rendererLocation', () => {
  it('a packaged app ignores ELECTRON_RENDERER_URL', () => {
    expect(rendererLocation(true, { ELECTRON_RENDERER_URL: 'http://localhost:5173/' })).toEqual({
      url: APP_ENTRY_URL,
      origin: APP_ORIGIN,
      devServer: false,
    });
  });
  it('development uses the dev server, but only on this machine', () => {
    expect(rendererLocation(false, { ELECTRON_RENDERER_URL: 'http://localhost:5173/' })).toMatchObject({
      origin: 'http://localhost:5173',
      devServer: true,
    });
    expect(rendererLocation(false, { ELECTRON_RENDERER_URL: 'https://evil.example/' })).toMatchObject({
      url: APP_ENTRY_URL,
      devServer: false,
    });
    expect(rendererLocation(false, {})).toMatchObject({ url: APP_ENTRY_URL });
  });
});

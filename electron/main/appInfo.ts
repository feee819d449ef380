import packageJson from '../../package.json' with { type: 'json' };

/** Version printed in exports (Legende, reports); bundled from package.json at build time. */
export const APP_VERSION: string = packageJson.version;

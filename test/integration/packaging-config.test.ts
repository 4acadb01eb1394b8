import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parse } from 'yaml';

/**
 * Packaging cannot run here (no Electron binary can be downloaded), so the
 * electron-builder configuration is checked instead: against
 * electron-builder's own schema, for what the desktop shell relies on, and
 * the fuse hook against a stand-in binary carrying a real fuse wire.
 */
const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
type Target = { target: string[]; icon: string };
type BuilderConfig = {
  appId: string;
  productName: string;
  asar: boolean;
  npmRebuild: boolean;
  files: string[];
  extraResources: unknown;
  afterPack: string;
  protocols: unknown;
  publish: { provider: string; url: string };
  linux: Target & { mimeTypes: string[] };
  win: Target;
  mac: Target;
};
const config = parse(await readFile(path.join(root, 'build/electron-builder.yml'), 'utf8')) as BuilderConfig;

const fuses = await import('../../build/fuses.mjs');
const { FuseV1Options, getCurrentFuseWire } = await import('@electron/fuses');

describe('electron-builder configuration', () => {
  test("passes electron-builder's own schema", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(c: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, electronFuses: {} }, new DebugLogger(false))).rejects.toThrow(/electronFuses/);
  });

  test('builds AppImage and deb for Linux, NSIS for Windows, dmg for macOS', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  test('names the app and its id', () => {
    expect(config.appId).toBe('com.tierdesk.desktop');
    expect(config.productName).toBe('Tierdesk');
  });

  test('points at icons that exist, big enough for each platform', () => {
    const icons = path.join(root, config.linux.icon);
    for (const size of [16, 32, 64, 128, 256, 512]) expect(existsSync(path.join(icons, `${size}x${size}.png`))).toBe(true);
    expect(existsSync(path.join(root, config.win.icon))).toBe(true);
    expect(config.win.icon).toMatch(/256x256/);
    expect(existsSync(path.join(root, config.mac.icon))).toBe(true);
    expect(config.mac.icon).toMatch(/1024x1024/);
  });

  test('packs the built app into an asar, without source maps or the server', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json', '!out/**/*.map']));
    const exclusions = config.files.find((f) => f.startsWith('!node_modules/'))!;
    for (const pkg of ['better-sqlite3', 'fastify', 'pg', 'nodemailer']) expect(exclusions).toContain(pkg);
    expect(config.npmRebuild).toBe(false);
  });

  test('ships the tray icon where the packaged main process looks for it', () => {
    expect(config.extraResources).toEqual([{ from: 'build/icons/tray.png', to: 'icons/tray.png' }]);
    expect(existsSync(path.join(root, 'build/icons/tray.png'))).toBe(true);
  });

  test('registers tierdesk:// links on every platform', () => {
    expect(config.protocols).toEqual([{ name: 'Tierdesk ticket link', schemes: ['tierdesk'] }]);
    expect(config.linux.mimeTypes).toContain('x-scheme-handler/tierdesk');
  });

  test('publishes to an https release feed for electron-updater', () => {
    expect(config.publish.provider).toBe('generic');
    expect(config.publish.url).toMatch(/^https:\/\//);
  });

  test('flips the fuses after packing, with the hook that exists', () => {
    expect(config.afterPack).toBe('build/fuses.mjs');
    expect(existsSync(path.join(root, config.afterPack))).toBe(true);
    expect(fuses.TIERDESK_FUSES).toEqual({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });
});

describe('the afterPack fuse hook', () => {
  test('loads the way electron-builder loads hooks', async () => {
    const { resolveFunction } = require('app-builder-lib/out/util/resolve') as {
      resolveFunction(type: string, executor: string, name: string): Promise<unknown>;
    };
    const hook = await resolveFunction('module', path.join(root, config.afterPack), 'afterPack');
    expect(hook).toBeTypeOf('function');
    expect((hook as { name: string }).name).toBe('afterPack');
  });

  // The fuse wire as Electron ships it: sentinel, version 1, length, then every fuse in its default state.
  const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
  const ENABLE = 49;
  const DISABLE = 48;
  const shippedWire = Buffer.concat([Buffer.from('ELF…code…'), Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from([49, 48, 49, 49, 48, 48, 48, 49]), Buffer.from('…more code')]);
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'tierdesk-fuses-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const expectHardened = async (binary: string) => {
    const wire = await getCurrentFuseWire(binary);
    expect(wire[FuseV1Options.RunAsNode]).toBe(DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(DISABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ENABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(DISABLE);
  };
  const packager = { executableName: 'tierdesk', appInfo: { productFilename: 'Tierdesk' } };

  test('hardens the Linux executable', async () => {
    await writeFile(path.join(dir, 'tierdesk'), shippedWire);
    await fuses.afterPack({ appOutDir: dir, electronPlatformName: 'linux', arch: 1, packager });
    await expectHardened(path.join(dir, 'tierdesk'));
  });

  test('hardens the Windows executable', async () => {
    await writeFile(path.join(dir, 'Tierdesk.exe'), shippedWire);
    await fuses.afterPack({ appOutDir: dir, electronPlatformName: 'win32', arch: 1, packager });
    await expectHardened(path.join(dir, 'Tierdesk.exe'));
  });

  test('hardens the macOS framework inside the app bundle', async () => {
    const framework = path.join(dir, 'Tierdesk.app/Contents/Frameworks/Electron Framework.framework');
    await mkdir(framework, { recursive: true });
    await writeFile(path.join(framework, 'Electron Framework'), shippedWire);
    await fuses.afterPack({ appOutDir: dir, electronPlatformName: 'darwin', arch: 1, packager });
    await expectHardened(path.join(dir, 'Tierdesk.app'));
  });

  test('fails the build when the binary carries no fuse wire', async () => {
    await writeFile(path.join(dir, 'tierdesk'), 'not electron');
    await expect(fuses.afterPack({ appOutDir: dir, electronPlatformName: 'linux', arch: 1, packager })).rejects.toThrow(/sentinel/);
  });
});

// electron-builder afterPack hook: flips Electron's fuses in the packaged
// binary before it is signed. electron-builder 25 has no `electronFuses`
// key (it arrived in 26, which needs Node 22), so this hook does what that
// key does, with @electron/fuses.
//
// RunAsNode off:          ELECTRON_RUN_AS_NODE cannot turn the app into a Node shell.
// NODE_OPTIONS off:       no code injected through the environment.
// --inspect off:          no debugger attached to the main process from the command line.
// Asar integrity on:      the app refuses a modified app.asar (macOS, Windows; electron-builder embeds the hash).
// Only load from asar on: no loose app folder beside it is ever run.
// Cookie encryption on, file:// extra privileges off: the app uses app://, not file://.
import path from 'node:path';
import electronFuses from '@electron/fuses';

const { flipFuses, FuseV1Options, FuseVersion } = electronFuses;

export const TIERDESK_FUSES = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** builder-util's Arch.arm64. */
const ARM64 = 3;

/** The file that carries the fuse wire, per platform, inside electron-builder's output folder. */
export function electronBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    default:
      return path.join(appOutDir, packager.executableName);
  }
}

export async function afterPack(context) {
  const darwin = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  await flipFuses(electronBinary(context), {
    version: FuseVersion.V1,
    // An unsigned arm64 macOS binary must be re-signed ad hoc after editing, or it will not start.
    resetAdHocDarwinSignature: darwin && context.arch === ARM64,
    ...TIERDESK_FUSES,
  });
}

export default afterPack;

// electron-builder afterPack hook: sets Electron's fuses on the packaged binary, before signing
// (electron-builder signs after this hook, so the signature covers the flipped fuses).
//   RunAsNode off                          ELECTRON_RUN_AS_NODE cannot turn Pigeon into a plain Node
//   EnableCookieEncryption on              cookies on disk are encrypted with the OS keychain key
//   EnableNodeOptionsEnvironmentVariable off   NODE_OPTIONS cannot inject code
//   EnableNodeCliInspectArguments off      --inspect cannot attach a debugger to the main process
//   EnableEmbeddedAsarIntegrityValidation on   a tampered app.asar is refused (macOS, Windows)
//   OnlyLoadAppFromAsar on                 the app is loaded only from app.asar, never a loose folder
//   GrantFileProtocolExtraPrivileges off   file:// pages get no extra powers (the app is served from app://)
// electron-builder's own `electronFuses` option is left unset so fuses are flipped once, here.
'use strict';
const path = require('node:path');

/** The file @electron/fuses must patch, as electron-builder names it per platform. */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    case 'linux':
      return path.join(appOutDir, packager.executableName);
    default:
      throw new Error(`after-pack: unknown platform ${electronPlatformName}`);
  }
}

function fuseConfig(fuses, platform) {
  const { FuseVersion, FuseV1Options } = fuses;
  return {
    version: FuseVersion.V1,
    // Patching the binary breaks its ad-hoc signature; Apple silicon refuses to run unsigned code.
    resetAdHocDarwinSignature: platform === 'darwin' || platform === 'mas',
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };
}

/** The hook, with @electron/fuses injectable for tests. */
async function setFuses(context, fuses = require('@electron/fuses')) {
  const binary = electronBinaryPath(context);
  await fuses.flipFuses(binary, fuseConfig(fuses, context.electronPlatformName));
}

module.exports = (context) => setFuses(context);
module.exports.default = module.exports;
module.exports.setFuses = setFuses;
module.exports.electronBinaryPath = electronBinaryPath;

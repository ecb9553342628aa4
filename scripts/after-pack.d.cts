// Types for scripts/after-pack.cjs (imported by its unit test).
type Context = {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName: string };
};
type Fuses = typeof import('@electron/fuses');
declare function afterPack(context: Context): Promise<void>;
declare namespace afterPack {
  function setFuses(context: Context, fuses?: Pick<Fuses, 'flipFuses' | 'FuseVersion' | 'FuseV1Options'>): Promise<void>;
  function electronBinaryPath(context: Context): string;
}
export = afterPack;

/** Types for build/fuses.mjs (electron-builder's afterPack hook), for the packaging test. */
export type AfterPackContext = {
  appOutDir: string;
  electronPlatformName: string;
  arch: number;
  packager: { executableName: string; appInfo: { productFilename: string } };
};
export declare const TIERDESK_FUSES: Record<number, boolean>;
export declare function electronBinary(context: AfterPackContext): string;
export declare function afterPack(context: AfterPackContext): Promise<void>;
export default afterPack;

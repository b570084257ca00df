export declare const EXTENSION_DIR: string;
export declare const TARGET_MODULES: Record<string, string>;
export declare const CLAIM_PAGE_DIR: string;
export declare const CLAIM_PAGE_TARGET_MODULES: Record<string, string>;
export declare const PRODUCT_RULES_DIR: string;
export declare const PRODUCT_RULES_TARGET_MODULES: Record<string, string>;
export declare const EXTENSIONS: { dir: string; targets: Record<string, string> }[];
export declare const MAX_BUNDLE_BYTES: number;
export declare const CLAIM_PAGE_BUDGET_BYTES: number;
export interface BundleReport {
  /** Minified bytes. */
  bytes: number;
  gzipBytes: number;
  /** Bytes each module contributes, largest first. */
  modules: Record<string, number>;
}
export declare function buildExtensionReport(options: {
  outdir: string;
  appUrl?: string;
}): Promise<Record<string, BundleReport>>;
export declare function buildExtension(options: { outdir: string; appUrl?: string }): Promise<Record<string, number>>;
export declare function describeSizes(report: Record<string, BundleReport>, options?: { modules?: boolean }): string[];

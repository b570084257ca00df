export declare const EXTENSION_DIR: string;
export declare const TARGET_MODULES: Record<string, string>;
export declare const CLAIM_PAGE_DIR: string;
export declare const CLAIM_PAGE_TARGET_MODULES: Record<string, string>;
export declare const EXTENSIONS: { dir: string; targets: Record<string, string> }[];
export declare const MAX_BUNDLE_BYTES: number;
export declare function buildExtension(options: { outdir: string; appUrl?: string }): Promise<Record<string, number>>;

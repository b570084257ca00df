export declare const EXTENSION_DIR: string;
export declare const TARGET_MODULES: Record<string, string>;
export declare const MAX_BUNDLE_BYTES: number;
export declare function buildExtension(options: { outdir: string; appUrl?: string }): Promise<Record<string, number>>;

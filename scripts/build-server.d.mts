/** Bundles server/index.ts into `outfile` (default build/server.js) and returns its path. */
export declare function buildServer(outfile?: string): Promise<string>;

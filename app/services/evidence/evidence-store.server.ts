import type { Readable } from "node:stream";
import type { ByteRange } from "../../utils/byte-ranges.server";
import { env, type Env } from "../../utils/env.server";
import { DiskEvidenceStore } from "./disk-evidence-store.server";
import { S3EvidenceStore } from "./s3-evidence-store.server";

// Where evidence files live (docs/decisions/010-evidence-store.md): a local folder by default, or
// S3-compatible object storage when several app instances must see the same files. Keys are ours
// (`<shop>/<random uuid>[.thumbnail]`), never derived from what the shopper sent.

export interface EvidenceStore {
  /**
   * Stores the stream's bytes under the key, replacing what was there. The object appears only
   * once the whole stream was stored: a stream that fails leaves nothing under the key.
   */
  put(key: string, body: Readable, contentType: string): Promise<void>;
  /**
   * The stored bytes, or only those of `range` (which the caller keeps within the stored size),
   * or null when nothing is stored under the key.
   */
  get(key: string, range?: ByteRange): Promise<Readable | null>;
  /** Deletes these keys; a key with nothing stored is no error. */
  delete(keys: readonly string[]): Promise<void>;
  /** Deletes every key under a folder-like prefix (ending in "/"), e.g. a whole shop's files. */
  deletePrefix(prefix: string): Promise<void>;
}

export function createEvidenceStore(
  settings: Pick<
    Env,
    | "EVIDENCE_STORE"
    | "EVIDENCE_DIR"
    | "S3_BUCKET"
    | "S3_ENDPOINT"
    | "S3_REGION"
    | "S3_ACCESS_KEY_ID"
    | "S3_SECRET_ACCESS_KEY"
    | "S3_FORCE_PATH_STYLE"
  >,
): EvidenceStore {
  switch (settings.EVIDENCE_STORE) {
    case "disk":
      return new DiskEvidenceStore(settings.EVIDENCE_DIR);
    case "s3":
      return new S3EvidenceStore({
        // env.server.ts refuses EVIDENCE_STORE=s3 without a bucket.
        bucket: settings.S3_BUCKET ?? "",
        endpoint: settings.S3_ENDPOINT,
        region: settings.S3_REGION,
        forcePathStyle: settings.S3_FORCE_PATH_STYLE,
        credentials:
          settings.S3_ACCESS_KEY_ID && settings.S3_SECRET_ACCESS_KEY
            ? { accessKeyId: settings.S3_ACCESS_KEY_ID, secretAccessKey: settings.S3_SECRET_ACCESS_KEY }
            : undefined,
      });
  }
}

let configured: EvidenceStore | undefined;
/** The app's evidence store, as the environment configures it. */
export function evidenceStore(): EvidenceStore {
  configured ??= createEvidenceStore(env());
  return configured;
}

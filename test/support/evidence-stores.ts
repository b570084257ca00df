import { type Dirent, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { http, passthrough } from "msw";
import S3rver from "s3rver";
import { createEvidenceStore, type EvidenceStore } from "../../app/services/evidence/evidence-store.server";
import { shopifyEdge } from "../simulator/network-edge";

// Both evidence store drivers for tests: a folder of the test's own, and a real S3 protocol server
// (s3rver) on a random local port with a fresh bucket. The same tests run on both.

export interface TestEvidenceStore {
  driver: "disk" | "s3";
  store: EvidenceStore;
  /** Lets this store's requests through the network edge (call in beforeEach: handlers reset after each test). */
  allowNetwork(): void;
  /** Every key stored, sorted: what a refused upload must not add to. */
  keys(): Promise<string[]>;
  close(): Promise<void>;
}

/** The files under a folder, as keys (relative paths with "/"), sorted. */
export function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return (readdirSync(folder, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort();
}

export function diskTestStore(): TestEvidenceStore {
  const folder = mkdtempSync(join(tmpdir(), "wd-evidence-disk-"));
  return {
    driver: "disk",
    store: createEvidenceStore({
      EVIDENCE_STORE: "disk",
      EVIDENCE_DIR: folder,
      S3_REGION: "us-east-1",
      S3_FORCE_PATH_STYLE: false,
    }),
    allowNetwork: () => undefined,
    keys: async () => filesUnder(folder),
    close: async () => rmSync(folder, { recursive: true, force: true }),
  };
}

/** The s3rver store, with the app's environment variables that point at it (for a whole app instance). */
export async function s3TestStore(): Promise<TestEvidenceStore & { environment: Record<string, string> }> {
  const folder = mkdtempSync(join(tmpdir(), "wd-evidence-s3rver-"));
  const bucket = "evidence";
  const server = new S3rver({
    port: 0,
    address: "127.0.0.1",
    silent: true,
    directory: folder,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({
    endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });
  return {
    driver: "s3",
    environment: {
      EVIDENCE_STORE: "s3",
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_REGION: "us-east-1",
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
      S3_FORCE_PATH_STYLE: "true",
    },
    store: createEvidenceStore({
      EVIDENCE_STORE: "s3",
      EVIDENCE_DIR: "unused",
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_REGION: "us-east-1",
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
      S3_FORCE_PATH_STYLE: true,
    }),
    allowNetwork: () => shopifyEdge.use(http.all(`${endpoint}/*`, () => passthrough())),
    keys: async () => {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
      return (listed.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : [])).sort();
    },
    close: async () => {
      await server.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

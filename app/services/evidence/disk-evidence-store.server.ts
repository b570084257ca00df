import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { assertEvidenceKey, assertEvidencePrefix } from "./evidence-keys.server";
import type { ByteRange } from "../../utils/byte-ranges.server";
import type { EvidenceStore } from "./evidence-store.server";

// Evidence files in a local folder: one app instance with a persistent disk (the default). A file
// is written beside its final name and renamed into place once complete, so a failed or refused
// upload never leaves a readable file, and a reader never sees half of one.

export class DiskEvidenceStore implements EvidenceStore {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** The key's file, inside the root whatever the key (keys are checked, and the result too). */
  private pathOf(key: string): string {
    assertEvidenceKey(key);
    const path = join(this.root, ...key.split("/"));
    if (!path.startsWith(this.root + sep)) throw new Error(`Evidence key outside the store: ${JSON.stringify(key)}`);
    return path;
  }

  async put(key: string, body: Readable): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const partial = `${path}.${randomUUID()}.partial`;
    try {
      await pipeline(body, createWriteStream(partial, { flags: "wx", mode: 0o600 }));
      await rename(partial, path);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  async get(key: string, range?: ByteRange): Promise<Readable | null> {
    try {
      const handle = await open(this.pathOf(key), "r");
      return handle.createReadStream(range ? { start: range.start, end: range.end } : {});
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async delete(keys: readonly string[]): Promise<void> {
    const paths = keys.map((key) => this.pathOf(key));
    for (const path of paths) await rm(path, { force: true });
  }

  async deletePrefix(prefix: string): Promise<void> {
    assertEvidencePrefix(prefix);
    const folder = join(this.root, ...prefix.slice(0, -1).split("/"));
    if (!folder.startsWith(this.root + sep)) throw new Error(`Evidence prefix outside the store: ${prefix}`);
    await rm(folder, { recursive: true, force: true });
  }
}

import {
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  NoSuchKey,
  S3Client,
  type S3ClientConfig,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { Readable } from "node:stream";
import { assertEvidenceKey, assertEvidencePrefix } from "./evidence-keys.server";
import type { ByteRange } from "../../utils/byte-ranges.server";
import type { EvidenceStore } from "./evidence-store.server";

// Evidence files in S3-compatible object storage, for deployments with several app instances. The
// bucket stays private: files reach people only through the app's authenticated routes. Streams
// go up with lib-storage's Upload (multipart above 5 MB, so a 200 MB video is never held whole),
// which aborts the multipart upload when the stream fails: nothing appears under the key.

interface S3EvidenceStoreOptions {
  bucket: string;
  endpoint?: string;
  region: string;
  forcePathStyle: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** DeleteObjects takes at most 1000 keys a request. */
const DELETE_BATCH = 1000;

export class S3EvidenceStore implements EvidenceStore {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(options: S3EvidenceStoreOptions) {
    const config: S3ClientConfig = {
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      ...(options.credentials ? { credentials: options.credentials } : {}),
    };
    this.client = new S3Client(config);
    this.bucket = options.bucket;
  }

  async put(key: string, body: Readable, contentType: string): Promise<void> {
    assertEvidenceKey(key);
    // A failed stream fails the upload with the stream's error (which says why: too large...).
    let failure: unknown;
    body.once("error", (error) => (failure ??= error));
    try {
      await new Upload({
        client: this.client,
        params: { Bucket: this.bucket, Key: key, Body: body, ContentType: contentType },
      }).done();
    } catch (error) {
      throw failure ?? error;
    }
  }

  async get(key: string, range?: ByteRange): Promise<Readable | null> {
    assertEvidenceKey(key);
    try {
      const answer = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: key,
          ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}),
        }),
      );
      if (!(answer.Body instanceof Readable)) throw new Error(`S3 answered ${key} without a body stream`);
      return answer.Body;
    } catch (error) {
      if (error instanceof NoSuchKey) return null;
      throw error;
    }
  }

  async delete(keys: readonly string[]): Promise<void> {
    keys.forEach(assertEvidenceKey);
    for (let start = 0; start < keys.length; start += DELETE_BATCH) {
      const batch = keys.slice(start, start + DELETE_BATCH);
      const answer = await this.client.send(
        new DeleteObjectsCommand({
          Bucket: this.bucket,
          Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
        }),
      );
      if (answer.Errors?.length) {
        const [first] = answer.Errors;
        throw new Error(`S3 did not delete ${answer.Errors.length} evidence files (${first?.Code}: ${first?.Message})`);
      }
    }
  }

  async deletePrefix(prefix: string): Promise<void> {
    assertEvidencePrefix(prefix);
    // Listed page by page and deleted as listed; each list starts again, as deletion shifts pages.
    for (;;) {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, MaxKeys: DELETE_BATCH }),
      );
      const keys = (page.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : []));
      if (keys.length === 0) return;
      await this.delete(keys);
    }
  }
}

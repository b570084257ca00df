import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, type RunningUpload } from "../../shared/src/api";
import { kindFor, type Slot, type StoredUpload } from "./draft";
import { useHost } from "./host";

// Files the shopper adds to evidence slots: each is sent as soon as it is picked, shows its
// progress, can be removed, and when it fails for a reason that may pass (the network, the server
// busy or down) keeps the file so "Try again" needs no new pick. A file the server refused (4xx
// with its reason) would only be refused again: its message says why, and the shopper picks another.

export interface UploadEntry {
  localId: string;
  slot: Slot;
  fileName: string;
  status: "uploading" | "done" | "failed";
  loaded: number;
  total: number;
  /** The server's upload, once done. */
  stored?: StoredUpload;
  thumbnailUrl?: string | null;
  error?: string;
  /** Kept while the upload runs, and after a failure worth trying again ("Try again" sends it). */
  file?: File;
}

let nextLocalId = 0;

export function useUploads(restored: readonly StoredUpload[], onStoredChange: (stored: StoredUpload[]) => void) {
  const { api, orderId, t } = useHost();
  const [entries, setEntries] = useState<UploadEntry[]>(() =>
    restored.map((stored) => ({
      localId: `u${nextLocalId++}`,
      slot: stored.slot,
      fileName: stored.fileName,
      status: "done" as const,
      loaded: 1,
      total: 1,
      stored,
    })),
  );
  const running = useRef(new Map<string, RunningUpload>());
  const reported = useRef<string>(JSON.stringify(restored));

  // Tell the form whenever the set of finished uploads changes (it keeps them in the draft).
  useEffect(() => {
    const stored = entries.flatMap((entry) => (entry.stored ? [entry.stored] : []));
    const key = JSON.stringify(stored);
    if (key !== reported.current) {
      reported.current = key;
      onStoredChange(stored);
    }
  }, [entries]);

  useEffect(() => () => running.current.forEach((upload) => upload.abort()), []);

  const update = (localId: string, change: Partial<UploadEntry>) =>
    setEntries((current) => current.map((entry) => (entry.localId === localId ? { ...entry, ...change } : entry)));

  function send(localId: string, slot: Slot, file: File) {
    const kind = kindFor(slot, file);
    const upload = api.upload(orderId, kind, file, ({ loaded, total }) => update(localId, { loaded, total }));
    running.current.set(localId, upload);
    upload.done.then(
      (result) => {
        running.current.delete(localId);
        update(localId, {
          status: "done",
          loaded: file.size,
          total: file.size,
          file: undefined,
          error: undefined,
          stored: { id: result.id, slot, kind: result.kind, fileName: file.name },
          // Not kept in the draft: the signed URL lives minutes, a restored upload shows its name.
          thumbnailUrl: result.thumbnailUrl,
        });
      },
      (error: unknown) => {
        running.current.delete(localId);
        if (error instanceof ApiError && error.code === "aborted") return;
        update(localId, {
          status: "failed",
          error: uploadErrorMessage(t, error),
          ...(retryable(error) ? {} : { file: undefined }),
        });
      },
    );
  }

  return {
    entries,
    busy: entries.some((entry) => entry.status === "uploading"),
    add(slot: Slot, files: readonly File[]) {
      const added = files.map((file): UploadEntry => ({
        localId: `u${nextLocalId++}`,
        slot,
        fileName: file.name,
        status: "uploading",
        loaded: 0,
        total: file.size,
        file,
      }));
      setEntries((current) => [...current, ...added]);
      added.forEach((entry) => send(entry.localId, slot, entry.file!));
    },
    retry(localId: string) {
      const entry = entries.find((candidate) => candidate.localId === localId);
      if (!entry?.file || entry.status !== "failed") return;
      update(localId, { status: "uploading", loaded: 0, error: undefined });
      send(localId, entry.slot, entry.file);
    },
    remove(localId: string) {
      const entry = entries.find((candidate) => candidate.localId === localId);
      if (!entry) return;
      running.current.get(localId)?.abort();
      running.current.delete(localId);
      setEntries((current) => current.filter((candidate) => candidate.localId !== localId));
      // A file the server kept but the shopper no longer wants: best effort, it is not attached.
      if (entry.stored) api.deleteUpload(entry.stored.id).catch(() => {});
    },
    clear() {
      setEntries([]);
    },
  };
}

export type Uploads = ReturnType<typeof useUploads>;

/** A message that says what to do; the server's own (in the shopper's language) when it gave one. */
export function uploadErrorMessage(t: (key: string, r?: Record<string, string | number>) => string, error: unknown) {
  if (error instanceof ApiError) {
    if (error.code === "network") return t("errors.uploadNetwork");
    if (error.code === "rate_limited") return t("errors.rateLimited", { minutes: minutes(error.retryAfterSeconds) });
    if (error.status >= 400 && error.status < 500 && error.message) return error.message;
  }
  return t("errors.uploadFailed");
}

/** A failure that may pass on its own: no answer, the server's fault, or a rate limit. */
export function retryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.code === "network" || error.status === 429 || error.status >= 500;
}

export const minutes = (seconds: number | undefined) => Math.max(1, Math.ceil((seconds ?? 60) / 60));

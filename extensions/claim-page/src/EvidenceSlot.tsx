import type { EvidenceKind } from "../../shared/src/api";
import { APP_URL } from "../../shared/src/app-url";
import type { Slot } from "./draft";
import { useHost } from "./host";
import type { UploadEntry, Uploads } from "./uploads";

// One named evidence slot: a drop zone, then each file with its progress, "Remove" and, when it
// failed, why, and "Try again" when trying again can help (a refused file shows the server's reason;
// the shopper drops another on the slot).
export function EvidenceSlot({
  slot,
  uploads,
  required,
  error,
}: {
  slot: Slot;
  uploads: Uploads;
  required: boolean;
  error?: string;
}) {
  const { t } = useHost();
  const label = required
    ? t("evidence.requiredLabel", { label: t(`evidence.${slot}.label`) })
    : t(`evidence.${slot}.label`);
  const entries = uploads.entries.filter((entry) => entry.slot === slot);
  return (
    <s-stack gap="small-200">
      <s-drop-zone
        label={label}
        accept={slot === "issue" ? "image/*,video/*" : "image/*"}
        multiple
        required={required}
        error={error}
        onInput={(event) => {
          // The drop zone's type lacks `files` (FileInputProps); it is there at runtime.
          const zone = event.currentTarget as unknown as { files?: readonly File[]; value: string };
          const files = [...(zone.files ?? [])];
          if (files.length > 0) uploads.add(slot, files);
          zone.value = "";
        }}
      />
      <s-text color="subdued">{t(`evidence.${slot}.hint`)}</s-text>
      {entries.map((entry) => (
        <UploadRow key={entry.localId} entry={entry} uploads={uploads} />
      ))}
    </s-stack>
  );
}

function UploadRow({ entry, uploads }: { entry: UploadEntry; uploads: Uploads }) {
  const { t } = useHost();
  const percent = entry.total > 0 ? Math.min(100, Math.round((entry.loaded / entry.total) * 100)) : 0;
  return (
    <s-stack direction="inline" gap="base" alignItems="center">
      {entry.stored ? (
        <EvidenceFile upload={{ ...entry.stored, thumbnailUrl: entry.thumbnailUrl }} />
      ) : (
        <s-text>{entry.fileName}</s-text>
      )}
      {entry.status === "uploading" && (
        <>
          <s-progress
            value={percent}
            max={100}
            accessibilityLabel={t("evidence.uploading", { name: entry.fileName })}
          />
          <s-text>{t("evidence.percent", { percent })}</s-text>
        </>
      )}
      {entry.status === "done" && <s-badge>{t("evidence.uploaded")}</s-badge>}
      {entry.status === "failed" && (
        <>
          <s-text tone="critical">{entry.error}</s-text>
          {entry.file && (
            <s-button variant="secondary" onClick={() => uploads.retry(entry.localId)}>
              {t("evidence.retry")}
            </s-button>
          )}
        </>
      )}
      <s-button
        variant="secondary"
        accessibilityLabel={t("evidence.removeNamed", { name: entry.fileName })}
        onClick={() => uploads.remove(entry.localId)}
      >
        {t("evidence.remove")}
      </s-button>
    </s-stack>
  );
}

/**
 * One file of evidence: a photo's thumbnail (served by the app to its own shopper through a
 * short-lived signed URL, so an image element can load it without the session token), else its
 * file name.
 */
export function EvidenceFile({
  upload,
}: {
  upload: { kind: EvidenceKind; fileName: string | null; thumbnailUrl?: string | null };
}) {
  const { t } = useHost();
  const what = t(`evidence.alt.${upload.kind}`);
  if (!upload.thumbnailUrl) return <s-text>{upload.fileName ?? what}</s-text>;
  return (
    <s-box inlineSize="96px">
      <s-image
        src={APP_URL + upload.thumbnailUrl}
        alt={upload.fileName ? t("evidence.altNamed", { what, name: upload.fileName }) : what}
        objectFit="cover"
        loading="lazy"
      />
    </s-box>
  );
}

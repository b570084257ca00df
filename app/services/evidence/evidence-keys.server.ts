// Evidence keys: ours alone (`<shop>/<random uuid>` and `<shop>/<random uuid>.thumbnail`), never
// derived from a file name or anything else the shopper sent, and checked again by every driver.

// Segments start with a letter or digit, so "." and ".." can never be one; no backslashes, no
// empty segments, nothing that a file system or an S3 console would read as structure.
const KEY = /^[a-z0-9][a-z0-9._-]{0,127}(\/[a-z0-9][a-z0-9._-]{0,127}){0,7}$/;
const PREFIX = /^([a-z0-9][a-z0-9._-]{0,127}\/){1,8}$/;

/** Throws unless the key is one of ours: a programming error, never the shopper's input. */
export function assertEvidenceKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`Not a valid evidence key: ${JSON.stringify(key)}`);
}

export function assertEvidencePrefix(prefix: string): void {
  if (!PREFIX.test(prefix)) throw new Error(`Not a valid evidence key prefix: ${JSON.stringify(prefix)}`);
}

/** The folder of a shop's files: every evidence key of the shop starts with it. */
export function shopEvidencePrefix(shop: string): string {
  const prefix = `${shop.toLowerCase()}/`;
  assertEvidencePrefix(prefix);
  return prefix;
}

/** The keys of a new upload: the stored file and, for photos, its thumbnail. */
export function newEvidenceKeys(shop: string, id: string): { file: string; thumbnail: string } {
  const file = `${shopEvidencePrefix(shop)}${id}`;
  assertEvidenceKey(file);
  return { file, thumbnail: `${file}.thumbnail` };
}

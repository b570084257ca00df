// Shopify global IDs: gid://shopify/Type/123.

export function gid(type: string, id: number | string): string {
  return `gid://shopify/${type}/${id}`;
}

export function parseGid(value: string): { type: string; id: string } | null {
  const match = /^gid:\/\/shopify\/(\w+)\/([^/?]+)$/.exec(value);
  return match ? { type: match[1] as string, id: match[2] as string } : null;
}

export function gidType(value: string): string | null {
  return parseGid(value)?.type ?? null;
}

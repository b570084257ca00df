// Access scopes. Shopify's introspection describes what a type or field needs in prose, e.g.
// "`read_orders` access scope." or "`read_products` access scope or `read_publications` access scope.":
// any one listed scope suffices. Mutation fields sometimes name the resource only ("`orders` access
// scope"), which means its write scope. Requirements without a scope in backticks (staff permissions,
// plan features, "the same access level needed to mutate the owner resource") are not enforced here.

/** The scopes a token effectively holds: write_X implies read_X (and unauthenticated_write_X likewise). */
export function expandScopes(scopes: Iterable<string>): Set<string> {
  const result = new Set<string>();
  for (const raw of scopes) {
    const scope = raw.trim();
    if (!scope) continue;
    result.add(scope);
    const write = /^(unauthenticated_)?write_(.+)$/.exec(scope);
    if (write) result.add(`${write[1] ?? ""}read_${write[2]}`);
  }
  return result;
}

/** The scopes named in a requiredAccess text, any of which grants access; null when none is named. */
export function parseRequiredAccess(text: string, isMutation: boolean): string[] | null {
  // Only the part before "Also:" lists scopes; what follows are staff permissions.
  const head = text.split(/\bAlso:/)[0] ?? "";
  if (!/\bscope\b/.test(head)) return null;
  const names = [...head.matchAll(/`([a-z_]+)`/g)].map((m) => m[1] as string);
  if (names.length === 0) return null;
  return names.map((name) =>
    /^(unauthenticated_)?(read|write)_/.test(name) ? name : `${isMutation ? "write" : "read"}_${name}`,
  );
}

export function hasAccess(granted: ReadonlySet<string>, required: readonly string[]): boolean {
  return required.some((scope) => granted.has(scope));
}

import { readFileSync } from "node:fs";
import { parse } from "smol-toml";
import { z } from "zod";

const AppTomlSchema = z.object({ access_scopes: z.object({ scopes: z.string() }) });

/** The access scopes the app asks for in shopify.app.toml. */
export function appTomlScopes(): string[] {
  const toml = AppTomlSchema.parse(parse(readFileSync("shopify.app.toml", "utf8")));
  return toml.access_scopes.scopes.split(",").filter(Boolean);
}

// Bundles the production server (server/index.ts and the app modules it imports, such as the
// logger) into build/server.js; packages stay imports from node_modules. Run by `npm run build`
// after the Remix build; the server loads build/server/index.js beside it at start.
//   node scripts/build-server.mjs [--outfile FILE]
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

export async function buildServer(outfile = join(root, "build", "server.js")) {
  await build({
    entryPoints: [join(root, "server", "index.ts")],
    outfile,
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node22",
    sourcemap: true,
    logLevel: "warning",
  });
  return outfile;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { outfile: { type: "string" } } });
  await buildServer(values.outfile);
}

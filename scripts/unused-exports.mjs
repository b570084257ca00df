#!/usr/bin/env node
// Exports of app/** that nothing uses, by the TypeScript language service's references (not by
// name, so two exports with one name are told apart). Usage: node scripts/unused-exports.mjs
//   UNUSED  referenced nowhere, not even in its own module: delete it
//   LOCAL   referenced only in its own module: drop `export`
//   TESTS   referenced only by tests (listed for a look; a test's helper may be fine)
// Remix's route-module exports (loader, action, default, meta …) count as used by the framework.
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const config = ts.readConfigFile(join(root, "tsconfig.json"), ts.sys.readFile);
const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
const service = ts.createLanguageService(
  {
    getScriptFileNames: () => parsed.fileNames,
    getScriptVersion: () => "1",
    getScriptSnapshot: (file) =>
      ts.sys.fileExists(file) ? ts.ScriptSnapshot.fromString(ts.sys.readFile(file) ?? "") : undefined,
    getCurrentDirectory: () => root,
    getCompilationSettings: () => parsed.options,
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  },
  ts.createDocumentRegistry(),
);
const program = service.getProgram();
const checker = program.getTypeChecker();
const ROUTE_EXPORTS = new Set([
  "loader",
  "action",
  "default",
  "meta",
  "links",
  "headers",
  "handle",
  "ErrorBoundary",
  "HydrateFallback",
  "shouldRevalidate",
  "clientLoader",
  "clientAction",
  "streamTimeout",
]);
const isTest = (file) => /\.test\.tsx?$/.test(file) || file.startsWith(join(root, "test/"));
const isRouteModule = (file) => file.includes("/app/routes/") || /\/app\/(root|entry\.server)\.tsx$/.test(file);

const found = [];
for (const file of parsed.fileNames) {
  if (!file.startsWith(join(root, "app/")) || file.includes("/app/types/") || isTest(file)) continue;
  const source = program.getSourceFile(file);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) continue;
  for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
    const name = symbol.getName();
    const declaration = symbol.declarations?.[0];
    if (!declaration || declaration.getSourceFile() !== source) continue; // a re-export
    if (isRouteModule(file) && ROUTE_EXPORTS.has(name)) continue;
    const at = (declaration.name ?? declaration).getStart();
    let inside = 0;
    let outside = 0;
    let onlyTests = true;
    for (const group of service.findReferences(file, at) ?? []) {
      for (const reference of group.references) {
        if (reference.isDefinition) continue;
        if (reference.fileName === file) inside += 1;
        else {
          outside += 1;
          if (!isTest(reference.fileName)) onlyTests = false;
        }
      }
    }
    const kind = outside > 0 ? (onlyTests ? "TESTS " : null) : inside > 0 ? "LOCAL " : "UNUSED";
    if (kind) found.push(`${kind}  ${relative(root, file)}  ${name}`);
  }
}
console.log(found.sort().join("\n"));

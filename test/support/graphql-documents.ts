import { readFileSync } from "node:fs";
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery, parse, validate, Kind } from "graphql";
import { gqlPluckFromCodeStringSync } from "@graphql-tools/graphql-tag-pluck";
import { pluckConfig } from "@shopify/api-codegen-preset";
import { globSync } from "tinyglobby";

// Collects every `#graphql` document the way codegen does and validates it against Shopify's
// published schema, so a field, argument or type Shopify does not have fails the test suite.

const schemas = new Map<string, GraphQLSchema>();

export function loadSchema(path: string): GraphQLSchema {
  let schema = schemas.get(path);
  if (!schema) {
    const json = JSON.parse(readFileSync(path, "utf8")) as { data?: IntrospectionQuery } & Partial<IntrospectionQuery>;
    const introspection = json.data ?? (json as IntrospectionQuery);
    schema = buildClientSchema(introspection);
    schemas.set(path, schema);
  }
  return schema;
}

export interface FoundDocument {
  file: string;
  line: number;
  source: string;
}

export function findDocuments(patterns: string[], cwd: string): FoundDocument[] {
  const files = globSync(patterns, { cwd, ignore: ["**/node_modules/**"] }).sort();
  const found: FoundDocument[] = [];
  for (const file of files) {
    const code = readFileSync(`${cwd}/${file}`, "utf8");
    if (!code.includes("#graphql")) continue;
    for (const source of gqlPluckFromCodeStringSync(file, code, pluckConfig)) {
      found.push({ file, line: source.locationOffset.line, source: source.body });
    }
  }
  return found;
}

/** Problems with one document: schema validation errors plus the project's naming rule. */
export function checkDocument(schema: GraphQLSchema, doc: FoundDocument, prefix: string): string[] {
  const where = `${doc.file}:${doc.line}`;
  let ast;
  try {
    ast = parse(doc.source);
  } catch (err) {
    return [`${where}: ${(err as Error).message}`];
  }
  const problems = validate(schema, ast).map((e) => `${where}: ${e.message}`);
  for (const def of ast.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    const name = def.name?.value;
    if (!name) problems.push(`${where}: every operation needs a name starting with ${prefix}`);
    else if (!name.startsWith(prefix)) problems.push(`${where}: operation ${name} must start with ${prefix}`);
  }
  return problems;
}

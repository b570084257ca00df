import js from "@eslint/js";
import tseslint from "typescript-eslint";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import jsxA11y from "eslint-plugin-jsx-a11y";
import globals from "globals";

// The domain boundary (docs/decisions/001-remix-and-polaris.md, HOUSE-STYLE.md): app/domain/** is
// pure TypeScript. It may import zod and its own modules, nothing that touches a framework, the
// database, Shopify, React or the machine. test/unit/domain-boundary.test.ts proves the rule bites.
export const DOMAIN_FORBIDDEN_IMPORTS = {
  paths: [
    { name: "react", message: "app/domain is pure: no React." },
    { name: "react-dom", message: "app/domain is pure: no React." },
    { name: "graphql", message: "app/domain is pure: GraphQL lives in app/shopify." },
    { name: "pg", message: "app/domain is pure: the database lives in app/db." },
  ],
  patterns: [
    { group: ["@shopify/*"], message: "app/domain is pure: Shopify code lives in app/shopify and app/routes." },
    { group: ["@prisma/*", "prisma", "@libsql/*"], message: "app/domain is pure: the database lives in app/db." },
    { group: ["@remix-run/*"], message: "app/domain is pure: no framework code." },
    {
      group: ["node:*", "fs", "path", "child_process", "http", "https", "net", "crypto"],
      message: "app/domain is pure: no I/O; pass data and time in.",
    },
    {
      group: [
        "~/*",
        "**/db.server*",
        "**/shopify.server*",
        "**/db/**",
        "**/shopify/**",
        "**/services/**",
        "**/routes/**",
        "**/utils/**",
        "**/components/**",
        "**/scripts/**",
      ],
      message: "app/domain is pure: it may import only other app/domain modules (relative) and zod.",
    },
  ],
};

// The services boundary (issue 10): app/services/** reaches the database only through app/db. A
// service may take the client as a TYPE (PrismaClient, Prisma.TransactionClient) to pass it on, and
// may open a unit of work with `db.$transaction(...)`, handing `tx` to app/db functions; every
// query, raw SQL and Prisma's generated types (rows, where-inputs) stay in app/db, where rows are
// parsed into domain types. test/unit/services-boundary.test.ts proves the rule bites.
const ENUM_RULE = {
  selector: "TSEnumDeclaration",
  message: "Use a const list and a zod enum instead of a TypeScript enum.",
};
const SERVICES_PRISMA_MESSAGE = "app/services reaches the database only through app/db";
export const SERVICES_FORBIDDEN_IMPORTS = {
  paths: [
    {
      name: "@prisma/client",
      allowTypeImports: true,
      message: `${SERVICES_PRISMA_MESSAGE}: import the client as a type only.`,
    },
  ],
  patterns: [
    {
      group: ["@prisma/*", "!@prisma/client", "prisma", "@libsql/*", "pg"],
      message: `${SERVICES_PRISMA_MESSAGE}.`,
    },
    {
      group: ["**/db.server", "**/db.server.ts", "~/db.server"],
      message: `${SERVICES_PRISMA_MESSAGE}: take the client as a parameter.`,
    },
    { group: ["**/scripts/**"], message: "app/ does not import from scripts/." },
  ],
};
export const SERVICES_FORBIDDEN_SYNTAX = [
  ENUM_RULE,
  {
    selector: "MemberExpression[object.name=/^(db|tx|prisma)$/][property.name!='$transaction']",
    message: `${SERVICES_PRISMA_MESSAGE}: call a function in app/db (only db.$transaction may open a unit of work here).`,
  },
  {
    selector: "MemberExpression[property.name=/^\\$(queryRaw|executeRaw|queryRawUnsafe|executeRawUnsafe)$/]",
    message: `${SERVICES_PRISMA_MESSAGE}: raw SQL lives in app/db.`,
  },
  {
    selector: "TSQualifiedName[left.name='Prisma'][right.name!='TransactionClient']",
    message: `${SERVICES_PRISMA_MESSAGE}: Prisma's generated types stay in app/db; use domain types.`,
  },
  {
    selector:
      "ImportDeclaration[source.value='@prisma/client'] ImportSpecifier[imported.name!=/^(PrismaClient|Prisma)$/]",
    message: `${SERVICES_PRISMA_MESSAGE}: rows are parsed into domain types in app/db; import PrismaClient or Prisma.TransactionClient only.`,
  },
];

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "node_modules/**",
      ".tools/**",
      ".cache/**",
      "app/types/**",
      "public/**",
      "extensions/**/dist/**",
      "coverage/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: "module" },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-syntax": ["error", ENUM_RULE],
    },
  },
  {
    // The extension's global declarations, in the form the Shopify CLI generates.
    files: ["extensions/*/shopify.d.ts"],
    rules: { "@typescript-eslint/consistent-type-imports": "off" },
  },
  {
    // The demo's App Bridge stand-in runs in the browser as a classic script.
    files: ["test/demo/public/**/*.js"],
    languageOptions: { globals: { ...globals.browser }, sourceType: "script" },
    rules: { "@typescript-eslint/no-this-alias": "off" },
  },
  {
    files: ["app/**/*.tsx"],
    plugins: { react, "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    languageOptions: { globals: { ...globals.browser } },
    settings: { react: { version: "detect" } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs["jsx-runtime"].rules,
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.recommended.rules,
      "react/prop-types": "off",
    },
  },
  {
    // app/ owns its code: nothing under app/ imports from scripts/ (scripts import from app/).
    files: ["app/**/*.{ts,tsx,js,mjs}"],
    ignores: ["app/domain/**", "app/services/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/scripts/**"], message: "app/ does not import from scripts/." }] },
      ],
    },
  },
  {
    files: ["app/services/**/*.{ts,tsx}"],
    ignores: ["app/services/**/*.test.ts"],
    rules: {
      "no-restricted-imports": "off",
      "@typescript-eslint/no-restricted-imports": ["error", SERVICES_FORBIDDEN_IMPORTS],
      "no-restricted-syntax": ["error", ...SERVICES_FORBIDDEN_SYNTAX],
    },
  },
  {
    files: ["app/domain/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", DOMAIN_FORBIDDEN_IMPORTS] },
  },
  {
    // Tests beside domain code may read their fixture files; the code under test may not.
    files: ["app/domain/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          ...DOMAIN_FORBIDDEN_IMPORTS,
          patterns: DOMAIN_FORBIDDEN_IMPORTS.patterns.filter((p) => !p.group.includes("node:*")),
        },
      ],
    },
  },
);

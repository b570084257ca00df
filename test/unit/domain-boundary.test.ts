import { describe, expect, it } from "vitest";
import { ESLint } from "eslint";

// The lint rule that keeps app/domain pure must reject what it promises to reject.
const eslint = new ESLint({ cwd: process.cwd() });

async function importErrors(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("app/domain may not import framework, database, Shopify or React code", () => {
  it.each([
    ['import { json } from "@remix-run/node";', "no framework code"],
    ['import { PrismaClient } from "@prisma/client";', "the database lives in app/db"],
    ['import { shopifyApp } from "@shopify/shopify-app-remix/server";', "Shopify code lives in app/shopify"],
    ['import { useState } from "react";', "no React"],
    ['import prisma from "../db.server";', "may import only other app/domain modules"],
    ['import prisma from "~/db.server";', "may import only other app/domain modules"],
    ['import { fetchShopProfile } from "../shopify/shop.server";', "may import only other app/domain modules"],
    ['import { readFileSync } from "node:fs";', "no I/O"],
  ])("rejects %s", async (code, reason) => {
    const errors = await importErrors("app/domain/policy/example.ts", `${code}\nexport const x = 1;\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(reason);
  });

  it("allows zod and other domain modules", async () => {
    const code =
      'import { z } from "zod";\nimport { type Money } from "./money";\nexport const s = z.string();\nexport type M = Money;\n';
    expect(await importErrors("app/domain/policy/example.ts", code)).toEqual([]);
  });

  it("does not restrict code outside the domain", async () => {
    const code = 'import { PrismaClient } from "@prisma/client";\nexport const p = PrismaClient;\n';
    expect(await importErrors("app/db/example.server.ts", code)).toEqual([]);
  });
});

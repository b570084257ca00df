import type { TestProject } from "vitest/node";
import { createTemplate, dropTestDatabases, planTestDatabases, type TestDatabasePlan } from "../support/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    testDatabases: TestDatabasePlan;
  }
}

// Once per integration run: apply the migrations to a template database for the provider that
// DATABASE_URL names; each worker copies it (test/setup/integration-setup.ts).
export default async function setup(project: TestProject) {
  const plan = planTestDatabases(process.env.DATABASE_URL, String(process.pid));
  await createTemplate(plan);
  project.provide("testDatabases", plan);
  return async () => {
    await dropTestDatabases(plan);
  };
}

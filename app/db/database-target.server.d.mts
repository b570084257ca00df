import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

export type DatabaseProvider = "sqlite" | "postgresql";
export interface DatabaseTarget {
  provider: DatabaseProvider;
  url: string;
  schemaPath: string;
  migrationsPath: string;
}
export declare const DEFAULT_DATABASE_URL: string;
export declare const LOCAL_POSTGRES_URL: string;
export declare const POSTGRES_POOL_SIZE: number;
export declare function databaseTarget(url: string | undefined): DatabaseTarget;
export declare function createAdapterFactory(target: DatabaseTarget): SqlMigrationAwareDriverAdapterFactory;
export declare function createMigrationAdapterFactory(target: DatabaseTarget): SqlMigrationAwareDriverAdapterFactory;

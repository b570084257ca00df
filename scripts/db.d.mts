export declare function derivePostgresSchema(sqliteSchema: string): string;

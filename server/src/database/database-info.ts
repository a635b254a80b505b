export type DatabaseInfo = { url: string; embedded: boolean };
export const DATABASE_INFO = Symbol('DATABASE_INFO');

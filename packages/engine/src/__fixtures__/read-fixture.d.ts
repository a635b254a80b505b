/** Reads `src/__fixtures__/<name>` as UTF-8 text (tests only). */
export declare const readFixture: (name: string) => string;

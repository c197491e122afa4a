// Declares dist/default-tables.js, which scripts/build.mjs generates after tsc.
/** encodeTables() of core's x86_64 table, constant tables, errnos, signals and requests. */
export declare const defaultTables: Uint8Array;

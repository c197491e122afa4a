/**
 * @tstrace/decoder-wasm/tables: the tables blob for an architecture other than the built-in x86_64,
 * from core's table of it and core's constant, errno, signal and request tables. Import the architecture
 * itself from its own entry (`@tstrace/core/aarch64`) so a bundle holds only the ones used.
 */
import type { ArchTable } from "@tstrace/core";
import { constTables } from "@tstrace/core/consts";
import { errnos } from "@tstrace/core/errno";
import { requestArgs, valueCaptures } from "@tstrace/core/requests";
import { signals } from "@tstrace/core/signals";
import { encodeTables } from "./tables-blob.js";

/** The encoded tables for `arch`, to pass as `createDecoderSync({ tables })`. */
export function archTables(arch: ArchTable): Uint8Array {
  return encodeTables({ arch, constTables, errnos, signals, requests: valueCaptures, requestArgs });
}

// The long-tail decoders' ids (140–169, a range of their own so parallel work on other decoders
// never collides), their names (core's `decoder` field) and their dispatch.

import { decodeGeneric } from "./generic";
import {
  decodeGetMempolicy,
  decodeMbind,
  decodeMigratePages,
  decodeMovePages,
  decodeSetMempolicy,
} from "./numa";

export const TAIL_FIRST: u8 = 140;
export const D_MBIND: u8 = 140;
export const D_SET_MEMPOLICY: u8 = 141;
export const D_GET_MEMPOLICY: u8 = 142;
export const D_MIGRATE_PAGES: u8 = 143;
export const D_MOVE_PAGES: u8 = 144;
export const TAIL_LAST: u8 = 169;

/** Decoder names and their ids, in pairs (aliases share an id). */
export const TAIL_NAMES: string[] = [
  "mbind",
  "set_mempolicy",
  "get_mempolicy",
  "migrate_pages",
  "move_pages",
];
export const TAIL_IDS: u8[] = [D_MBIND, D_SET_MEMPOLICY, D_GET_MEMPOLICY, D_MIGRATE_PAGES, D_MOVE_PAGES];

/** Runs long-tail decoder `id` (entry or exit, per call.ts). Returns RVAL_* bits. */
export function runTailDecoder(id: u8, r: u32): i32 {
  switch (id) {
    case D_MBIND:
      return decodeMbind();
    case D_SET_MEMPOLICY:
      return decodeSetMempolicy();
    case D_GET_MEMPOLICY:
      return decodeGetMempolicy();
    case D_MIGRATE_PAGES:
      return decodeMigratePages();
    case D_MOVE_PAGES:
      return decodeMovePages();
  }
  return decodeGeneric(r);
}

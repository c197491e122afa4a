/**
 * The POINTEE captures of one syscall (data/pointees.ts): for each struct argument whose struct has
 * pointer fields a decoder follows, one capture per pointer, with the struct capture's selector.
 * Offsets and sizes come from the architecture's BTF layouts; without a layout, none.
 */

import type { DecodeFds } from "./capture-plan.js";
import type { CaptureSpec } from "./capture-spec.js";
import { constTables } from "./consts.js";
import { structFdArgs, structFdFields } from "./data/fd-fields.js";
import { type PointerRule, pointeeArgs, structPointers } from "./data/pointees.js";
import { layoutsByArch } from "./data/structs.js";
import { valueCaptures } from "./data/value-captures.js";
import { CaptureKind, CaptureWhen, FdDecode } from "./record-format.js";
import type { ArchTable, StructField, StructLayout, SyscallRow } from "./types.js";

/** A struct argument: which, read when, and the selector that must match (if any). */
interface StructAt {
  readonly arg: number;
  readonly type: string;
  readonly dir: "in" | "out" | "inout";
  readonly selector?: { readonly arg: number; readonly value: number };
}

function constValue(syscall: string, table: string, name: string): number {
  const t = constTables.find((c) => c.name === table);
  const entry = t?.entries.find(([, n]) => n === name);
  if (!entry) throw new Error(`pointee captures of ${syscall}: ${name} is not in ${table}`);
  return entry[0] >>> 0;
}

/**
 * Every struct argument of `row` whose struct `wanted` names (one with pointers, one with fds),
 * from its kinds and its selector tables.
 */
function structArgs(
  row: SyscallRow,
  wanted: (type: string) => boolean = (t) => !!structPointers[t],
): StructAt[] {
  const out: StructAt[] = [];
  row.args?.forEach((a, arg) => {
    if (a.kind.k === "struct") out.push({ arg, type: a.kind.type, dir: a.kind.dir });
  });
  const vc = valueCaptures[row.name];
  for (const c of vc?.captures ?? []) {
    if (!wanted(c.type)) continue;
    const named = typeof c.value === "number" ? c.value : constValue(row.name, vc?.table ?? "", c.value);
    const value = (named | (c.orBits ?? 0)) >>> 0;
    out.push({ arg: c.arg, type: c.type, dir: c.dir, selector: { arg: vc?.selector ?? 0, value } });
  }
  for (const p of pointeeArgs[row.name] ?? []) {
    for (const v of p.values) {
      const value = constValue(row.name, p.table, v);
      out.push({ arg: p.arg, type: p.type, dir: p.dir, selector: { arg: p.selector, value } });
    }
  }
  return out;
}

function field(fields: readonly StructField[], type: string, name: string): StructField {
  const f = fields.find(([n]) => n === name);
  if (!f) throw new Error(`pointee captures: struct ${type} has no field ${name}`);
  return f;
}

function specOf(
  at: StructAt,
  rule: PointerRule,
  outer: readonly StructField[],
  layouts: readonly StructLayout[],
): CaptureSpec[] {
  // A pointer in a member struct: its fields, shifted by the member's offset.
  let fields = outer;
  let shift = 0;
  let type = at.type;
  for (const step of rule.within ?? []) {
    shift += field(fields, type, step.field)[1];
    const inner = layouts.find((l) => l.name === step.type);
    if (!inner) throw new Error(`pointee captures: no layout of ${step.type}`);
    fields = inner.fields;
    type = step.type;
  }
  const ptrOffset = shift + field(fields, type, rule.field)[1];
  let countOffset = 0;
  let countSize: 0 | 2 | 4 | 8 = 0;
  if (rule.count) {
    const [, off, size] = field(fields, type, rule.count);
    if (size !== 2 && size !== 4 && size !== 8)
      throw new Error(`pointee captures: ${type}.${rule.count} is ${size} bytes`);
    countOffset = shift + off;
    countSize = size;
  }
  const base = {
    arg: at.arg,
    kind: CaptureKind.POINTEE,
    ptrOffset,
    countOffset,
    countSize,
    elemSize: rule.elemSize,
    max: rule.max,
    ...(at.selector ? { selectorArg: at.selector.arg, selectorValue: at.selector.value } : {}),
  } as const;
  const each = rule.each ? eachOf(at, rule.each, layouts) : undefined;
  const dir = rule.when === "entry" ? "in" : rule.when === "exit" ? "out" : at.dir;
  const out: CaptureSpec[] = [];
  for (const when of [CaptureWhen.ENTRY, CaptureWhen.EXIT]) {
    if (dir === (when === CaptureWhen.ENTRY ? "out" : "in")) continue;
    out.push({ ...base, when });
    // Right after the array's capture: native follows the elements it just read.
    if (each) out.push({ ...each, when });
  }
  return out;
}

/** The POINTEE_EACH spec (without its `when`) of a rule's `each`. */
function eachOf(at: StructAt, each: NonNullable<PointerRule["each"]>, layouts: readonly StructLayout[]) {
  const elem = layouts.find((l) => l.name === each.type);
  if (!elem) throw new Error(`pointee captures: no layout of ${each.type}`);
  const [, countOffset, countSize] = field(elem.fields, each.type, each.count);
  if (countSize !== 2 && countSize !== 4 && countSize !== 8)
    throw new Error(`pointee captures: ${each.type}.${each.count} is ${countSize} bytes`);
  return {
    arg: at.arg,
    kind: CaptureKind.POINTEE_EACH,
    ptrOffset: field(elem.fields, each.type, each.field)[1],
    countOffset,
    countSize,
    max: each.max,
    ...(at.selector ? { selectorArg: at.selector.arg, selectorValue: at.selector.value } : {}),
  } as const;
}

/** The POINTEE captures of syscall `row` on `table`'s architecture. */
export function pointeeCapturesFor(table: ArchTable, row: SyscallRow): CaptureSpec[] {
  const layouts = layoutsByArch[table.arch];
  if (!layouts) return [];
  const out: CaptureSpec[] = [];
  for (const at of structArgs(row)) {
    const rules = structPointers[at.type];
    const layout = layouts.find((l) => l.name === at.type);
    if (!rules || !layout) continue;
    for (const rule of rules) out.push(...specOf(at, rule, layout.fields, layouts));
  }
  return out;
}

/**
 * The FD_PATHS captures of the fds in `row`'s struct fields (data/fd-fields.ts) under -y/-yy: one
 * per field and selector value, when the field holds the fd; without a layout, none.
 */
export function fdFieldCapturesFor(table: ArchTable, row: SyscallRow, decodeFds: DecodeFds): CaptureSpec[] {
  const layouts = layoutsByArch[table.arch];
  if (!layouts || decodeFds === "none") return [];
  const out: CaptureSpec[] = [];
  // One capture per struct, field and selector, however many of the struct's captures name it.
  const seen = new Set<string>();
  const plain: StructAt[] = (structFdArgs[row.name] ?? []).map((a) => ({ ...a, dir: "in" }));
  for (const at of [...structArgs(row, (t) => !!structFdFields[t]), ...plain]) {
    const layout = layouts.find((l) => l.name === at.type);
    for (const rule of structFdFields[at.type] ?? []) {
      // A literal offset is x86_64's (a union member BTF does not flatten).
      if (rule.offset !== undefined ? table.arch !== "x86_64" : !layout) continue;
      const whens: CaptureWhen[] =
        rule.when !== undefined
          ? [rule.when === "entry" ? CaptureWhen.ENTRY : CaptureWhen.EXIT]
          : at.dir === "inout"
            ? [CaptureWhen.ENTRY, CaptureWhen.EXIT]
            : [at.dir === "in" ? CaptureWhen.ENTRY : CaptureWhen.EXIT];
      const offset = rule.offset ?? field(layout?.fields ?? [], at.type, rule.field)[1];
      for (const when of whens) {
        const key = `${at.arg}/${at.type}/${rule.field}/${when}/${at.selector?.value}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({
          arg: at.arg,
          kind: CaptureKind.FD_PATHS,
          when,
          countArg: "field",
          offset,
          decode: decodeFds === "all" ? FdDecode.DETAILS : 0,
          ...(at.selector ? { selectorArg: at.selector.arg, selectorValue: at.selector.value } : {}),
        });
      }
    }
  }
  return out;
}

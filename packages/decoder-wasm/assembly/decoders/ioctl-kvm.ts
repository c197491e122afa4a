// KVM (strace 6.1's kvm.c and its x86_64 arch_kvm.c): guest memory regions, registers, segment
// registers and CPUID tables, from the field offsets of the kernel's uapi structs (../layouts).
// Without -v strace shows a few registers and no CPUID entry.

import {
  KVM_CPUID_ENTRY2_EAX,
  KVM_CPUID_ENTRY2_EBX,
  KVM_CPUID_ENTRY2_ECX,
  KVM_CPUID_ENTRY2_EDX,
  KVM_CPUID_ENTRY2_FLAGS,
  KVM_CPUID_ENTRY2_FUNCTION,
  KVM_CPUID_ENTRY2_INDEX,
  KVM_CPUID2_ENTRIES,
  KVM_CPUID2_NENT,
  KVM_DTABLE_BASE,
  KVM_DTABLE_LIMIT,
  KVM_REGS_R8,
  KVM_REGS_R9,
  KVM_REGS_R10,
  KVM_REGS_R11,
  KVM_REGS_R12,
  KVM_REGS_R13,
  KVM_REGS_R14,
  KVM_REGS_R15,
  KVM_REGS_RAX,
  KVM_REGS_RBP,
  KVM_REGS_RBX,
  KVM_REGS_RCX,
  KVM_REGS_RDI,
  KVM_REGS_RDX,
  KVM_REGS_RFLAGS,
  KVM_REGS_RIP,
  KVM_REGS_RSI,
  KVM_REGS_RSP,
  KVM_SEGMENT_AVL,
  KVM_SEGMENT_BASE,
  KVM_SEGMENT_DB,
  KVM_SEGMENT_DPL,
  KVM_SEGMENT_G,
  KVM_SEGMENT_L,
  KVM_SEGMENT_LIMIT,
  KVM_SEGMENT_PRESENT,
  KVM_SEGMENT_S,
  KVM_SEGMENT_SELECTOR,
  KVM_SEGMENT_TYPE,
  KVM_SREGS_APIC_BASE,
  KVM_SREGS_CR0,
  KVM_SREGS_CR2,
  KVM_SREGS_CR3,
  KVM_SREGS_CR4,
  KVM_SREGS_CR8,
  KVM_SREGS_CS,
  KVM_SREGS_DS,
  KVM_SREGS_EFER,
  KVM_SREGS_ES,
  KVM_SREGS_FS,
  KVM_SREGS_GDT,
  KVM_SREGS_GS,
  KVM_SREGS_IDT,
  KVM_SREGS_INTERRUPT_BITMAP,
  KVM_SREGS_LDT,
  KVM_SREGS_SS,
  KVM_SREGS_TR,
  KVM_USERSPACE_MEMORY_REGION_FLAGS,
  KVM_USERSPACE_MEMORY_REGION_GUEST_PHYS_ADDR,
  KVM_USERSPACE_MEMORY_REGION_MEMORY_SIZE,
  KVM_USERSPACE_MEMORY_REGION_SLOT,
  KVM_USERSPACE_MEMORY_REGION_USERSPACE_ADDR,
  SIZEOF_KVM_CPUID_ENTRY2,
  SIZEOF_KVM_CPUID2,
  SIZEOF_KVM_REGS,
  SIZEOF_KVM_SREGS,
  SIZEOF_KVM_USERSPACE_MEMORY_REGION,
} from "../layouts";
import { verbose } from "../options";
import { putc, puts } from "../out";
import { putU64 } from "../print/num";
import { strEq } from "../tables";
import { F_FLAGS, F_U, F_X, Field, printFields, printStructOf, printValue } from "./ioctl-fields";

/** KVM_CREATE_VM (_IO(0xae, 0x01)) and KVM_CREATE_VCPU (_IO(0xae, 0x41)) return an fd. */
export function kvmReturnsFd(req: u32): bool {
  return req == 0xae01 || req == 0xae41;
}

const MEMORY_REGION: Field[] = [
  new Field("slot", KVM_USERSPACE_MEMORY_REGION_SLOT, 4, F_U),
  new Field("flags", KVM_USERSPACE_MEMORY_REGION_FLAGS, 4, F_FLAGS, "kvm_mem_flags"),
  new Field("guest_phys_addr", KVM_USERSPACE_MEMORY_REGION_GUEST_PHYS_ADDR, 8, F_X),
  new Field("memory_size", KVM_USERSPACE_MEMORY_REGION_MEMORY_SIZE, 8, F_U),
  new Field("userspace_addr", KVM_USERSPACE_MEMORY_REGION_USERSPACE_ADDR, 8, F_X),
];

const x64 = (name: string, off: u32): Field => new Field(name, off, 8, F_X);
/** The registers strace shows even without -v, and the ones -v adds (in struct order). */
const REGS_RAX: Field[] = [x64("rax", KVM_REGS_RAX)];
const REGS_RBX_RDI: Field[] = [
  x64("rbx", KVM_REGS_RBX),
  x64("rcx", KVM_REGS_RCX),
  x64("rdx", KVM_REGS_RDX),
  x64("rsi", KVM_REGS_RSI),
  x64("rdi", KVM_REGS_RDI),
];
const REGS_RSP_RBP: Field[] = [x64("rsp", KVM_REGS_RSP), x64("rbp", KVM_REGS_RBP)];
const REGS_R8_R15: Field[] = [
  x64("r8", KVM_REGS_R8),
  x64("r9", KVM_REGS_R9),
  x64("r10", KVM_REGS_R10),
  x64("r11", KVM_REGS_R11),
  x64("r12", KVM_REGS_R12),
  x64("r13", KVM_REGS_R13),
  x64("r14", KVM_REGS_R14),
  x64("r15", KVM_REGS_R15),
];
const REGS_RIP: Field[] = [x64("rip", KVM_REGS_RIP), x64("rflags", KVM_REGS_RFLAGS)];

const SEGMENT: Field[] = [
  new Field("base", KVM_SEGMENT_BASE, 8, F_X),
  new Field("limit", KVM_SEGMENT_LIMIT, 4, F_U),
  new Field("selector", KVM_SEGMENT_SELECTOR, 2, F_U),
  new Field("type", KVM_SEGMENT_TYPE, 1, F_U),
  new Field("present", KVM_SEGMENT_PRESENT, 1, F_U),
  new Field("dpl", KVM_SEGMENT_DPL, 1, F_U),
  new Field("db", KVM_SEGMENT_DB, 1, F_U),
  new Field("s", KVM_SEGMENT_S, 1, F_U),
  new Field("l", KVM_SEGMENT_L, 1, F_U),
  new Field("g", KVM_SEGMENT_G, 1, F_U),
  new Field("avl", KVM_SEGMENT_AVL, 1, F_U),
];
const DTABLE: Field[] = [
  new Field("base", KVM_DTABLE_BASE, 8, F_X),
  new Field("limit", KVM_DTABLE_LIMIT, 2, F_U),
];
const SREGS_SEGMENTS: string[] = ["ds", "es", "fs", "gs", "ss", "tr", "ldt"];
const SREGS_SEGMENT_OFFS: u32[] = [
  KVM_SREGS_DS,
  KVM_SREGS_ES,
  KVM_SREGS_FS,
  KVM_SREGS_GS,
  KVM_SREGS_SS,
  KVM_SREGS_TR,
  KVM_SREGS_LDT,
];
const SREGS_CONTROL: Field[] = [
  new Field("cr0", KVM_SREGS_CR0, 8, F_U),
  new Field("cr2", KVM_SREGS_CR2, 8, F_U),
  new Field("cr3", KVM_SREGS_CR3, 8, F_U),
  new Field("cr4", KVM_SREGS_CR4, 8, F_U),
  new Field("cr8", KVM_SREGS_CR8, 8, F_U),
  new Field("efer", KVM_SREGS_EFER, 8, F_U),
  new Field("apic_base", KVM_SREGS_APIC_BASE, 8, F_X),
];

const CPUID_ENTRY: Field[] = [
  new Field("function", KVM_CPUID_ENTRY2_FUNCTION, 4, F_X),
  new Field("index", KVM_CPUID_ENTRY2_INDEX, 4, F_X),
  new Field("flags", KVM_CPUID_ENTRY2_FLAGS, 4, F_FLAGS, "kvm_cpuid_flags"),
  new Field("eax", KVM_CPUID_ENTRY2_EAX, 4, F_X),
  new Field("ebx", KVM_CPUID_ENTRY2_EBX, 4, F_X),
  new Field("ecx", KVM_CPUID_ENTRY2_ECX, 4, F_X),
  new Field("edx", KVM_CPUID_ENTRY2_EDX, 4, F_X),
];

/** `name={fields}` of a nested struct at p. */
function nested(name: string, p: usize, fields: Field[]): void {
  puts(name);
  puts("={");
  printFields(p, fields);
  putc(0x7d);
}

function printRegs(p: usize, len: u32): bool {
  if (len < SIZEOF_KVM_REGS) return false;
  putc(0x7b);
  printFields(p, REGS_RAX);
  if (verbose) printFields(p, REGS_RBX_RDI, false);
  else puts(", ...");
  printFields(p, REGS_RSP_RBP, false);
  if (verbose) printFields(p, REGS_R8_R15, false);
  else puts(", ...");
  printFields(p, REGS_RIP, false);
  putc(0x7d);
  return true;
}

function printSregs(p: usize, len: u32): bool {
  if (len < SIZEOF_KVM_SREGS) return false;
  putc(0x7b);
  nested("cs", p + <usize>KVM_SREGS_CS, SEGMENT);
  if (!verbose) {
    puts(", ...}");
    return true;
  }
  for (let i = 0; i < SREGS_SEGMENTS.length; i++) {
    puts(", ");
    nested(SREGS_SEGMENTS[i], p + <usize>SREGS_SEGMENT_OFFS[i], SEGMENT);
  }
  puts(", ");
  nested("gdt", p + <usize>KVM_SREGS_GDT, DTABLE);
  puts(", ");
  nested("idt", p + <usize>KVM_SREGS_IDT, DTABLE);
  printFields(p, SREGS_CONTROL, false);
  puts(", interrupt_bitmap=[");
  const word = new Field("", 0, 8, F_X);
  for (let i: u32 = 0; i < (SIZEOF_KVM_SREGS - KVM_SREGS_INTERRUPT_BITMAP) / 8; i++) {
    if (i > 0) puts(", ");
    printValue(word, p + <usize>(KVM_SREGS_INTERRUPT_BITMAP + i * 8));
  }
  puts("]}");
  return true;
}

/** struct kvm_cpuid2: the entry count, then (with -v) the entries, as many as were read. */
function printCpuid2(p: usize, len: u32): bool {
  if (len < SIZEOF_KVM_CPUID2) return false;
  const nent = load<u32>(p + <usize>KVM_CPUID2_NENT);
  puts("{nent=");
  putU64(<u64>nent);
  puts(", entries=[");
  if (!verbose) {
    if (nent > 0) puts("...");
    puts("]}");
    return true;
  }
  // -v: every entry (strace's print_array stops at -s only when abbreviating).
  for (let i: u32 = 0; i < nent; i++) {
    if (i > 0) puts(", ");
    const at = KVM_CPUID2_ENTRIES + i * SIZEOF_KVM_CPUID_ENTRY2;
    if (at + SIZEOF_KVM_CPUID_ENTRY2 > len) {
      puts("...");
      break;
    }
    printStructOf(p + <usize>at, SIZEOF_KVM_CPUID_ENTRY2, SIZEOF_KVM_CPUID_ENTRY2, CPUID_ENTRY);
  }
  puts("]}");
  return true;
}

/**
 * Prints the `len` captured bytes at p of KVM type `type` (a string ref); -1 when the type is
 * not KVM's, else 1 when printed and 0 when too few bytes were read (the caller prints the address).
 */
export function printKvmStruct(type: u32, p: usize, len: u32): i32 {
  let ok: bool;
  if (strEq(type, "kvm_userspace_memory_region"))
    ok = printStructOf(p, len, SIZEOF_KVM_USERSPACE_MEMORY_REGION, MEMORY_REGION);
  else if (strEq(type, "kvm_regs")) ok = printRegs(p, len);
  else if (strEq(type, "kvm_sregs")) ok = printSregs(p, len);
  else if (strEq(type, "kvm_cpuid2_entries")) ok = printCpuid2(p, len);
  else return -1;
  return ok ? 1 : 0;
}

/**
 * Where rt_sigreturn finds the signal mask it restores, relative to the stack pointer at its
 * entry: strace prints it as `rt_sigreturn({mask=[…]})`. Hand data from the kernel's signal
 * frame layout. x86_64: the handler's `ret` popped rt_sigframe.pretcode, so the stack pointer is
 * at rt_sigframe.uc; uc_sigmask follows uc_flags (8), uc_link (8), uc_stack (24) and uc_mcontext
 * (struct sigcontext, 256) in arch/x86/include/uapi/asm/ucontext.h: offset 296, 8 bytes.
 * Architectures not listed print `rt_sigreturn()`.
 */
import type { SigreturnMask } from "../types.js";

export const sigreturnMaskByArch: Readonly<Record<string, SigreturnMask>> = {
  x86_64: { offset: 296, size: 8 },
};

// Linked into the portable build only (scripts/build.mjs). The host's static libstdc++ and libgcc
// were built against a newer glibc and reference two symbols glibc 2.17 does not have; defining
// them here (hidden, so never exported) keeps the addon loadable on glibc 2.17.
#define _GNU_SOURCE
#include <elf.h>
#include <link.h>
#include <stddef.h>
#include <stdint.h>

// glibc 2.32. 0 = "there may be other threads": libstdc++ then always uses atomic reference counts.
char __libc_single_threaded = 0;

// glibc 2.35: the layout of struct dl_find_object on x86_64 (no eh_dbase, no eh_count).
struct dl_find_object {
  unsigned long long dlfo_flags;
  void *dlfo_map_start;
  void *dlfo_map_end;
  void *dlfo_link_map;
  void *dlfo_eh_frame;
  unsigned long long reserved[7];
};

struct lookup {
  uintptr_t pc;
  struct dl_find_object *result;
};

static int visit(struct dl_phdr_info *info, size_t size, void *data) {
  (void)size;
  struct lookup *lookup = data;
  uintptr_t start = UINTPTR_MAX, end = 0, eh_frame = 0;
  int contains = 0;
  for (int i = 0; i < info->dlpi_phnum; i++) {
    const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
    uintptr_t lo = info->dlpi_addr + ph->p_vaddr;
    if (ph->p_type == PT_LOAD) {
      if (lo < start) start = lo;
      if (lo + ph->p_memsz > end) end = lo + ph->p_memsz;
      if (lookup->pc >= lo && lookup->pc < lo + ph->p_memsz) contains = 1;
    } else if (ph->p_type == PT_GNU_EH_FRAME) {
      eh_frame = lo;
    }
  }
  if (!contains) return 0;
  lookup->result->dlfo_flags = 0;
  lookup->result->dlfo_map_start = (void *)start;
  lookup->result->dlfo_map_end = (void *)end;
  lookup->result->dlfo_link_map = NULL;
  lookup->result->dlfo_eh_frame = (void *)eh_frame;
  return 1;
}

// What libgcc's unwinder asks to find the exception tables of the object holding pc; answered
// with dl_iterate_phdr, which is what that unwinder used before glibc 2.35.
int _dl_find_object(void *pc, struct dl_find_object *result) {
  struct lookup lookup = {(uintptr_t)pc, result};
  return dl_iterate_phdr(visit, &lookup) ? 0 : -1;
}

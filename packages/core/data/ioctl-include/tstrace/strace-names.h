/*
 * ioctl numbers strace 6.1 names that no uapi header defines, for scripts/gen-ioctls.mjs
 * (data/ioctls.txt lists them under this header). Each is spelled from the uapi macros it was
 * made from, so the compiler gives its value as for every other request.
 */
#include <linux/seccomp.h>

/* Older headers' SECCOMP_IOCTL_NOTIF_ID_VALID, with the direction bits the wrong way round
 * (_IOR where the kernel reads): kernels still accept it, and strace names it. */
#define SECCOMP_IOCTL_NOTIF_ID_VALID_WRONG_DIR SECCOMP_IOR(2, __u64)

/* The kernel's own include/scsi/sg.h (not its uapi, which userspace's glibc scsi/sg.h
 * replaces) still defines this number; strace reads that header. */
#define SG_GET_ACCESS_COUNT 0x2289

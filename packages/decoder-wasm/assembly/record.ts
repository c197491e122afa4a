// Record format v1 offsets: a mirror of packages/core/src/record-format.ts (the reference);
// test/record-mirror.test.ts checks the two agree.

export const RECORD_FORMAT_VERSION: u32 = 1;

export const HDR_SIZE: u32 = 0;
export const HDR_TYPE: u32 = 4;
export const HDR_FLAGS: u32 = 6;
export const HDR_PID: u32 = 8;
export const HDR_TIME_NS: u32 = 16;
export const HDR_LENGTH: u32 = 24;

export const T_FILE_HEADER: u16 = 0;
export const T_SYSCALL_ENTER: u16 = 1;
export const T_SYSCALL_EXIT: u16 = 2;
export const T_SIGNAL: u16 = 3;
export const T_EXIT: u16 = 4;
export const T_EXEC: u16 = 5;
export const T_NEW_PROCESS: u16 = 6;
export const T_ATTACHED: u16 = 7;
export const T_DETACHED: u16 = 8;
export const T_GROUP_STOP: u16 = 9;
export const T_MESSAGE: u16 = 10;

export const ENTER_ARCH: u32 = 0;
export const ENTER_NR: u32 = 4;
export const ENTER_ARGS: u32 = 8;
export const ENTER_IP: u32 = 56;
export const ENTER_SP: u32 = 64;
export const ENTER_CAPTURE_COUNT: u32 = 72;
export const ENTER_LENGTH: u32 = 80;

export const EXIT_ARCH: u32 = 0;
export const EXIT_NR: u32 = 4;
export const EXIT_RVAL: u32 = 8;
export const EXIT_IS_ERROR: u32 = 16;
export const EXIT_CAPTURE_COUNT: u32 = 20;
export const EXIT_LENGTH: u32 = 24;

export const CAP_ARG: u32 = 0;
export const CAP_KIND: u32 = 1;
export const CAP_STATUS: u32 = 2;
export const CAP_LENGTH: u32 = 4;
export const CAP_HEADER: u32 = 8;

export const CK_CSTRING: u8 = 1;
export const CK_BUFFER_ARG_LEN: u8 = 2;
export const CK_BUFFER_RET_LEN: u8 = 3;
export const CK_STRUCT: u8 = 4;
export const CK_STRING_ARRAY: u8 = 5;
export const CK_IOVEC: u8 = 6;
export const CK_ARRAY: u8 = 7;
export const CK_STACK: u8 = 8;
export const CK_FD_PATH: u8 = 9;
export const CK_FD_PATHS: u8 = 10;
export const CK_FDSET: u8 = 11;
export const CK_MSGHDR: u8 = 12;
export const CK_INDIRECT: u8 = 13;
export const CK_MMSGHDR: u8 = 14;
export const CK_STRUCT_IF: u8 = 15;

/** An FD_PATH capture with this arg describes the return value. */
export const FD_RETURN_ARG: u32 = 6;
export const FD_FORM_PATH: u32 = 0;
export const FD_FORM_DETAIL: u32 = 1;
export const FD_FORM_DEVICE: u32 = 2;

export const CS_OK: u16 = 0;
export const CS_FAULT: u16 = 1;
export const CS_TRUNCATED: u16 = 2;

export const SIGNAL_BODY: u32 = 8 + 128;
export const SIGINFO_OFFSET: u32 = 8;

export const AUDIT_ARCH_X86_64: u32 = 0xc000003e;
export const AUDIT_ARCH_I386: u32 = 0x40000003;
export const AUDIT_ARCH_AARCH64: u32 = 0xc00000b7;
export const AUDIT_ARCH_ARM: u32 = 0x40000028;
export const AUDIT_ARCH_RISCV64: u32 = 0xc00000f3;

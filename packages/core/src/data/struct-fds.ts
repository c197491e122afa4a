/**
 * Fds inside structs that decoders print with -y's decoration (strace's printfd on a field):
 * which field of which struct, and which syscalls pass such a struct where their kinds do not say
 * so. Field offsets come from the kernel's BTF layouts (src/layouts/), so only names are here.
 */

/** The fd field of each struct holding one, keyed by core's struct name (a layout field name). */
export const structFdFields: Readonly<Record<string, string>> = {
  // landlock_add_rule's LANDLOCK_RULE_PATH_BENEATH rule (landlock.c)
  landlock_path_beneath_attr: "parent_fd",
  // mount_setattr's id-mapped mount's user namespace (mount_setattr.c)
  mount_attr: "userns_fd",
};

/**
 * Per syscall, struct arguments of {@link structFdFields} that the kinds table types as a plain
 * pointer (read by the caller's size, data/extra-captures.ts).
 */
export const structFdArgs: Readonly<
  Record<string, readonly { readonly arg: number; readonly type: string }[]>
> = {
  mount_setattr: [{ arg: 3, type: "mount_attr" }],
};

/**
 * The DWARF expression operations CFI uses (DW_CFA_def_cfa_expression, DW_CFA_expression): glibc's
 * signal trampoline describes its frame with them (`DW_OP_breg7 …; DW_OP_deref`). Values are
 * numbers: the addresses involved fit in 53 bits.
 */

/** Register values and memory, as the unwinder knows them; undefined: not known. */
export interface ExprContext {
  reg(n: number): number | undefined;
  read(addr: number): number | undefined;
}

/** Evaluates `expr` with `initial` pushed first (the CFA, for register rules); undefined on failure. */
export function evalExpr(expr: Uint8Array, ctx: ExprContext, initial?: number): number | undefined {
  const view = new DataView(expr.buffer, expr.byteOffset, expr.byteLength);
  const stack: number[] = initial === undefined ? [] : [initial];
  let at = 0;
  const uleb = (): number => {
    let r = 0;
    let mul = 1;
    for (;;) {
      const b = view.getUint8(at++);
      r += (b & 0x7f) * mul;
      mul *= 128;
      if ((b & 0x80) === 0) return r;
    }
  };
  const sleb = (): number => {
    let r = 0;
    let mul = 1;
    let b: number;
    do {
      b = view.getUint8(at++);
      r += (b & 0x7f) * mul;
      mul *= 128;
    } while (b & 0x80);
    return b & 0x40 ? r - mul : r;
  };
  const pop = (): number | undefined => stack.pop();
  while (at < expr.length) {
    const op = view.getUint8(at++);
    if (op >= 0x30 && op <= 0x4f) {
      stack.push(op - 0x30); // lit0..lit31
      continue;
    }
    if (op >= 0x70 && op <= 0x8f) {
      const v = ctx.reg(op - 0x70); // breg0..breg31
      if (v === undefined) return undefined;
      stack.push(v + sleb());
      continue;
    }
    if (op >= 0x50 && op <= 0x6f) {
      const v = ctx.reg(op - 0x50); // reg0..reg31
      if (v === undefined) return undefined;
      stack.push(v);
      continue;
    }
    switch (op) {
      case 0x06: {
        const a = pop();
        const v = a === undefined ? undefined : ctx.read(a);
        if (v === undefined) return undefined;
        stack.push(v);
        break;
      }
      case 0x08:
        stack.push(view.getUint8(at));
        at += 1;
        break;
      case 0x09:
        stack.push(view.getInt8(at));
        at += 1;
        break;
      case 0x0a:
        stack.push(view.getUint16(at, true));
        at += 2;
        break;
      case 0x0b:
        stack.push(view.getInt16(at, true));
        at += 2;
        break;
      case 0x0c:
        stack.push(view.getUint32(at, true));
        at += 4;
        break;
      case 0x0d:
        stack.push(view.getInt32(at, true));
        at += 4;
        break;
      case 0x10:
        stack.push(uleb());
        break;
      case 0x11:
        stack.push(sleb());
        break;
      case 0x12: {
        const v = stack[stack.length - 1];
        if (v === undefined) return undefined;
        stack.push(v);
        break;
      }
      case 0x13:
        pop();
        break;
      case 0x1c: {
        const b = pop();
        const a = pop();
        if (a === undefined || b === undefined) return undefined;
        stack.push(a - b);
        break;
      }
      case 0x22: {
        const b = pop();
        const a = pop();
        if (a === undefined || b === undefined) return undefined;
        stack.push(a + b);
        break;
      }
      case 0x23: {
        const a = pop();
        if (a === undefined) return undefined;
        stack.push(a + uleb());
        break;
      }
      case 0x92: {
        const v = ctx.reg(uleb()); // bregx
        if (v === undefined) return undefined;
        stack.push(v + sleb());
        break;
      }
      case 0x96: // nop
        break;
      default:
        return undefined;
    }
  }
  return stack.pop();
}

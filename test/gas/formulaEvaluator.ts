/**
 * A tiny evaluator for exactly the Sheets formulas the diagnostic sheet uses — numbers, "strings", cell refs
 * (B15), ranges (C4:C13) inside COUNTIF/COUNTA, IF, &, +, -, comparisons — so tests can check what the sheet
 * shows for given answers without Google Sheets. Anything else throws, so a formula the evaluator cannot read
 * fails the test instead of passing by accident.
 */
export type Value = string | number | boolean;
export type CellReader = (ref: string) => { value: unknown; formula: string };

type Token = { kind: "num" | "str" | "ref" | "name" | "op"; text: string };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === " ") {
      i++;
    } else if (c === '"') {
      let s = "";
      i++;
      for (;;) {
        if (i >= src.length) throw new Error("unterminated string");
        if (src[i] === '"' && src[i + 1] === '"') {
          s += '"';
          i += 2;
        } else if (src[i] === '"') {
          i++;
          break;
        } else s += src[i++];
      }
      out.push({ kind: "str", text: s });
    } else if (/[0-9.]/.test(c)) {
      const m = /^[0-9.]+/.exec(src.slice(i))?.[0] ?? "";
      out.push({ kind: "num", text: m });
      i += m.length;
    } else if (/[A-Z]/i.test(c)) {
      const m = /^[A-Z]+[0-9]+(:[A-Z]+[0-9]+)?|^[A-Z]+/i.exec(src.slice(i))?.[0] ?? "";
      out.push({ kind: /[0-9]/.test(m) ? "ref" : "name", text: m.toUpperCase() });
      i += m.length;
    } else {
      const two = src.slice(i, i + 2);
      if ([">=", "<=", "<>"].includes(two)) {
        out.push({ kind: "op", text: two });
        i += 2;
      } else if ("()+-*&,<>=/".includes(c)) {
        out.push({ kind: "op", text: c });
        i++;
      } else throw new Error(`unexpected character ${c} in formula`);
    }
  }
  return out;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}
function letters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
function expandRange(ref: string): string[] {
  const [a, b] = ref.split(":");
  const pa = /^([A-Z]+)(\d+)$/.exec(a);
  const pb = /^([A-Z]+)(\d+)$/.exec(b ?? a);
  if (!pa || !pb) throw new Error(`bad ref ${ref}`);
  const out: string[] = [];
  for (let r = Number(pa[2]); r <= Number(pb[2]); r++)
    for (let c = colNumber(pa[1]); c <= colNumber(pb[1]); c++) out.push(`${letters(c)}${r}`);
  return out;
}

const num = (v: Value): number =>
  typeof v === "number" ? v : typeof v === "boolean" ? Number(v) : v === "" ? 0 : Number(v);
const text = (v: Value): string => (typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v));

/** COUNTIF with a plain (non-wildcard, non-operator) criterion: equality, case-insensitive for text, as Sheets. */
function countIf(values: unknown[], criterion: Value): number {
  const want = text(criterion).toLowerCase();
  if (/^[<>=*?]/.test(want) || /[*?]/.test(want))
    throw new Error("COUNTIF criterion not supported by the evaluator");
  return values.filter((v) => v !== "" && v !== null && String(v).toLowerCase() === want).length;
}

export function evaluate(formula: string, read: CellReader, depth = 0): Value {
  if (depth > 20) throw new Error("circular reference");
  if (!formula.startsWith("=")) throw new Error("not a formula");
  const tokens = tokenize(formula.slice(1));
  let pos = 0;
  const peek = () => tokens[pos];
  const take = (text?: string) => {
    const t = tokens[pos++];
    if (!t || (text !== undefined && t.text !== text))
      throw new Error(`expected ${text ?? "token"} at ${pos}`);
    return t;
  };
  const cellValue = (ref: string): Value => {
    const c = read(ref);
    if (c.formula) return evaluate(c.formula, read, depth + 1);
    const v = c.value;
    return v === null || v === undefined ? "" : (v as Value);
  };

  function comparison(): Value {
    let left = concat();
    while (peek() && ["=", "<>", "<", ">", "<=", ">="].includes(peek().text)) {
      const op = take().text;
      const right = concat();
      const [a, b] =
        typeof left === "number" || typeof right === "number"
          ? [num(left), num(right)]
          : [text(left), text(right)];
      left = { "=": a === b, "<>": a !== b, "<": a < b, ">": a > b, "<=": a <= b, ">=": a >= b }[
        op
      ] as boolean;
    }
    return left;
  }
  function concat(): Value {
    let left = additive();
    while (peek()?.text === "&") {
      take();
      left = text(left) + text(additive());
    }
    return left;
  }
  function additive(): Value {
    let left = unary();
    while (peek() && (peek().text === "+" || peek().text === "-")) {
      const op = take().text;
      const right = unary();
      left = op === "+" ? num(left) + num(right) : num(left) - num(right);
    }
    return left;
  }
  function unary(): Value {
    if (peek()?.text === "-") {
      take();
      return -num(unary());
    }
    return primary();
  }
  function primary(): Value {
    const t = take();
    if (t.kind === "num") return Number(t.text);
    if (t.kind === "str") return t.text;
    if (t.kind === "ref") {
      if (t.text.includes(":")) throw new Error("a range outside COUNTIF/COUNTA");
      return cellValue(t.text);
    }
    if (t.kind === "op" && t.text === "(") {
      const v = comparison();
      take(")");
      return v;
    }
    if (t.kind === "name") {
      take("(");
      if (t.text === "COUNTIF") {
        const range = take();
        take(",");
        const crit = comparison();
        take(")");
        return countIf(expandRange(range.text).map(cellValue), crit);
      }
      if (t.text === "COUNTA") {
        const range = take();
        take(")");
        return expandRange(range.text)
          .map(cellValue)
          .filter((v) => v !== "").length;
      }
      if (t.text === "IF") {
        const cond = comparison();
        take(",");
        const a = comparison();
        take(",");
        const b = comparison();
        take(")");
        return (typeof cond === "boolean" ? cond : num(cond) !== 0) ? a : b;
      }
      throw new Error(`function ${t.text} not supported by the evaluator`);
    }
    throw new Error(`unexpected ${t.text}`);
  }
  const v = comparison();
  if (pos !== tokens.length) throw new Error(`trailing tokens in ${formula}`);
  return v;
}

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { CHECKLIST, QUESTIONS } from "../../src/core/index";
import { ensureBuilt, sodatsu, tempDir } from "./run";

/** `sodatsu diagnose`: the self-diagnosis workbook, with and without evidence from the shop's orders. */
beforeAll(ensureBuilt);

async function open(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

describe("sodatsu diagnose", () => {
  it("writes the ten questions with A–D lists, the rating formulas and the checklist", async () => {
    const dir = tempDir();
    const r = await sodatsu(["diagnose", "--out", dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(join(dir, "diagnosis.xlsx"));
    const wb = await open(join(dir, "diagnosis.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["診断", "チェックリスト"]);
    const ws = wb.worksheets[0];
    QUESTIONS.forEach((q, i) => {
      const row = ws.getRow(i + 2);
      expect(row.getCell(1).value).toBe(q.id);
      expect(row.getCell(2).value).toBe(q.ja);
      expect(row.getCell(3).dataValidation?.formulae).toEqual(['"A,B,C,D"']);
      expect(row.getCell(4).value).toBe(q.answers.A.ja);
    });
    const formulas: string[] = [];
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as { formula?: string } | null;
        if (v && typeof v === "object" && "formula" in v && v.formula) formulas.push(v.formula);
      }),
    );
    expect(formulas.some((f) => f.includes('COUNTIF($C$2:$C$11,"A")'))).toBe(true);
    const rating = formulas.find((f) => f.includes("A評価"))!;
    expect(rating).toMatch(/>=9,"A評価"/);
    expect(rating).toMatch(/>=7,"B評価"/);
    expect(rating).toContain("C評価");
    expect(rating).toContain("未回答");
    const checklist = wb.worksheets[1];
    expect(CHECKLIST.map((_, i) => checklist.getRow(i + 2).getCell(1).value)).toEqual(
      CHECKLIST.map((c) => c.no),
    );
  });

  it("puts the evidence from the orders beside the questions it informs", async () => {
    const dir = tempDir();
    const r = await sodatsu(["diagnose", "--out", dir, "--as-of", "2026-10-31", "examples/orders.csv"]);
    expect(r.code).toBe(0);
    const wb = await open(join(dir, "diagnosis.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["診断", "チェックリスト", "データの根拠"]);
    const q3 = wb.worksheets[0].getRow(4);
    expect(q3.getCell(1).value).toBe("Q3");
    expect(String(q3.getCell(8).value)).toMatch(/\d/);
    const q5 = wb.worksheets[0].getRow(6);
    expect(q5.getCell(8).value).toBeNull(); // Q5 has no figure from the data
  });

  it("refuses an order file it cannot read, in one line", async () => {
    const dir = tempDir();
    const f = join(dir, "x.csv");
    writeFileSync(f, "a,b\n1,2\n");
    const r = await sodatsu(["diagnose", "--out", dir, f]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("a file that stops being UTF-8 part way", () => {
  it("is refused with the byte offset rather than garbled", async () => {
    const dir = tempDir();
    const f = join(dir, "mixed.csv");
    const head = Buffer.from(
      `order_id,order_date,customer_id,amount\n${"1,2026-10-01,C1,100\n".repeat(70_000)}`,
    );
    writeFileSync(f, Buffer.concat([head, Buffer.from([0x82, 0xa0, 0x0a])]));
    const r = await sodatsu(["analyze", f, "--out", dir]);
    expect(r.code).toBe(1);
    const lines = r.stderr.split("\n").filter((l) => l !== "" && !l.startsWith("プリセット"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("UTF-8");
    expect(lines[0]).toContain(`${head.length} バイト目`);
    expect(lines[0]).toContain(`at byte ${head.length}`);
  });
});

describe("docs/cli.md", () => {
  it("documents every option of the help and every preset", async () => {
    const doc = readFileSync("docs/cli.md", "utf8");
    const help = (await sodatsu(["--help"])).stdout;
    for (const option of new Set(help.match(/--[a-z-]+/g))) expect(doc).toContain(option);
    for (const p of [
      "shopify",
      "amazon",
      "rakuten",
      "yahoo",
      "base",
      "colorme",
      "woocommerce",
      "uci",
      "generic",
    ])
      expect(doc).toContain(`\`${p}\``);
  });
});

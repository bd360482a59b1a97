// Loads the CDNOW calibration summary (weeks) from the shared data folder; never copied into the repo.
import { readFileSync } from "node:fs";
import type { RfmTriple } from "../../../src/core/model/bgnbd";
import { sharedPath } from "../../support/sharedData";

export const sharedData = (rel: string): string => sharedPath(`data/${rel}`);

export function cdnowTriples(): RfmTriple[] {
  const lines = readFileSync(sharedData("cdnow/cdnow_customers_summary.csv"), "utf8").trim().split("\n");
  if (lines[0].trim() !== "ID,frequency,recency,T") throw new Error(`unexpected header ${lines[0]}`);
  return lines.slice(1).map((line) => {
    const [, x, tx, T] = line.split(",").map(Number);
    return { x, tx, T };
  });
}

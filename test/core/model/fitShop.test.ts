// The shop's fit on (x, t_x, T): what =P_ALIVE() / =EXPECTED_PURCHASES() run on a range's rows, which used to be
// dressed up as customer summaries only for fitShopModel to take the triples back out of them.
import { describe, expect, it } from "vitest";
import type { RfmTriple } from "../../../src/core/model/bgnbd";
import { fitShop } from "../../../src/core/model/fit";
import { DEFAULT_PREDICT_OPTIONS, fitShopModel } from "../../../src/core/model/predict";
import type { CustomerSummary } from "../../../src/core/types";
import { simulateTriples } from "./simulate";

const AS_OF = 20_000;
const MIN = DEFAULT_PREDICT_OPTIONS.minCustomers;

/** Only what fitShopModel reads from a summary is meaningful here. */
function summaryOf(i: number, t: RfmTriple): CustomerSummary {
  const first = AS_OF - t.T;
  return {
    customerKey: String(i),
    purchases: t.x + 1,
    orders: t.x + 1,
    monetary: 0,
    firstPurchase: first,
    lastPurchase: first + t.tx,
    previousPurchase: null,
    recencyDays: t.T - t.tx,
    tenureDays: t.tx,
    avgIntervalDays: null,
  };
}

describe("fitShop on triples", () => {
  it("fits what fitShopModel fits on the same customers as summaries, bit for bit", () => {
    const triples = simulateTriples(3000, { r: 0.6, alpha: 40, a: 0.8, b: 3 }, 730, 3);
    const onTriples = fitShop(triples, MIN);
    const onSummaries = fitShopModel(
      triples.map((t, i) => summaryOf(i, t)),
      AS_OF,
    );
    expect(onTriples.params).not.toBeNull();
    expect(onTriples.params).toEqual(onSummaries.params);
    expect(onTriples.fit).toEqual(onSummaries.fit);
    expect(onSummaries.triples).toEqual(triples);
  });

  it("says why there is no model, in the words fitShopModel uses", () => {
    const few = simulateTriples(MIN - 1, { r: 0.6, alpha: 40, a: 0.8, b: 3 }, 730, 3);
    const noRepeat = Array.from({ length: MIN }, (_, i): RfmTriple => ({ x: 0, tx: 0, T: 10 + i }));
    for (const triples of [few, noRepeat]) {
      const got = fitShop(triples, MIN);
      expect(got.params).toBeNull();
      expect(got.fit).toBeNull();
      expect(got.note).toEqual(
        fitShopModel(
          triples.map((t, i) => summaryOf(i, t)),
          AS_OF,
        ).note,
      );
    }
    expect(fitShop(few, MIN).note?.ja).toContain(`${MIN - 1}人`);
    expect(fitShop(noRepeat, MIN).note?.en).toMatch(/second time/);
  });
});

// Customer rows are views over columns (src/core/customerTable.ts) whose own keys are only their index: without
// this tester, toEqual on two analyses would compare row indexes and pass whatever the rows held. A view is
// compared as the plain row it stands for, with a view or with a literal.
import { expect } from "vitest";
import { isRowView, plainRow } from "../../src/core/customerTable";

expect.addEqualityTesters([
  function rowViewsByFields(a: unknown, b: unknown, customTesters) {
    if (!isRowView(a) && !isRowView(b)) return undefined;
    const plain = (x: unknown) => (isRowView(x) ? plainRow(x) : x);
    return this.equals(plain(a), plain(b), customTesters);
  },
]);

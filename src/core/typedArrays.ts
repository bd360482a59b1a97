/**
 * A copy of `a` in a new array of `length` elements, the rest zero: how the cleaner's growable typed columns
 * (orderSlots.ts, keptOrders.ts, rowChain.ts) double when full.
 */
export function grown<A extends Int32Array | Uint8Array | Float64Array>(a: A, length: number): A {
  const b = new (a.constructor as new (length: number) => A)(length);
  b.set(a);
  return b;
}

/**
 * The numbering the core's id tables (StringIds, OrderIds) must reproduce, written the plain way: first seen,
 * first numbered; repeats keep their number.
 */
export function numberedByMap(strings: readonly string[]): number[] {
  const map = new Map<string, number>();
  return strings.map((s) => {
    let id = map.get(s);
    if (id === undefined) {
      id = map.size;
      map.set(s, id);
    }
    return id;
  });
}

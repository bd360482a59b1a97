import type { CustomerState, StateCounts } from "./types";

/** Every state, in the order the rule book lists them (§5); the dashboard has its own display order. */
export const ALL_STATES: readonly CustomerState[] = [
  "paused",
  "cancelled",
  "dormant",
  "winback",
  "vip",
  "new",
  "active",
  "at_risk",
];

export function emptyStateCounts(): StateCounts {
  return { new: 0, active: 0, at_risk: 0, dormant: 0, winback: 0, vip: 0, paused: 0, cancelled: 0 };
}

/** §11 counts per state; null entries (not yet a customer) are not counted. */
export function countStates(states: Iterable<CustomerState | null>): StateCounts {
  const counts = emptyStateCounts();
  for (const s of states) if (s !== null) counts[s]++;
  return counts;
}

export type TransitionMatrix = Record<CustomerState | "none", StateCounts>;

/**
 * §11 transition matrix: matrix[from][to] customers, where from is the state a month ago ("none" = had not bought
 * yet) and to is the state now. Every customer is counted exactly once.
 */
export function transitionMatrix(
  pairs: Iterable<readonly [CustomerState | null, CustomerState]>,
): TransitionMatrix {
  const matrix = { none: emptyStateCounts() } as TransitionMatrix;
  for (const s of ALL_STATES) matrix[s] = emptyStateCounts();
  for (const [from, to] of pairs) matrix[from ?? "none"][to]++;
  return matrix;
}

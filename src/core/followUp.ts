import { fanRecoveryMessage, fanThreshold } from "./fan";
import type { CustomerRow, CustomerState, FanRank, FollowUpRow, Settings } from "./types";

type Reason = FollowUpRow["reason"];

/** A customer with several reasons is listed once, under the most personal one; the list is sorted this way too. */
const REASON_ORDER: readonly Reason[] = ["fan_rank_drop", "no_visit", "at_risk", "dormant"];
const FAN_ORDER: readonly FanRank[] = ["none", "bronze", "silver", "gold"];

export interface FollowUpOptions {
  settings: Pick<Settings, "fanBronze" | "fanSilver" | "fanGold" | "fanAtRiskDays">;
  /**
   * Fan-rank drops and no-visit flags come only from a real visit log: without one, purchase days stand in for
   * visits, and a mail-order customer's quiet month would be a "rank drop" that at-risk/dormant already covers.
   */
  visitsLoaded: boolean;
  asOf: number;
}

function reasonOf(c: CustomerRow, o: FollowUpOptions): Reason | null {
  // Paused and cancelled members have their own next step (ask the reason, careful follow-up), not a reminder.
  if (c.state === "paused" || c.state === "cancelled") return null;
  if (
    o.visitsLoaded &&
    c.fanRank !== null &&
    c.previousFanRank !== null &&
    FAN_ORDER.indexOf(c.previousFanRank) > FAN_ORDER.indexOf(c.fanRank)
  )
    return "fan_rank_drop";
  if (o.visitsLoaded && c.lastVisit !== null && o.asOf - c.lastVisit > o.settings.fanAtRiskDays)
    return "no_visit";
  if (c.state === "at_risk") return "at_risk";
  if (c.state === "dormant") return "dormant";
  return null;
}

// The fixed wording of each message. A named message is then two template strings and nothing else: the list
// can hold 150k customers, each addressed by name.
const NO_VISIT_JA = "お変わりありませんか。またお顔を見られる日を、スタッフ一同楽しみにお待ちしています。";
const NO_VISIT_EN = " We hope you're well. Everyone here is looking forward to seeing you again.";
const AT_RISK_JA =
  "その後いかがですか?使い方や続け方で気になることがあれば、どんな小さなことでもお気軽にご相談ください。";
const AT_RISK_EN =
  "how is everything going? If anything about using it is unclear, however small, just ask us.";
const DORMANT_JA = "お変わりありませんか。あなたのために、今の季節のおすすめをご用意しました。";
const DORMANT_EN = " We hope you're well. We've picked this season's favourites with you in mind.";
// What follows the name, joined once: `${a}${name}${b}${c}` makes three strings per message (each a rope node
// that lives as long as the list), `${a}${name}${bc}` two. The texts are exactly the same.
const AFTER_NAME = {
  noVisitJa: `さま、${NO_VISIT_JA}`,
  noVisitEn: `!${NO_VISIT_EN}`,
  atRiskJa: `さま、${AT_RISK_JA}`,
  atRiskEn: `, ${AT_RISK_EN}`,
  dormantJa: `さま、${DORMANT_JA}`,
  dormantEn: `!${DORMANT_EN}`,
} as const;

/** English: "Hi Hanako, how is …" with a name, "How is …" without one. */
function hi(name: string | undefined, rest: string): string {
  return name ? `Hi ${name}, ${rest}` : rest.charAt(0).toUpperCase() + rest.slice(1);
}

/**
 * A ready personal message (seed 004: "お久しぶりです!" and "あと1回で復活しますよ!"), addressed by name when known.
 * Worded when read, one language at a time: a report is written in one language, and 150k messages made in both
 * when the list is built were 300k-600k joined strings kept alive through the whole analysis (the GC copied them
 * with the rows) for an adapter that then read half of them once.
 */
class FollowUpMessage {
  constructor(
    private readonly reason: Reason,
    private readonly name: string | undefined,
    /** fan_rank_drop: the rank to win back and the visits it takes (fanRecoveryMessage's arguments). */
    private readonly target: FanRank,
    private readonly needed: number,
  ) {}

  get ja(): string {
    return this.worded("ja");
  }

  get en(): string {
    return this.worded("en");
  }

  /** As the plain { ja, en } object it stands for (JSON.stringify, a structured copy). */
  toJSON(): { ja: string; en: string } {
    return { ja: this.ja, en: this.en };
  }

  private worded(lang: "ja" | "en"): string {
    const name = this.name;
    switch (this.reason) {
      case "fan_rank_drop": {
        const back = fanRecoveryMessage(this.target, this.needed, lang);
        return lang === "ja"
          ? `${name ? `${name}さま、` : ""}いつもありがとうございます。${back}またお会いできるのを楽しみにしています。`
          : hi(name, `thank you for being with us. ${back} We look forward to seeing you again.`);
      }
      case "no_visit":
        if (lang === "ja")
          return name ? `お久しぶりです!${name}${AFTER_NAME.noVisitJa}` : `お久しぶりです!${NO_VISIT_JA}`;
        return name
          ? `It's been a while, ${name}${AFTER_NAME.noVisitEn}`
          : `It's been a while!${NO_VISIT_EN}`;
      case "at_risk":
        if (lang === "ja") return name ? `${name}${AFTER_NAME.atRiskJa}` : AT_RISK_JA;
        return name ? `Hi ${name}${AFTER_NAME.atRiskEn}` : hi(name, AT_RISK_EN);
      case "dormant":
        if (lang === "ja")
          return name ? `お久しぶりです!${name}${AFTER_NAME.dormantJa}` : `お久しぶりです!${DORMANT_JA}`;
        return name ? `It's been a while, ${name}${AFTER_NAME.dormantEn}` : `It's been a while!${DORMANT_EN}`;
    }
  }
}

/**
 * One row of the follow-up list, and the only object it keeps per customer: the fields a message needs, and the
 * message itself made when read (`message`, a short-lived FollowUpMessage; an adapter reads one language once).
 * A plain row literal plus a message object per customer were ~21 MB kept alive through the analysis on a 1M-row
 * export, copied by every scavenge and marked by the full collection. `name` stays settable, and the message
 * follows it; it is always an own field (undefined when not known), so that every entry has the same shape.
 */
class FollowUpEntry implements FollowUpRow {
  constructor(
    readonly customerKey: string,
    readonly reason: Reason,
    readonly state: CustomerState,
    readonly recencyDays: number,
    public name: string | undefined,
    /** fan_rank_drop: the rank to win back and the visits it takes ("none" and 0 otherwise). */
    private readonly target: FanRank,
    private readonly needed: number,
  ) {}

  get message(): FollowUpMessage {
    return new FollowUpMessage(this.reason, this.name, this.target, this.needed);
  }

  /**
   * As the plain row it stands for, in the same key order (JSON.stringify: the equivalence hashes and any saved
   * result read this): name last, and only when there is one.
   */
  toJSON(): FollowUpRow {
    const { customerKey, reason, state, recencyDays, name } = this;
    const message = this.message.toJSON();
    return name === undefined
      ? { customerKey, reason, state, recencyDays, message }
      : { customerKey, reason, state, recencyDays, message, name };
  }
}

/**
 * The follow-up list: at-risk and dormant customers, fan-rank drops and no-visit flags, one row per customer
 * with a message ready to send. Sorted by reason (most personal first), then by days since the last purchase
 * (the most recently lapsed are the easiest to bring back), then by customer key.
 */
export function followUpList(customers: readonly CustomerRow[], o: FollowUpOptions): FollowUpRow[] {
  const list = new FollowUpBuilder(o);
  for (const c of customers) list.add(c);
  return list.finish(false);
}

/**
 * One reason's customers as columns, in the order added. No object per customer until finish(): the rows are
 * made there, already sorted, at the end of the analysis, so the scavenges of the rows loop do not copy them.
 */
class Group {
  readonly keys: string[] = [];
  readonly names: (string | undefined)[] = [];
  readonly states: CustomerState[] = [];
  readonly days: number[] = [];
  /** fan_rank_drop only (the other groups leave these empty): what FollowUpEntry's target and needed hold. */
  readonly targets: FanRank[] = [];
  readonly needed: number[] = [];
}

/**
 * followUpList one customer at a time: analyzeCleaned adds each row as soon as it is made, while it is still in
 * the cache, instead of walking 200k finished rows again (each a cache miss). Same rows, same order.
 */
export class FollowUpBuilder {
  private readonly o: FollowUpOptions;
  private readonly groups: Group[] = REASON_ORDER.map(() => new Group());

  constructor(o: FollowUpOptions) {
    this.o = o;
  }

  add(c: CustomerRow): void {
    const o = this.o;
    const reason = reasonOf(c, o);
    if (reason === null) return;
    const g = this.groups[REASON_ORDER.indexOf(reason)];
    g.keys.push(c.customerKey);
    g.names.push(c.name);
    g.states.push(c.state);
    g.days.push(c.recencyDays);
    if (reason === "fan_rank_drop") {
      const target = c.previousFanRank ?? "bronze";
      g.targets.push(target);
      g.needed.push(Math.max(1, fanThreshold(target, o.settings) - (c.visits30d ?? 0)));
    }
  }

  /**
   * The sorted list. `addedInKeyOrder`: the caller added the customers in strictly increasing key order (as
   * analyzeCleaned's rows are), so the check that each group is key-ordered, a string comparison per row, is
   * skipped.
   */
  finish(addedInKeyOrder: boolean): FollowUpRow[] {
    let size = 0;
    for (const g of this.groups) size += g.keys.length;
    const out: FollowUpRow[] = new Array(size);
    let at = 0;
    for (let r = 0; r < REASON_ORDER.length; r++) {
      const reason = REASON_ORDER[r];
      const g = this.groups[r];
      const fan = reason === "fan_rank_drop";
      for (const i of sortByRecencyThenKey(g.keys, g.days, addedInKeyOrder))
        out[at++] = new FollowUpEntry(
          g.keys[i],
          reason,
          g.states[i],
          small(g.days[i]),
          g.names[i],
          fan ? g.targets[i] : "none",
          fan ? small(g.needed[i]) : 0,
        );
    }
    return out;
  }
}

/**
 * A whole number as a small integer. A whole number held as a double (read from a Float64Array, or computed by a
 * caller) stored as such in an entry makes V8 give the field a double representation and every entry a 16-byte
 * number box of its own (156k more objects). `x | 0` is the same number, kept in the entry itself. The customer
 * table's days are Int32Array reads, already small integers.
 */
function small(x: number): number {
  return x === (x | 0) ? x | 0 : x;
}

/**
 * The order of a group's rows by recency and then key, as indexes into its columns: in linear time, a stable
 * counting sort over key-ordered rows (`keyOrdered` when the caller knows they are; checked otherwise).
 */
function sortByRecencyThenKey(
  keys: readonly string[],
  days: readonly number[],
  keyOrdered: boolean,
): Int32Array {
  const n = keys.length;
  let ordered = keyOrdered;
  if (!ordered) {
    ordered = true;
    for (let i = 1; i < n && ordered; i++) ordered = keys[i - 1] < keys[i];
  }
  let wholeDays = true;
  let max = 0;
  for (const d of days) {
    if (!(Number.isInteger(d) && d >= 0)) wholeDays = false;
    else if (d > max) max = d;
  }
  const order = new Int32Array(n);
  if (!ordered || !wholeDays) {
    // A stable comparison sort (Array.prototype.sort is), as the rows were sorted before.
    const idx = Array.from(order, (_, i) => i).sort(
      (a, b) => days[a] - days[b] || (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0),
    );
    order.set(idx);
    return order;
  }
  const start = new Int32Array(max + 2);
  for (const d of days) start[d + 1]++;
  for (let d = 0; d <= max; d++) start[d + 1] += start[d];
  for (let i = 0; i < n; i++) order[start[days[i]]++] = i;
  return order;
}

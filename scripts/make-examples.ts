/**
 * Generates examples/*.csv: two years of a small Japanese D2C shop, 「焙煎工房こもれび」, a coffee roaster that
 * sells beans by mail order. Deterministic (seeded), so the committed files and the README's output never drift.
 *
 *   npx tsx scripts/make-examples.ts
 *
 * What it holds, so `sodatsu analyze` has something to say about every state:
 * - orders.csv: one row per line item (注文番号 repeats), the order total repeated on each line like most
 *   Japanese cart exports, キャンセル rows, a returned order, customers who buy on a cycle, slow down, stop,
 *   or come back after a long gap; a handful of rows with a missing customer ID or an unreadable date.
 * - engagement.csv: reviews, survey answers, SNS posts, referrals, tasting events (関係行動).
 * - survey.csv: NPS answers 0–10 from a post-purchase survey.
 * - membership.csv: the coffee subscription club's members (継続 / 休会 / 退会).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { mulberry32 } from "../test/support/seededRandom";

const AS_OF = Date.UTC(2026, 9, 31); // 2026-10-31, the date the README's command uses
const START = Date.UTC(2025, 4, 1); // the shop opened its online store in May 2025
const DAY = 86_400_000;

const random = mulberry32(20261031);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
const exponential = (mean: number) => -Math.log(1 - random()) * mean;

const SURNAMES = [
  "佐藤",
  "鈴木",
  "高橋",
  "田中",
  "伊藤",
  "渡辺",
  "山本",
  "中村",
  "小林",
  "加藤",
  "吉田",
  "山田",
  "佐々木",
  "山口",
  "松本",
  "井上",
  "木村",
  "林",
  "清水",
  "斉藤",
  "森",
  "池田",
  "橋本",
  "阿部",
  "石川",
  "前田",
  "藤田",
  "小川",
  "岡田",
  "後藤",
];
const GIVEN = [
  "陽子",
  "恵子",
  "美咲",
  "由美",
  "直子",
  "真由美",
  "さくら",
  "葵",
  "結衣",
  "翔太",
  "健一",
  "大輔",
  "誠",
  "拓也",
  "浩二",
  "和也",
  "花子",
  "明美",
  "智子",
  "裕子",
  "亮",
  "悠真",
  "蓮",
  "陽菜",
  "美穂",
];

const PRODUCTS: readonly { name: string; price: number }[] = [
  { name: "こもれびブレンド 200g", price: 1480 },
  { name: "深煎りマンデリン 200g", price: 1680 },
  { name: "エチオピア イルガチェフェ 200g", price: 1880 },
  { name: "季節のブレンド 200g", price: 1580 },
  { name: "カフェインレス コロンビア 200g", price: 1780 },
  { name: "ドリップバッグ 10個入", price: 1200 },
  { name: "水出しコーヒーパック 5個入", price: 980 },
  { name: "ギフトセット(豆3種)", price: 4980 },
  { name: "ハンドドリップ入門セット", price: 6800 },
];

/** Kinds of customer, with how often they buy and how likely they are to stop after each order. */
const KINDS = [
  { kind: "regular", share: 0.3, meanGapDays: 26, stop: 0.05 },
  { kind: "occasional", share: 0.32, meanGapDays: 45, stop: 0.2 },
  { kind: "one_time", share: 0.28, meanGapDays: 60, stop: 0.8 },
  { kind: "fan", share: 0.1, meanGapDays: 18, stop: 0.02 },
] as const;

interface Customer {
  id: string;
  name: string;
  kind: (typeof KINDS)[number]["kind"];
  orders: number[]; // order days (ms)
  subscriber: boolean;
}

const ymd = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** Cart exports write the time of the order in Japan; spread orders over the day (09:00–23:59 JST). */
const jstTime = (ms: number) => {
  const minutes = 9 * 60 + Math.floor(random() * 15 * 60);
  return `${ymd(ms).replace(/-/g, "/")} ${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
};

function makeCustomers(count: number): Customer[] {
  const customers: Customer[] = [];
  for (let i = 0; i < count; i++) {
    const r = random();
    let cumulative = 0;
    const k =
      KINDS.find((x) => {
        cumulative += x.share;
        return r < cumulative;
      }) ?? KINDS[0];
    // Acquisition grows over time (the shop's ads), so recent months hold more new customers.
    const first = START + Math.floor(Math.sqrt(random()) * (AS_OF - START));
    const orders = [first];
    let day = first;
    for (;;) {
      if (random() < k.stop) break;
      // A few regulars pause for months and come back (復活).
      const gap =
        k.kind !== "one_time" && random() < 0.05 ? 90 + exponential(60) : 3 + exponential(k.meanGapDays);
      day += Math.round(gap) * DAY;
      if (day > AS_OF) break;
      orders.push(day);
    }
    customers.push({
      id: `C${String(10001 + i)}`,
      name: `${pick(SURNAMES)} ${pick(GIVEN)}`,
      kind: k.kind,
      orders,
      subscriber: (k.kind === "regular" || k.kind === "fan") && random() < 0.6,
    });
  }
  return customers;
}

const csv = (rows: readonly (readonly (string | number)[])[]) =>
  `${rows
    .map((r) =>
      r.map((v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v))).join(","),
    )
    .join("\r\n")}\r\n`;

function ordersTable(customers: readonly Customer[]) {
  const all = customers.flatMap((c) => c.orders.map((day) => ({ c, day })));
  all.sort((a, b) => a.day - b.day || a.c.id.localeCompare(b.c.id));
  const rows: (string | number)[][] = [
    ["注文番号", "注文日時", "顧客ID", "氏名", "商品名", "数量", "合計金額", "ステータス"],
  ];
  let orderNo = 100001;
  for (const { c, day } of all) {
    const lines = 1 + (random() < 0.35 ? 1 : 0) + (random() < 0.1 ? 1 : 0);
    const items = Array.from({ length: lines }, () => ({
      product: pick(PRODUCTS),
      qty: random() < 0.2 ? 2 : 1,
    }));
    const shipping = 0; // 送料無料 over ¥3,000 in the shop; kept out so totals stay readable
    const total = items.reduce((s, it) => s + it.product.price * it.qty, 0) + shipping;
    const status = random() < 0.03 ? "キャンセル" : day > AS_OF - 3 * DAY ? "発送待ち" : "発送済み";
    const when = jstTime(day);
    const id = String(orderNo++);
    for (const it of items) rows.push([id, when, c.id, c.name, it.product.name, it.qty, total, status]);
  }
  // What real exports contain too: a phone order typed in without a customer ID, and a date the cart mangled.
  rows.push([String(orderNo++), "2026/03/14 15:20", "", "(電話注文)", PRODUCTS[0].name, 1, 1480, "発送済み"]);
  rows.push([
    String(orderNo++),
    "2026/13/45 10:00",
    customers[3].id,
    customers[3].name,
    PRODUCTS[1].name,
    1,
    1680,
    "発送済み",
  ]);
  return rows;
}

function engagementTable(customers: readonly Customer[]) {
  const rows: (string | number)[][] = [["顧客ID", "日付", "行動", "メモ"]];
  const events: { id: string; day: number; action: string; note: string }[] = [];
  for (const c of customers) {
    const engaged =
      c.kind === "fan" ? 0.9 : c.kind === "regular" ? 0.5 : c.kind === "occasional" ? 0.15 : 0.03;
    for (const day of c.orders) {
      if (random() > engaged) continue;
      const after = day + (3 + Math.floor(random() * 20)) * DAY;
      if (after > AS_OF) continue;
      const r = random();
      const [action, note] =
        r < 0.4
          ? ["レビュー", "商品ページにレビュー"]
          : r < 0.65
            ? ["アンケート", "購入後アンケートに回答"]
            : r < 0.82
              ? ["SNS投稿", "Instagramで紹介"]
              : r < 0.92
                ? ["紹介", "友人を紹介"]
                : ["イベント", "オンライン試飲会に参加"];
      events.push({ id: c.id, day: after, action, note });
    }
  }
  events.sort((a, b) => a.day - b.day || a.id.localeCompare(b.id));
  for (const e of events) rows.push([e.id, ymd(e.day), e.action, e.note]);
  return rows;
}

function surveyTable(customers: readonly Customer[]) {
  const rows: (string | number)[][] = [["顧客ID", "回答日", "おすすめ度"]];
  const answers: { id: string; day: number; score: number }[] = [];
  for (const c of customers) {
    if (random() > 0.3) continue;
    const day = c.orders[0] + (7 + Math.floor(random() * 14)) * DAY;
    if (day > AS_OF) continue;
    // Fans and regulars recommend the shop; one-time buyers are lukewarm (a typical small D2C NPS of 10–30).
    const base = c.kind === "fan" ? 9.6 : c.kind === "regular" ? 9 : c.kind === "occasional" ? 8 : 6.5;
    const score = Math.max(0, Math.min(10, Math.round(base + (random() - 0.5) * 3)));
    answers.push({ id: c.id, day, score });
  }
  answers.sort((a, b) => a.day - b.day || a.id.localeCompare(b.id));
  for (const a of answers) rows.push([a.id, ymd(a.day), a.score]);
  return rows;
}

function membershipTable(customers: readonly Customer[]) {
  // 変更日: since when the status holds (the day a member paused or left; the join day for active members).
  const rows: (string | number)[][] = [["顧客ID", "会員状態", "変更日"]];
  for (const c of customers) {
    if (!c.subscriber) continue;
    const last = c.orders[c.orders.length - 1];
    const lastGap = (AS_OF - last) / DAY;
    const [status, since] =
      lastGap > 120
        ? ["退会", last + 75 * DAY]
        : lastGap > 60
          ? ["休会", last + 45 * DAY]
          : ["継続", c.orders[0]];
    rows.push([c.id, status, ymd(Math.min(since, AS_OF))]);
  }
  return rows;
}

const customers = makeCustomers(420);
mkdirSync("examples", { recursive: true });
const files: [string, (string | number)[][]][] = [
  ["examples/orders.csv", ordersTable(customers)],
  ["examples/engagement.csv", engagementTable(customers)],
  ["examples/survey.csv", surveyTable(customers)],
  ["examples/membership.csv", membershipTable(customers)],
];
for (const [file, rows] of files) {
  writeFileSync(file, csv(rows));
  console.log(`${file}: ${rows.length - 1} rows`);
}

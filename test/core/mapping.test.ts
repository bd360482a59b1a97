import { describe, expect, it } from "vitest";
import {
  detectEngagementMapping,
  detectMemberMapping,
  detectOrderMapping,
  detectSurveyMapping,
  detectVisitMapping,
  mappingFromColumns,
  PRESETS,
} from "../../src/core/mapping";

/** Real-looking export headers (order of columns as the platforms write them, abridged). */
const HEADERS: Record<string, string[]> = {
  shopify: [
    "Name",
    "Email",
    "Financial Status",
    "Paid at",
    "Fulfillment Status",
    "Fulfilled at",
    "Accepts Marketing",
    "Currency",
    "Subtotal",
    "Shipping",
    "Taxes",
    "Total",
    "Discount Code",
    "Discount Amount",
    "Shipping Method",
    "Created at",
    "Lineitem quantity",
    "Lineitem name",
    "Lineitem price",
    "Billing Name",
    "Cancelled at",
    "Id",
  ],
  amazon: [
    "amazon-order-id",
    "merchant-order-id",
    "purchase-date",
    "last-updated-date",
    "order-status",
    "fulfillment-channel",
    "product-name",
    "sku",
    "asin",
    "item-status",
    "quantity",
    "currency",
    "item-price",
    "buyer-email",
    "buyer-name",
  ],
  rakuten: [
    "注文番号",
    "ステータス",
    "注文日時",
    "合計金額",
    "請求金額",
    "注文者名字",
    "注文者名前",
    "注文者メールアドレス",
    "商品名",
    "個数",
    "単価",
  ],
  yahoo: [
    "OrderId",
    "OrderTime",
    "OrderStatus",
    "BillLastName",
    "BillFirstName",
    "BillMailAddress",
    "TotalPrice",
  ],
  base: [
    "注文ID",
    "注文日時",
    "氏名(姓)",
    "氏名(名)",
    "メールアドレス",
    "合計金額",
    "対応状況",
    "商品名",
    "数量",
    "価格",
  ],
  colorme: [
    "売上ID",
    "受注日",
    "顧客ID",
    "購入者 名前",
    "購入者 メールアドレス",
    "総合計金額",
    "商品名",
    "販売価格",
    "販売個数",
  ],
  woocommerce: [
    "Order ID",
    "Order Number",
    "Order Status",
    "Order Date",
    "Billing First Name",
    "Billing Email",
    "Order Total",
  ],
  uci: [
    "InvoiceNo",
    "StockCode",
    "Description",
    "Quantity",
    "InvoiceDate",
    "UnitPrice",
    "CustomerID",
    "Country",
  ],
};

describe("detectOrderMapping: platform presets", () => {
  it.each(Object.keys(HEADERS))("auto-detects %s", (name) => {
    const r = detectOrderMapping(HEADERS[name], "auto");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.preset).toBe(name);
    // The chosen preset, named explicitly, gives the same mapping.
    const explicit = detectOrderMapping(HEADERS[name], name as never);
    expect(explicit).toEqual(r);
  });

  it("maps Shopify: Name is the order, Email the customer, Total once per order, Cancelled at cancels", () => {
    const r = detectOrderMapping(HEADERS.shopify, "shopify");
    expect(r.ok && r.columns).toEqual({
      orderId: "Name",
      customer: "Email",
      date: "Created at",
      amount: "Total",
      status: "Financial Status",
      cancelledAt: "Cancelled at",
      name: "Billing Name",
    });
    expect(r.ok && r.mapping.amountKind).toBe("order_total");
  });

  it("maps Amazon as line amounts and UCI as quantity × unit price with C-invoices cancelled", () => {
    const a = detectOrderMapping(HEADERS.amazon, "auto");
    expect(a.ok && a.mapping.amountKind).toBe("line_amount");
    expect(a.ok && a.columns.amount).toBe("item-price");
    const u = detectOrderMapping(HEADERS.uci, "auto");
    expect(u.ok && u.mapping).toEqual({
      orderId: 0,
      customer: 6,
      date: 4,
      quantity: 3,
      unitPrice: 5,
      amountKind: "line_amount",
      cancelRule: "uci_invoice_c",
    });
  });

  it("maps Rakuten's 合計金額 (spending incl. points) and the orderer's e-mail", () => {
    const r = detectOrderMapping(HEADERS.rakuten, "auto");
    expect(r.ok && r.columns).toMatchObject({
      orderId: "注文番号",
      customer: "注文者メールアドレス",
      amount: "合計金額",
      date: "注文日時",
    });
  });

  it("falls back to generic ja/en names, case/space/width-insensitive", () => {
    const cases: [string[], Record<string, string>][] = [
      [
        ["顧客ID", "注文番号", "注文日", "合計金額", "ステータス", "氏名"],
        {
          customer: "顧客ID",
          orderId: "注文番号",
          date: "注文日",
          amount: "合計金額",
          status: "ステータス",
          name: "氏名",
        },
      ],
      [
        ["Customer ID", "Order Date", "Amount"],
        { customer: "Customer ID", date: "Order Date", amount: "Amount" },
      ],
      [
        ["customer_id", "order_date", "revenue", "first_name", "last_name", "email"],
        { customer: "customer_id", date: "order_date", amount: "revenue" },
      ],
      [
        ["\uFEFFメールアドレス", "受注番号", "購入日", "請求金額"],
        { customer: "メールアドレス", orderId: "受注番号", date: "購入日", amount: "請求金額" },
      ],
      [["ＣＵＳＴＯＭＥＲ＿ＩＤ", "ORDER-DATE"], { customer: "ＣＵＳＴＯＭＥＲ＿ＩＤ", date: "ORDER-DATE" }],
      [["会員ID", "注文日時", "小計"], { customer: "会員ID", date: "注文日時", amount: "小計" }],
    ];
    for (const [header, columns] of cases) {
      const r = detectOrderMapping(header, "auto");
      expect(r.ok, header.join()).toBe(true);
      if (!r.ok) continue;
      expect(r.preset).toBe("generic");
      expect(r.columns).toMatchObject(columns);
    }
  });

  it("fails with a message naming the headers seen and what is missing", () => {
    const r = detectOrderMapping(["商品名", "数量", "金額"], "auto");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.headers).toEqual(["商品名", "数量", "金額"]);
    expect(r.message.ja).toContain("顧客");
    expect(r.message.ja).toContain("注文日");
    expect(r.message.ja).toContain("商品名、数量、金額");
    expect(r.message.en).toContain("customer");
    expect(r.message.en).toContain("Headers seen: 商品名, 数量, 金額");
  });

  it("an explicit preset that does not fit says so", () => {
    const r = detectOrderMapping(HEADERS.uci, "shopify");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message.en).toContain("customer");
    const unknown = detectOrderMapping(HEADERS.uci, "nope" as never);
    expect(unknown.ok).toBe(false);
  });

  it("every preset has a label and a known amount kind", () => {
    for (const p of PRESETS) {
      expect(p.label.ja.length).toBeGreaterThan(0);
      expect(["order_total", "line_amount"]).toContain(p.amountKind);
    }
  });
});

describe("mappingFromColumns (the sidebar's corrected mapping)", () => {
  const header = ["伝票", "お客様", "日付", "売上", "数量", "単価"];
  it("maps the chosen headers", () => {
    const r = mappingFromColumns(header, {
      customer: "お客様",
      date: "日付",
      amount: "売上",
      orderId: "伝票",
    });
    expect(r.ok && r.mapping).toEqual({
      customer: 1,
      date: 2,
      amount: 3,
      orderId: 0,
      amountKind: "order_total",
    });
    const line = mappingFromColumns(header, { customer: 1, date: 2, quantity: "数量", unitPrice: "単価" });
    expect(line.ok && line.mapping.amountKind).toBe("line_amount");
    const kind = mappingFromColumns(
      header,
      { customer: 1, date: 2, amount: 3 },
      { amountKind: "line_amount" },
    );
    expect(kind.ok && kind.mapping.amountKind).toBe("line_amount");
  });

  it("refuses one column for two roles, except the display name", () => {
    const r = mappingFromColumns(header, { customer: "お客様", date: "日付", orderId: "お客様" });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message.ja).toContain("「お客様」列が顧客と注文番号の両方");
    expect(mappingFromColumns(header, { customer: "お客様", date: "日付", name: "お客様" }).ok).toBe(true);
  });

  it("names a header that is not there and a missing required column", () => {
    const r = mappingFromColumns(header, { customer: "顧客ID" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message.ja).toContain("顧客ID");
    expect(r.message.ja).toContain("注文日");
    expect(r.message.en).toContain('"顧客ID"');
  });
});

describe("optional tables", () => {
  it("finds members, engagement, visits and survey columns", () => {
    expect(detectMemberMapping(["会員ID", "会員ステータス", "変更日"])).toMatchObject({
      ok: true,
      mapping: { customer: 0, status: 1, since: 2 },
    });
    expect(detectMemberMapping(["customer_id", "status"])).toMatchObject({
      ok: true,
      mapping: { customer: 0, status: 1 },
    });
    expect(detectEngagementMapping(["顧客ID", "日付", "行動"])).toMatchObject({
      ok: true,
      mapping: { customer: 0, date: 1, action: 2 },
    });
    expect(detectEngagementMapping(["customer_id", "date", "action", "note"])).toMatchObject({
      ok: true,
      mapping: { customer: 0, date: 1, action: 2, note: 3 },
    });
    expect(detectVisitMapping(["会員番号", "来館日"])).toMatchObject({
      ok: true,
      mapping: { customer: 0, date: 1 },
    });
    expect(detectSurveyMapping(["回答日", "推奨度"])).toMatchObject({
      ok: true,
      mapping: { score: 1, date: 0 },
    });
    expect(detectSurveyMapping(["email", "NPS"])).toMatchObject({
      ok: true,
      mapping: { score: 1, customer: 0 },
    });
  });

  it("fail naming what is missing", () => {
    const r = detectEngagementMapping(["顧客ID", "日付"]);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message.ja).toContain("行動の種類");
    const s = detectSurveyMapping(["顧客ID"]);
    expect(!s.ok && s.message.en).toContain("score");
  });
});

/**
 * Order-export presets: which header fills which role for each platform, and whether its amount column is an
 * order total (taken once per order) or a line amount (summed). Header names are compared normalised
 * (headerMatch.ts), so case, width, spaces, "_" and "-" do not matter. `signature` lists headers that only
 * that platform writes; "auto" only considers a platform preset when one of them is present.
 *
 * Sources: the platforms' export documentation as far as public (Shopify, Amazon order reports, WooCommerce,
 * UCI), and the column names Japanese order-management tools list for Rakuten RMS, Yahoo!ショッピング, BASE and
 * カラーミーショップ. Platforms rename columns now and then; the sidebar lets the user fix a mapping by hand.
 */
import type { RoleSpec } from "./headerMatch";
import type { OrderMapping, PresetName } from "./types";

export type OrderRole =
  | "customer"
  | "date"
  | "orderId"
  | "amount"
  | "quantity"
  | "unitPrice"
  | "status"
  | "name"
  | "cancelledAt";

/** OrderMapping plus platform details the cleaner understands; a plain OrderMapping is still accepted. */
export interface OrderMappingEx extends OrderMapping {
  /** A column whose non-blank value marks the order cancelled (Shopify "Cancelled at"). */
  cancelledAt?: number;
  /** Platform status codes that mean cancelled, compared after trimming (Yahoo!: OrderStatus 4 = キャンセル). */
  cancelStatuses?: readonly string[];
}

export interface OrderPreset {
  name: PresetName;
  label: { ja: string; en: string };
  amountKind: OrderMapping["amountKind"];
  signature: readonly string[];
  names: Partial<Record<OrderRole, readonly string[]>>;
  cancelRule?: OrderMapping["cancelRule"];
  cancelStatuses?: readonly string[];
}

export const ROLE_LABELS: Record<OrderRole, { ja: string; en: string }> = {
  customer: { ja: "顧客", en: "customer" },
  date: { ja: "注文日", en: "order date" },
  orderId: { ja: "注文番号", en: "order id" },
  amount: { ja: "金額", en: "amount" },
  quantity: { ja: "数量", en: "quantity" },
  unitPrice: { ja: "単価", en: "unit price" },
  status: { ja: "ステータス", en: "status" },
  name: { ja: "氏名", en: "name" },
  cancelledAt: { ja: "キャンセル日時", en: "cancelled at" },
};

/** Roles in resolution order: identifiers first, so "Name" is Shopify's order number before it can be a name. */
export const ORDER_ROLES: readonly OrderRole[] = [
  "orderId",
  "customer",
  "date",
  "amount",
  "quantity",
  "unitPrice",
  "status",
  "cancelledAt",
  "name",
];

export const GENERIC_NAMES: Record<OrderRole, readonly string[]> = {
  customer: [
    "customer_id",
    "顧客ID",
    "会員ID",
    "顧客番号",
    "会員番号",
    "顧客コード",
    "会員コード",
    "user_id",
    "member_id",
    "client_id",
    "customer",
    "顧客",
    "email",
    "メールアドレス",
    "e-mail",
    "mail",
    "購入者メールアドレス",
    "注文者メールアドレス",
  ],
  orderId: [
    "order_id",
    "注文番号",
    "受注番号",
    "注文ID",
    "受注ID",
    "order_number",
    "order_no",
    "order",
    "伝票番号",
  ],
  date: [
    "order_date",
    "注文日",
    "注文日時",
    "購入日",
    "購入日時",
    "受注日",
    "受注日時",
    "purchase_date",
    "ordered_at",
    "created_at",
    "date",
    "日付",
    "売上日",
    "取引日",
  ],
  amount: [
    "amount",
    "合計金額",
    "請求金額",
    "総合計金額",
    "小計",
    "金額",
    "購入金額",
    "売上金額",
    "支払金額",
    "売上",
    "total",
    "order_total",
    "total_amount",
    "revenue",
    "sales",
  ],
  quantity: ["quantity", "数量", "個数"],
  unitPrice: ["unit_price", "単価", "price", "商品単価"],
  status: ["status", "ステータス", "注文ステータス", "受注ステータス", "対応状況", "order_status", "状態"],
  name: ["name", "氏名", "購入者名", "顧客名", "お名前", "名前", "customer_name", "注文者名", "full_name"],
  cancelledAt: ["cancelled_at", "canceled_at", "キャンセル日", "キャンセル日時"],
};

export const PRESETS: readonly OrderPreset[] = [
  {
    name: "shopify",
    label: { ja: "Shopify", en: "Shopify" },
    amountKind: "order_total",
    signature: ["Financial Status", "Lineitem price", "Lineitem quantity", "Lineitem name"],
    names: {
      orderId: ["Name", "Id"],
      customer: ["Email"],
      date: ["Created at", "Paid at"],
      amount: ["Total"],
      status: ["Financial Status"],
      cancelledAt: ["Cancelled at"],
      name: ["Billing Name", "Shipping Name"],
    },
  },
  {
    name: "amazon",
    label: { ja: "Amazon 注文レポート", en: "Amazon order report" },
    amountKind: "line_amount",
    signature: ["amazon-order-id", "buyer-email", "order-item-id", "asin"],
    names: {
      orderId: ["amazon-order-id", "order-id"],
      customer: ["buyer-email", "buyer-name"],
      date: ["purchase-date", "payments-date"],
      amount: ["item-price"],
      status: ["order-status", "item-status"],
      name: ["buyer-name", "recipient-name"],
    },
  },
  {
    name: "rakuten",
    label: { ja: "楽天市場(RMS)", en: "Rakuten Ichiba (RMS)" },
    amountKind: "order_total",
    signature: ["注文者メールアドレス", "注文者名字", "注文者姓"],
    names: {
      orderId: ["注文番号", "受注番号"],
      customer: ["注文者メールアドレス", "メールアドレス"],
      date: ["注文日時", "注文日"],
      // 合計金額 includes what the buyer paid with points and coupons (the shop is compensated for those),
      // so it is the customer's spending; 請求金額 is what was left to charge.
      amount: ["合計金額", "請求金額", "合計"],
      status: ["ステータス", "受注ステータス", "注文ステータス"],
      name: ["注文者氏名", "注文者名字", "注文者姓"],
    },
  },
  {
    name: "yahoo",
    label: { ja: "Yahoo!ショッピング", en: "Yahoo! Shopping" },
    amountKind: "order_total",
    signature: ["BillMailAddress", "OrderTime", "TotalPrice", "BillLastName"],
    names: {
      orderId: ["OrderId"],
      customer: ["BillMailAddress", "BillMail"],
      date: ["OrderTime", "OrderDate"],
      amount: ["TotalPrice"],
      status: ["OrderStatus"],
      name: ["BillName", "BillLastName"],
    },
    // Store Creator Pro's OrderStatus codes: 1 予約中, 2 処理中, 3 保留, 4 キャンセル, 5 完了.
    cancelStatuses: ["4"],
  },
  {
    name: "base",
    label: { ja: "BASE", en: "BASE" },
    amountKind: "order_total",
    signature: ["対応状況", "氏名(姓)"],
    names: {
      orderId: ["注文ID"],
      customer: ["メールアドレス"],
      date: ["注文日時", "注文日"],
      amount: ["合計金額"],
      status: ["対応状況"],
      name: ["氏名(姓)", "氏名"],
    },
  },
  {
    name: "colorme",
    label: { ja: "カラーミーショップ", en: "Color Me Shop" },
    amountKind: "order_total",
    signature: ["総合計金額", "購入者 名前", "購入者 メールアドレス", "売上ID"],
    names: {
      orderId: ["受注番号", "売上ID", "注文番号"],
      customer: ["顧客ID", "会員ID", "購入者 メールアドレス", "メールアドレス"],
      date: ["受注日", "受注日時", "注文日時"],
      amount: ["総合計金額", "合計金額", "売上合計"],
      status: ["受注ステータス", "ステータス", "対応状況"],
      name: ["購入者 名前", "購入者名", "購入者氏名"],
    },
  },
  {
    name: "woocommerce",
    label: { ja: "WooCommerce", en: "WooCommerce" },
    amountKind: "order_total",
    signature: ["Billing Email", "Billing Email Address", "Order Total", "Order Total Amount"],
    names: {
      orderId: ["Order Number", "Order ID"],
      customer: ["Billing Email", "Billing Email Address", "Customer Email", "Customer User Email"],
      date: ["Order Date", "Date"],
      amount: ["Order Total", "Order Total Amount"],
      status: ["Order Status", "Status"],
      name: ["Billing Name", "Billing Full Name", "Billing First Name"],
    },
  },
  {
    name: "uci",
    label: { ja: "UCI Online Retail", en: "UCI Online Retail" },
    amountKind: "line_amount",
    signature: ["InvoiceNo", "StockCode"],
    names: {
      orderId: ["InvoiceNo", "Invoice"],
      customer: ["CustomerID", "Customer ID"],
      date: ["InvoiceDate"],
      quantity: ["Quantity"],
      unitPrice: ["UnitPrice", "Price"],
    },
    cancelRule: "uci_invoice_c",
  },
  {
    name: "generic",
    label: { ja: "汎用(見出しから判定)", en: "Generic (from the headers)" },
    amountKind: "order_total",
    signature: [],
    names: GENERIC_NAMES,
  },
];

export function presetByName(name: PresetName): OrderPreset | undefined {
  return PRESETS.find((p) => p.name === name);
}

export function roleSpecs(preset: OrderPreset): RoleSpec<OrderRole>[] {
  return ORDER_ROLES.filter((role) => preset.names[role] !== undefined).map((role) => ({
    role,
    names: preset.names[role]!,
    required: role === "customer" || role === "date",
    label: ROLE_LABELS[role],
  }));
}

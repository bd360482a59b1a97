import type { FollowUpRow } from "../core/types";
import type { Column } from "./columns";

/** The follow-up list (フォロー / followup.csv): who to contact this month, with a ready personal message. */
export const FOLLOW_UP_COLUMNS: readonly Column<FollowUpRow>[] = [
  { id: "customer_id", ja: "顧客ID", en: "Customer ID", userText: true, value: (r) => r.customerKey },
  { id: "name", ja: "氏名", en: "Name", userText: true, value: (r) => r.name ?? null },
  { id: "reason", ja: "理由", en: "Reason", labelKind: "followUpReason", value: (r) => r.reason },
  { id: "state", ja: "状態", en: "State", labelKind: "state", value: (r) => r.state },
  {
    id: "recency_days",
    ja: "経過日数",
    en: "Days since last",
    format: "integer",
    value: (r) => r.recencyDays,
  },
  { id: "message", ja: "送るメッセージ(案)", en: "Suggested message", value: (r, lang) => r.message[lang] },
];

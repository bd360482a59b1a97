import { fanRankLabel, segmentLabel, stageLabel, stateLabel } from "../core/labels";
import { rfmSegmentLabel } from "../core/model/rfmSegments";
import { NEXT_ACTIONS } from "../core/nextAction";
import type { CustomerState, FanRank, Lang, NextActionCode, RfmSegment, Segment, Stage } from "../core/types";
import type { LabelKind } from "./columns";

const MEMBERSHIP = {
  active: { ja: "継続", en: "Active" },
  paused: { ja: "休会", en: "Paused" },
  cancelled: { ja: "退会", en: "Cancelled" },
} as const;

const FOLLOW_UP_REASON = {
  at_risk: { ja: "休眠予備軍", en: "At risk" },
  dormant: { ja: "休眠", en: "Dormant" },
  fan_rank_drop: { ja: "ファンランク低下", en: "Fan rank dropped" },
  no_visit: { ja: "来館なし", en: "No recent visit" },
} as const;

/** A code as people read it; unknown codes are shown as they are rather than hidden. */
export function localizeCode(kind: LabelKind, code: string, lang: Lang): string {
  switch (kind) {
    case "state":
      return stateLabel(code as CustomerState, lang);
    case "stage":
      return stageLabel(code as Stage, lang);
    case "segment":
      return segmentLabel(code as Segment, lang);
    case "fanRank":
      return fanRankLabel(code as FanRank, lang);
    case "nextAction":
      return NEXT_ACTIONS[code as NextActionCode]?.[lang] ?? code;
    case "membership":
      return MEMBERSHIP[code as keyof typeof MEMBERSHIP]?.[lang] ?? code;
    case "followUpReason":
      return FOLLOW_UP_REASON[code as keyof typeof FOLLOW_UP_REASON]?.[lang] ?? code;
    case "rfmSegment":
      return rfmSegmentLabel(code as RfmSegment, lang);
  }
}

import type { CustomerState, NextActionCode, NextActionType, Stage } from "./types";

export interface NextAction {
  /** Seed 001's kind of action (体験・継続・共創・拡散 …). */
  type: NextActionType;
  /**
   * The words the shop says to the customer. They speak to the customer's pride and role, never to the shop's
   * gain (seed 001: "顧客側にとっても誇らしい役割になる言い方にすると動きます").
   */
  ja: string;
  en: string;
  /** The step as the shop owner plans it (§6 table), short enough for a column. */
  step: { ja: string; en: string };
}

/** §6: one welcome next step per row of the table. */
export const NEXT_ACTIONS: Record<NextActionCode, NextAction> = {
  start_using: {
    type: "experience",
    ja: "使い始めのコツをお届けします。最初の1週間の使い心地を、ぜひ聞かせてください。",
    en: "Here are a few tips for getting started. We'd love to hear how your first week goes.",
    step: { ja: "使い始め→不安解消", en: "Get started, remove doubts" },
  },
  reason_to_continue: {
    type: "continuation",
    ja: "続けるほど、違いを実感していただけます。次のお届けで、あなたの変化を一緒に確かめましょう。",
    en: "It gets better the longer you use it. Let's look at how far you've come with your next order.",
    step: { ja: "継続の理由づけ", en: "A reason to continue" },
  },
  review_survey: {
    type: "co_creation",
    ja: "使い続けてくださるあなたの声は、次の商品づくりの道しるべです。レビューやアンケートで教えてください。",
    en: "As a long-time user, your voice guides what we make next. Would you share it in a review or our survey?",
    step: { ja: "レビュー・アンケートで共創", en: "Co-create: review or survey" },
  },
  referral_community: {
    type: "spread",
    ja: "あなたは私たちのいちばんの理解者です。大切な方へのご紹介や、ファンの集まりであなたの体験を聞かせてください。",
    en: "You know us better than anyone. Would you introduce us to someone you care about, or share your story in our fan community?",
    step: { ja: "紹介・コミュニティへの招待", en: "Invite to refer or join the community" },
  },
  reassure_remind: {
    type: "experience",
    ja: "その後いかがですか?使い方で気になることがあれば、どんな小さなことでもお気軽にご相談ください。",
    en: "How is everything going? If anything about using it is unclear, however small, just ask us.",
    step: { ja: "不安解消・リマインド", en: "Reassure and remind" },
  },
  welcome_back: {
    type: "continuation",
    ja: "おかえりなさい!またお選びいただけて本当にうれしいです。無理なく続けられるペースをご提案します。",
    en: "Welcome back! We're so glad you chose us again. Here is an easy pace to keep it going.",
    step: { ja: "おかえり→習慣の立て直し", en: "Welcome back, rebuild the habit" },
  },
  reactivation_offer: {
    type: "reactivation",
    ja: "お久しぶりです!お変わりありませんか。あなたのために、今の季節のおすすめをご用意しました。",
    en: "It's been a while! We hope you're well. We've picked this season's favourites with you in mind.",
    step: { ja: "お久しぶりのご案内", en: "Reactivation offer" },
  },
  ask_reason: {
    type: "listening",
    ja: "お休み中も、あなたは大切なお客さまです。よろしければ、お休みの理由をひと言だけ聞かせてください。",
    en: "You're still one of ours while you take a break. If you like, tell us in a word why you paused.",
    step: { ja: "お休みの理由を聞く", en: "Ask why they paused" },
  },
  careful_followup: {
    type: "reacquisition",
    ja: "これまで本当にありがとうございました。いただいたご意見は必ず改善に生かします。またいつでもお待ちしています。",
    en: "Thank you for everything so far. We will put your feedback to work, and we'll be here whenever you want to return.",
    step: { ja: "丁寧なフォロー・再獲得", en: "Careful follow-up, reacquire" },
  },
};

/** §6: the one next step for a state (and, for active customers, their stage). */
export function nextActionOf(state: CustomerState, stage: Stage): NextActionCode {
  switch (state) {
    case "new":
      return "start_using";
    case "active":
      // Established customers are ready to co-create; the others still need a reason to continue.
      return stage === "established" ? "review_survey" : "reason_to_continue";
    case "vip":
      return "referral_community";
    case "at_risk":
      return "reassure_remind";
    case "winback":
      return "welcome_back";
    case "dormant":
      return "reactivation_offer";
    case "paused":
      return "ask_reason";
    case "cancelled":
      return "careful_followup";
  }
}

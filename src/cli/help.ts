/** `sodatsu --help`: complete, Japanese first, then English. Keep in step with docs/cli.md. */
export const PRESET_NAMES = [
  "auto",
  "shopify",
  "amazon",
  "rakuten",
  "yahoo",
  "base",
  "colorme",
  "woocommerce",
  "uci",
  "generic",
] as const;

export const HELP = `育つ (Sodatsu) — 注文データから「育てる顧客計画」をつくるコマンド

使い方:
  sodatsu analyze <注文.csv> [オプション]   注文データを分析し、レポートを書き出します
  sodatsu diagnose [--out DIR] [注文.csv …] CRM診断ワークブック(10の質問・A〜D・評価式・チェックリスト・
                                           データからの根拠)を書き出します
  sodatsu --help                            この説明を表示します
  sodatsu --version                         バージョンを表示します

analyze のオプション:
  --engagement FILE   関係行動(レビュー・アンケート・SNS・紹介・イベント・コミュニティ・問い合わせ)
  --survey FILE       アンケート(NPS 0〜10点)
  --membership FILE   会員状態(継続/休会/退会)
  --visits FILE       来館記録(ファンランク用)
  --as-of YYYY-MM-DD  基準日(省略時は今日。この日より後の行は集計しません)
  --settings FILE     設定のJSON(activeDays, atRiskDays, vipMinPurchases など。省略した項目は既定値)
  --preset NAME       注文データの列の読み方: ${PRESET_NAMES.join("|")}
                      (既定 auto: 見出しから判定し、選んだものを表示します)
  --lang ja|en        レポートの言語(既定 ja)
  --format csv|xlsx|both  出力形式(既定 both)
  --out DIR           出力先フォルダー(既定 ./sodatsu-out)

diagnose のオプション: --out DIR(既定 ./sodatsu-out)、注文ファイルを渡すときは --as-of・--settings・--preset・
  --lang も analyze と同じ意味で使えます。複数の注文ファイルは1つのお店の履歴として合算します。出力は DIR/diagnosis.xlsx。

出力 (DIR の中):
  customers.csv  顧客ごとの状態・ステージ・VIPスコア・次の一歩(列名と値は英語のコード)
  summary.csv    今月と前月の状態別人数、状態の移り変わり、お店の数字
  followup.csv   今月フォローする顧客とメッセージ案
  run-log.csv    全行の内訳(集計に使用/除外の理由)と除外した行
  report.xlsx    アドオンと同じシート構成のブック(--format xlsx か both)
  CSV は UTF-8 (BOM付き) なので日本語版 Excel でそのまま開けます。= + - @ で始まるセルは無害化します。

入力ファイル:
  UTF-8 (BOMあり/なし) と Shift_JIS (CP932) を自動判別。カンマ区切り・タブ区切りを自動判別。
  引用符の中の改行にも対応。.gz 圧縮のままでも読めます。

終了コード: 0 = 成功、1 = 入力や設定の誤り(何が・どこで、を1行で表示)、2 = 内部エラー(不具合。内容を添えてご連絡ください)。

---

Sodatsu — turns a shop's order export into a plan for growing good customers

Usage:
  sodatsu analyze <orders.csv> [options]    analyse the orders and write the report
  sodatsu diagnose [--out DIR] [orders.csv …]  write the CRM diagnosis workbook (ten questions, answers A–D,
                                           rating formulas, checklist, evidence from the data)
  sodatsu --help | --version

Options of analyze:
  --engagement FILE   engagement actions (review, survey, sns, referral, event, community, inquiry)
  --survey FILE       survey answers (NPS scores 0–10)
  --membership FILE   membership status (active / paused / cancelled)
  --visits FILE       visit log (fan ranks)
  --as-of YYYY-MM-DD  as-of date (default today; later rows are ignored)
  --settings FILE     settings as JSON (activeDays, atRiskDays, vipMinPurchases, …; missing keys keep defaults)
  --preset NAME       how to read the order columns: ${PRESET_NAMES.join("|")}
                      (default auto: recognised from the header, and the choice is printed)
  --lang ja|en        report language (default ja)
  --format csv|xlsx|both  output format (default both)
  --out DIR           output folder (default ./sodatsu-out)

Options of diagnose: --out DIR; with order files also --as-of, --settings, --preset, --lang as for analyze
(several order files add up as one shop's history). Writes DIR/diagnosis.xlsx.

Outputs (in DIR): customers.csv (stable column ids and codes), summary.csv, followup.csv, run-log.csv,
report.xlsx (the add-on's sheets). CSVs are UTF-8 with BOM; cells starting with = + - @ are neutralised.
Inputs: UTF-8 with/without BOM or Shift_JIS/CP932, comma or tab separated, quoted newlines, .gz.
Exit codes: 0 = done, 1 = bad input or settings (one line says what and where), 2 = internal error (a bug).
`;

design-diagnostic = { $file }:{ $line }:{ $column }: { $message }
design-diagnostic-hinted =
    { $file }:{ $line }:{ $column }: { $message }
    {"  "}ヒント: { $hint }
design-problems = { $problems }
design-hint-first-at = { $hint }（{ $line }行目）
design-cannot-read = テンプレートを読めません: { $error }
design-invalid-toml = TOML の構文が正しくありません: { $error }
design-integer-too-large = TOML の構文が正しくありません: 整数が大きすぎます

design-expected = { $expected }が必要ですが、{ $found }が書かれています
# 値の種類（$expected、$found）。後ろに助詞が続くので、コードで終わるものは半角スペースで区切ります。
design-kind-string = 文字列
design-kind-integer = 整数
design-kind-decimal = 小数
design-kind-boolean = 真偽値
design-kind-date = 日付
design-kind-array = 配列
design-kind-table = テーブル
design-kind-number = 数値
design-kind-true-or-false = `true` か `false`{" "}
design-kind-text = 言語ごとの文言
design-kind-option-id = 設問 `{ $question }` の選択肢 ID{" "}
design-kind-number-to-compare = `{ $question }` と比べる数値
design-count-at-least = `{ $key }` は{ $min }以上にしてください（指定: { $value }）
design-count-between = `{ $key }` は{ $min }から{ $max }までにしてください（指定: { $value }）
design-key-empty = `{ $key }` が空です
design-missing-key = { $what }に `{ $key }` がありません
design-unknown-key = { $what }に不明なキー `{ $key }` があります
design-did-you-mean = `{ $suggestion }` のことですか？
design-hint-allowed-keys = ここで使えるキー: { $keys }
design-hint-add = `{ $snippet }` を追加してください
design-hint-use-one-of = { $choices } のいずれかを使ってください
design-hint-add-one-of = { $choices } のいずれかを追加してください

# 問題のある表（$what、$of）。後ろに助詞が続くので、コードで終わるものは半角スペースで区切ります。
design-what-questionnaire = 調査票
design-what-key = `{ $key }`{" "}
design-what-topic = トピック `{ $topic }`{" "}
design-what-scale = 尺度 `{ $scale }`{" "}
design-what-question-scale = 設問 `{ $question }` の尺度
design-what-section-unnamed = セクション
design-what-section = セクション `{ $section }`{" "}
design-what-question-unnamed = 設問
design-what-question = 設問 `{ $question }`{" "}
design-what-condition = 設問 `{ $question }` の表示条件
design-what-option = { $of }の選択肢
design-what-option-named = { $of }の選択肢 `{ $id }`{" "}
design-what-item = { $of }の項目
design-what-item-named = { $of }の項目 `{ $id }`{" "}
design-what-other = { $of }の `other`{" "}

design-id-empty = 識別子が空です
design-id-too-long = 識別子 `{ $id }` が{ $max }文字を超えています
design-id-bad-start = 識別子 `{ $id }` は英小文字で始めてください
design-id-bad-char = 識別子 `{ $id }` に `{ $character }` が含まれています。英小文字・数字・`_` を使ってください
design-scale-name-empty = 尺度名が空です
design-scale-name-too-long = 尺度名 `{ $name }` が{ $max }文字を超えています
design-scale-name-bad-start = 尺度名 `{ $name }` は英小文字で始めてください
design-scale-name-bad-char = 尺度名 `{ $name }` に `{ $character }` が含まれています。英小文字・数字・`_` を使ってください
design-hint-id = `id = "…"` を追加してください
design-hint-id-example = 例: `support_overall`
design-hint-duplicate = ID は重複できません。これか最初の `{ $id }` の ID を変えてください
design-duplicate-section = セクション ID `{ $id }` が重複しています
design-duplicate-question = 設問 ID `{ $id }` が重複しています
design-duplicate-option = 選択肢 ID `{ $id }` が重複しています
design-duplicate-item = 項目 ID `{ $id }` が重複しています

design-hint-questionnaire-id = `id = "…"` を追加してください（例: `id = "alumni_network_opinion"`）
design-hint-version = `version = 1` を追加し、設問を変えるたびに値を上げてください
design-meaning-title = 調査票のタイトル
design-meaning-anonymity-statement = 調査会社とクライアントがそれぞれ何を見られ、何を見られないかの説明
design-lang-invalid = `{ $tag }` は言語タグではありません。`ja`、`en`、`pt-BR` のようなコードを書いてください
design-hint-languages = `languages = ["ja", "en"]` を追加してください。すべての文言をこれらの言語で書きます
design-language-twice = 言語 `{ $lang }` が2回書かれています
design-hint-default-language = `default_language = "ja"` を追加してください。回答者の言語が調査票にないときに表示する言語です
design-default-language-undeclared = 既定の言語 `{ $lang }` が `languages` にありません
design-hint-default-language-undeclared = `{ $lang }` を `languages` に追加するか、{ $declared } から選んでください

design-hint-add-text = `{ $key } = { $form }` を追加してください（{ $meaning }）
design-hint-text-form = すべての言語で書いてください: `{ $form }`
design-language-undeclared = 言語 `{ $lang }` が `languages` にありません
design-hint-language-undeclared = `languages` に追加するか、この文言を削除してください。`languages` の言語: { $declared }
design-text-empty = `{ $lang }` の文言が空です
design-text-missing-languages = 文言に { $languages } がありません
design-hint-text-missing-languages = 文言は `languages` のすべての言語（{ $declared }）で書く必要があります。`{ $first } = "…"` を追加してください

design-statement-unknown-placeholder = `{ $lang }` の匿名性の説明に不明なプレースホルダー `{ $placeholder }` があります
design-hint-statement-placeholders = 使えるプレースホルダーは `{ $k }`（匿名性のしきい値: 結果を示すグループの最小人数）と `{ $comment_k }`（自由記述のしきい値: 自由記述を示すのに必要な最少の回答者数）です
design-statement-number = `{ $lang }` の匿名性の説明に数値 `{ $number }` が直接書かれています
design-hint-statement-number = 匿名性のしきい値にあたる箇所には `{ $k }` を、自由記述のしきい値にあたる箇所には `{ $comment_k }` を書いてください。説明を表示するときに調査で設定したしきい値が入るので、実際と異なる数値を約束することがありません
design-statement-no-thresholds = `{ $lang }` の匿名性の説明が調査のしきい値を示していません。{ $placeholders } がありません
design-hint-statement-thresholds = 例えば `{ $examples }` のような文を追加してください（表示するときに調査で設定したしきい値が入ります）
design-hint-statement-thresholds-comments = 例えば `{ $examples }` のような文を追加してください（表示するときに調査で設定したしきい値が入ります。この調査票は自由記述を求めるので、自由記述をどのような場合に紹介するかも説明に書きます）
design-example-statement-k = 集計結果は、{ $k }人以上の回答があるグループについてのみ示します。
design-example-statement-comment-k = 自由記述は、{ $comment_k }人以上の回答がある場合にのみ紹介します。

design-meaning-topic-label = 報告書に載るトピック名
design-unknown-topic = トピック `{ $topic }` は定義されていません
design-hint-declare-topic = `[topics.{ $topic }]` と `label` で定義してください
design-hint-points = `points = 5`（または 7）を追加してください
design-scale-points = 尺度は5段階か7段階です（指定: { $points }）
design-hint-scale-points = `points = 5` か `points = 7` にしてください
design-hint-labels = 段階ごとに1つずつ、低い方から順に文言を並べた `labels = [ … ]` を追加してください（例: `{ $form }`）
design-no-labels = { $what }にラベルがありません
design-labels-per-point = { $what }は{ $points }段階ですが、ラベルが{ $labels }個あります
design-hint-labels-per-point = 段階ごとにちょうど1つずつ、低い方から順にラベルを書いてください
design-hint-favourable = 肯定的とみなす点を並べてください（例: `[4, 5]`）
design-favourable-off-scale = 肯定的とみなす点 { $point } が尺度（1〜{ $points }）にありません
design-unknown-scale = 尺度 `{ $scale }` は定義されていません
design-hint-declare-scale = `[scales.{ $scale }]` で定義するか、尺度をその場に書いてください
design-hint-scale = `[scales.NAME]` を指す `scale = "NAME"` を追加するか、尺度をその場に書いてください

design-hint-sections = `id`・`title`・`[[sections.questions]]` を持つ `[[sections]]` を追加してください
design-no-sections = 調査票にセクションがありません
design-meaning-section-title = ページの見出し
design-hint-questions = `[[sections.questions]]` のテーブルを追加してください
design-no-questions = { $what }に設問がありません
design-hint-question-id = 調査票の中で重複しない `id = "…"` を追加してください
design-hint-type = `type = "…"` を追加してください（{ $types } のいずれか）
design-meaning-question-text = 回答者が読む設問文
design-unknown-type = 設問の種類 `{ $name }` はありません
design-meaning-low-label = 0のラベル
design-meaning-high-label = 10のラベル
design-ranking-too-few = { $what }の順位づけする選択肢が2つ未満です
design-hint-ranking-too-few = 順位づけには選択肢が2つ以上必要です
design-options-empty = { $what }の選択肢が空です
design-items-empty = { $what }に項目がありません
design-meaning-option-label = 回答者が読む選択肢の文言
design-meaning-item-text = 回答者が読む項目の文
design-meaning-other-label = 例: "その他（具体的に）"
design-max-above-choices = `max`（{ $max }）が選択肢の数（{ $choices }）を超えています
design-hint-max-above-choices = `max` を{ $choices }以下にするか、選択肢を追加してください
design-min-above-max = `min`（{ $min }）が `max`（{ $max }）より大きくなっています
design-hint-min-above-max = `min` を下げるか `max` を上げてください
design-bound-decimals = `{ $key }` の小数の桁数が `decimals`（{ $decimals }）を超えているか、値が大きすぎます

design-no-conditions = `{ $key }` に条件がありません
design-hint-no-conditions = 条件を1つ以上書いてください
design-hint-condition-question = `question = "…"` で前にある設問を指定するか、`not`・`and`・`or` で条件を組み合わせてください
design-condition-unknown-question = 条件が存在しない設問 `{ $question }` を指しています
design-hint-condition-names-id = 条件には、前にある設問の `id` を書きます
design-condition-names-itself = 条件がその設問自身を指しています
design-condition-names-later = 条件が後にある設問 `{ $question }` を指しています
design-hint-condition-earlier = 条件に使えるのは、この設問より前に回答される設問だけです。その設問を前に移すか、条件を外してください
design-condition-wrong-type = 条件に `{ $question }`（{ $kind } の設問）は使えません
design-hint-condition-types = 条件に使えるのは、単一選択・複数選択・likert・rating・number の設問です
design-condition-no-operator = `{ $question }` の条件に演算子がありません
design-condition-two-operators = `{ $question }` の条件に `{ $first }` と `{ $second }` の両方があります
design-hint-condition-one-operator = 演算子は1つの条件に1つです。複数の条件は `and = [ … ]` で組み合わせてください
design-condition-unknown-option = `{ $option }` は設問 `{ $question }` の選択肢にありません
design-hint-options-are = 選択肢は { $options } です
design-hint-one-of-empty = 値を1つ以上書いてください
design-condition-compare-choice = `{ $operator }` は数値を比べますが、`{ $question }` は選択式の設問です
design-hint-condition-compare-choice = 選択肢 ID を使って `equals` か `one_of` で書いてください

design-translate-not-toml = テンプレートが TOML として正しくありません: { $error }
design-translate-no-default-language = テンプレートに `default_language` がありません
design-translate-not-a-language = `{ $tag }` は言語コードではありません（`vi` や `pt-BR` のように書きます）
design-translate-source-language = `{ $lang }` はテンプレートの既定の言語で、すべての翻訳単位の原文の言語です
design-xliff-unreadable = XLIFF ファイルを読めません（{ $at } バイト目）: { $reason }
design-xliff-unknown-entity = 不明な実体参照 `&{ $entity };` があります
design-xliff-unit-without-id = `id` のない `unit` 要素があります
design-xliff-no-target-language = `xliff` 要素に `trgLang` がありません
design-unit-not-in-xliff = { $unit }: XLIFF ファイルにありません（別の版から書き出したファイルではありませんか？）
design-unit-source-changed = { $unit }: 書き出した後に原文が変わっています（現在は { $now }、ファイルでは { $file }）。もう一度書き出してください
design-unit-untranslated = { $unit }: 翻訳されていません（{ $note }）
design-unit-not-in-template = { $unit }: テンプレートにこの文言はありません
design-translate-merged-invalid =
    翻訳を取り込んだテンプレートを読み込めません:
    { $problems }

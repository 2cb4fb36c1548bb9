error-plan-has-no-fieldwork-dates = 実施計画に調査期間の日付がありません
error-only-reminder-has-not-been = 今すぐ送れるのは、まだ送っていないリマインドだけです
error-header-cannot-read = 見出し行を読めません: { $e }
error-there-no-email-column-header = 見出しに `email` 列がありません
error-column-needs-name-letters-digits = 列 `{ $h }` の名前には文字・数字・`_`・`-` を使ってください
error-column-appears-twice = 列 `{ $h }` が2回あります
error-already-line = { $email } は{ $first }行目と重複しています
error-empty = `{ $name }` が空です
error-roster-has-no-invitees = 名簿に対象者がいません
error-report-made-once-survey-closed = 報告は調査の締切後に作られます
error-survey-not-open-yet-please = この調査はまだ始まっていません。開始後にもう一度リンクを開いてください。
error-survey-closed-no-longer-takes = この調査は締め切られました。回答の受付は終了しています。
error-token-request-not-valid = 回答券の要求の形式が正しくありません: { $e }
error-token-request-names-another-key = 回答券の要求の鍵がこの招待の鍵と一致しません。ページを再読み込みしてください。
error-blinded-message-cannot-signed = ブラインド化されたメッセージに署名できません: { $e }
error-invitation-has-already-been-used = この招待からはすでに匿名の回答券が発行されています（招待1件につき1枚です）
error-ballot-has-already-been-used = この回答券はすでに使われています。回答は保存済みで、回答券1枚につき1回だけ数えられます。
error-salt-must-32-random-bytes = ソルトは base64url で表した32バイトの乱数でなければなりません: { $e }
error-ballot-token-not-valid = 回答券が正しくありません: { $why }
error-tally-made-when-survey-closes = 集計は調査の締切時に作られます
error-management-user-belongs-organisation = 経営陣ユーザーは組織に属します
error-operators-do-not-belong-client = オペレーターはクライアント組織に属しません
error-there-already-account = { $email } のアカウントはすでにあります
error-you-cannot-disable-your-own = 自分のアカウントは無効にできません。別の管理者に依頼してください
error-give-token-name = トークンに名前を付けてください
error-there-already-client-named = 「{ $name }」というクライアントはすでにあります
error-password-must-least-12-characters = パスワードは12文字以上にしてください
error-choose-existing-client-organisation = 登録済みのクライアントを選んでください
error-questionnaire-has-problems = 
    調査票に問題があります:
    { $e }
error-offer-least-one-language = 言語を1つ以上選んでください
error-questionnaire-has-no-texts-choose = 調査票に `{ $bad }` の文言がありません。次から選んでください: { $offered }
error-anonymity-threshold-cannot-below-asked = 匿名性のしきい値は{ $MIN_THRESHOLD }未満にできません（指定: { $asked }）
error-comment-threshold-cannot-below-anonymity = 自由記述のしきい値（{ $c }）は匿名性のしきい値（{ $k }）より小さくできません
error-not-roster-column-name-use = `{ $bad }` は名簿の列名として使えません（文字・数字・`_`・`-` を使ってください）
error-import-roster-before-scheduling = 予定に入れる前に名簿を取り込んでください
error-save-fieldwork-plan-before-scheduling = 予定に入れる前に実施計画を保存してください
error-survey-was-changed-meanwhile-another = この調査は別の画面または別の人によって変更されました。ページを再読み込みしてもう一度お試しください
error-body-larger-than-bytes-most = 本文が大きすぎます（このパスの上限は { $limit } バイト）
error-json-body-not-valid = JSON の本文が正しくありません: { $e }
error-send-body-application-json = 本文は application/json で送ってください
error-body-cannot-read = 本文を読み取れません: { $other }
error-send-form-application-x-www = フォームは application/x-www-form-urlencoded で送ってください
error-form-cannot-read = フォームを読み取れません: { $other }
error-form-cannot-read-2 = フォームを読み取れません: { $e }
error-form-holds-nul-character-00 = フォームに NUL 文字（%00）が含まれています。どの項目にも使えません
error-upload-too-large-most-mb = アップロードが大きすぎます（上限 { $mb } MB）。
error-form-has-no = フォームに `{ $name }` がありません
error-not-utf-8-text = `{ $name }` が UTF-8 のテキストではありません
error-e-mail-address-has-most = メールアドレスは{ $MAX_EMAIL_LEN }文字まで、パスワードは{ $MAX_PASSWORD_LEN }文字までです
error-unknown-language = 不明な言語です
error-tally-made-when-survey-closes-2 = 集計ファイルは調査の締切時に作られます
error-choose-client-organisation = クライアントを選んでください
error-choose-template-upload-toml-file = テンプレートを選ぶか TOML ファイルをアップロードしてください
error-send-token-request-application-private = 回答券の要求は application/private-token-request で送ってください
error-token-request-cannot-read = 回答券の要求を読み取れません: { $e }
error-please-check-your-answers-each = 回答を確認してください。問題のある質問に説明を表示しています。
error-your-answers-were-stored-already = 回答はすでに保存されていました（確認が届いていませんでした）。受領番号は次のとおりです。
error-not-e-mail-address = `{ $email }` はメールアドレスではありません
error-survey-needs-name = 調査名を入力してください
error-organisation-needs-name-1-200 = 組織名は1〜200文字で入力してください
error-name-empty = 名前が空です
error-not-found = ページが見つかりません。
error-log-in = ログインしてください。
error-forbidden = この操作は許可されていません。
error-too-many-attempts = ログインの失敗が多すぎます。{ $minutes }分後にもう一度お試しください。
error-form-expired = フォームの有効期限が切れました。ページを再読み込みしてもう一度お試しください。
error-internal = サーバー側で問題が起きました。もう一度お試しください。
error-survey-not-in-state = この調査は「{ $state ->
        [draft] 下書き
        [scheduled] 予定済み
        [open] 実施中
        [closed] 締切済み
       *[published] 公開済み
    }」のため、{ $action ->
    [roster] 名簿の取り込みは
    [questionnaire] 調査票を差し替え
    [plan] 実施計画を変更
    [settings] 設定を変更
   *[remind] リマインドを送信
}できません（{ $needed ->
        [draft] 下書き
        [scheduled] 予定済み
        [open] 実施中
        [closed] 締切済み
       *[published] 公開済み
    }の調査のみ可能）
error-survey-cannot-become = 「{ $from ->
        [draft] 下書き
        [scheduled] 予定済み
        [open] 実施中
        [closed] 締切済み
       *[published] 公開済み
    }」の調査は「{ $to ->
        [draft] 下書き
        [scheduled] 予定済み
        [open] 実施中
        [closed] 締切済み
       *[published] 公開済み
    }」にできません。{ $count ->
    [0] この後の状態はありません
    [1] 移れる状態: { $first ->
        [draft] 下書き
        [scheduled] 予定済み
        [open] 実施中
        [closed] 締切済み
       *[published] 公開済み
    }
   *[other] 移れる状態: { $first ->
        [draft] 下書き
        [scheduled] 予定済み
        [open] 実施中
        [closed] 締切済み
       *[published] 公開済み
    }、{ $second ->
        [draft] 下書き
        [scheduled] 予定済み
        [open] 実施中
        [closed] 締切済み
       *[published] 公開済み
    }
}
error-detail = { $detail }
error-roster-line = { $line }行目: { $problem }
error-roster-fields = { $fields } 項目ありますが、見出しは { $header } 項目です
error-roster-language-not-offered = 言語 `{ $language }` はこの調査にありません（{ $offered }）
error-roster-cannot-group = 名簿を { $breakdowns } で区分できません: { $e }
error-roster-purge-before-close = 「{ $survey }」の名簿は調査の締切後にのみ削除できます
error-roster-encoding = ファイルが UTF-8 でも Shift_JIS でもありません。Excel で「CSV UTF-8 (コンマ区切り)」として保存してください
error-roster-control-character = `{ $name }` に制御文字（{ $code }）があります
error-name-control-character = { $field ->
    [survey] 調査名
    [organisation] 組織名
   *[person] 名前
}に制御文字（{ $code }）は使えません
error-issuer-key-sealed-otherwise = 発行鍵 { $key } が現在のマスター鍵で開けません: { $e }
error-answer-language-not-offered = この調査の言語で回答してください: { $offered }
error-form-not-utf8 = フォームが UTF-8 のテキストではありません（{ $at } バイト目）。ページからブラウザで送ってください
error-upload-malformed = アップロードの形式が正しくありません: { $e }
error-report-needs-a-language = 報告書の言語を1つ以上選んでください
error-report-language-not-offered = `{ $asked }` では報告書を作れません。調査票の文と報告書の語句がそろっている言語は { $offered } です
error-data-once-closed = 匿名回答データは調査の締切後に作成できます
error-data-language-not-offered = `{ $asked }` ではデータのラベルを付けられません。調査票の言語は { $offered } です
error-data-too-few = 回答が { $responses } 件で、匿名性のしきい値（{ $k }）に届かないため、データを作成できません
error-data-free-text-too-few = 自由記述をデータに含められるのは回答が { $k } 件（自由記述のしきい値）以上のときです。この調査の回答は { $responses } 件です
error-data-format = `{ $format }` はデータの形式ではありません。csv か sav を選んでください
error-publishing-already = この報告書はすでに公開処理中です

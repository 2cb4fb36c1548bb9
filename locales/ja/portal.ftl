portal-survey = 調査
portal-state = 状態
portal-ballots-taken = 回答券の発行率
portal-published-reports-each-surveys-page = 公開された報告書は各調査のページにあります。
portal-results = 調査結果
portal-reports = 報告書
portal-share-invitees-who-took-their = 匿名の回答券を受け取った人の割合です。調査期間中は1日1回更新し、5%単位に丸め、回答券が k 人に満たないグループは（差し引きで分からないよう他のグループと合わせて）表示しません。報告書の回答率は実際に送信された回答の数から計算するため、これより低くなることがあります。
portal-taken-on-utc = 集計日（UTC）:

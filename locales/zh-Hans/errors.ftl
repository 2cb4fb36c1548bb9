error-plan-has-no-fieldwork-dates = 实施计划中没有调查期间的日期
error-only-reminder-has-not-been = 现在只能发送尚未发送过的提醒邮件
error-header-cannot-read = 无法读取标题行：{ $e }
error-there-no-email-column-header = 标题行中没有 `email` 列
error-column-needs-name-letters-digits = 列 `{ $h }` 的名称只能使用字母、数字、`_` 或 `-`
error-column-appears-twice = 列 `{ $h }` 出现了两次
error-already-line = { $email } 已在第{ $first }行出现
error-empty = `{ $name }` 为空
error-roster-has-no-invitees = 名单中没有受邀者
error-report-made-once-survey-closed = 报告在调查截止后生成
error-survey-not-open-yet-please = 本调查尚未开始；请在调查开始后再次使用您的链接
error-survey-closed-no-longer-takes = 本调查已截止，不再接受回答
error-token-request-not-valid = 作答凭证请求无效：{ $e }
error-token-request-names-another-key = 作答凭证请求指定的密钥与此邀请的密钥不同；请重新加载页面
error-blinded-message-cannot-signed = 无法为盲化后的消息签名：{ $e }
error-invitation-has-already-been-used = 此邀请已用于领取匿名作答凭证；每份邀请只能领取一份
error-ballot-has-already-been-used = 此作答凭证已被使用：使用它的回答已经保存，每份作答凭证只计算一次
error-salt-must-32-random-bytes = 盐值必须是以 base64url 表示的32字节随机数：{ $e }
error-ballot-token-not-valid = 作答凭证（令牌）无效：{ $why }
error-tally-made-when-survey-closes = 汇总在调查截止时生成
error-management-user-belongs-organisation = 管理层用户隶属于某个组织
error-operators-do-not-belong-client = 操作员不隶属于客户组织
error-there-already-account = { $email } 的账户已存在
error-you-cannot-disable-your-own = 不能停用自己的账户；可以由其他管理员停用
error-give-token-name = 请为令牌命名
error-there-already-client-named = 已存在名为 { $name } 的客户
error-password-must-least-12-characters = 密码长度至少为12个字符
error-choose-existing-client-organisation = 请选择一个已有的客户组织
error-questionnaire-has-problems =
    问卷存在问题：
    { $e }
error-offer-least-one-language = 请至少提供一种语言
error-questionnaire-has-no-texts-choose = 问卷中没有 `{ $bad }` 的文本；请从以下语言中选择：{ $offered }
error-anonymity-threshold-cannot-below-asked = 匿名阈值不能低于{ $MIN_THRESHOLD }（指定值：{ $asked }）
error-comment-threshold-cannot-below-anonymity = 自由填写意见阈值（{ $c }）不能低于匿名阈值（{ $k }）
error-not-roster-column-name-use = `{ $bad }` 不是有效的名单列名（请使用字母、数字、`_` 或 `-`）
error-import-roster-before-scheduling = 排定日程前请先导入名单
error-save-fieldwork-plan-before-scheduling = 排定日程前请先保存实施计划
error-survey-was-changed-meanwhile-another = 此调查在此期间已被更改（在其他窗口中，或由其他人更改）；请重新加载页面后重试
error-body-larger-than-bytes-most = 请求正文超过{ $limit }字节，超出了此路径允许的上限
error-json-body-not-valid = JSON 正文无效：{ $e }
error-send-body-application-json = 请以 application/json 格式发送正文
error-body-cannot-read = 无法读取正文：{ $other }
error-send-form-application-x-www = 请以 application/x-www-form-urlencoded 格式发送表单
error-form-cannot-read = 无法读取表单：{ $other }
error-form-cannot-read-2 = 无法读取表单：{ $e }
error-form-holds-nul-character-00 = 表单中含有 NUL 字符（%00），任何字段都不得包含该字符
error-upload-too-large-most-mb = 上传的文件过大（最大{ $mb } MB）
error-form-has-no = 表单中没有 `{ $name }`
error-not-utf-8-text = `{ $name }` 不是 UTF-8 文本
error-e-mail-address-has-most = 电子邮件地址最多{ $MAX_EMAIL_LEN }个字符，密码最多{ $MAX_PASSWORD_LEN }个字符
error-unknown-language = 未知的语言
error-tally-made-when-survey-closes-2 = 汇总在调查截止时生成
error-choose-client-organisation = 请选择客户组织
error-choose-template-upload-toml-file = 请选择模板或上传 TOML 文件
error-send-token-request-application-private = 请以 application/private-token-request 格式发送作答凭证请求
error-token-request-cannot-read = 无法读取作答凭证请求：{ $e }
error-please-check-your-answers-each = 请检查您的回答；有问题的地方已在相应的题目处标出
error-your-answers-were-stored-already = 您的回答已经保存（确认信息未能送达您）；以下是您的回执编号
error-not-e-mail-address = `{ $email }` 不是电子邮件地址
error-survey-needs-name = 请为调查命名
error-organisation-needs-name-1-200 = 组织名称须为1至200个字符
error-name-empty = 名称为空
error-not-found = 此页面不存在。
error-log-in = 请登录。
error-forbidden = 您无权执行此操作。
error-too-many-attempts = 登录失败次数过多；请在{ $minutes }分钟后重试。
error-form-expired = 此表单已过期；请重新加载页面后重试。
error-internal = 我们这边出现了问题；请重试。
error-survey-not-in-state = 此调查处于“{ $state ->
        [draft] 草稿
        [scheduled] 已排定日程
        [open] 进行中
        [closed] 已截止
       *[published] 已公布
    }”状态，只有处于“{ $needed ->
        [draft] 草稿
        [scheduled] 已排定日程
        [open] 进行中
        [closed] 已截止
       *[published] 已公布
    }”状态的调查才能{ $action ->
    [roster] 导入新名单
    [questionnaire] 更改问卷
    [plan] 更改实施计划
    [settings] 更改设置
   *[remind] 发送提醒邮件
}
error-survey-cannot-become = 处于“{ $from ->
        [draft] 草稿
        [scheduled] 已排定日程
        [open] 进行中
        [closed] 已截止
       *[published] 已公布
    }”状态的调查不能变为“{ $to ->
        [draft] 草稿
        [scheduled] 已排定日程
        [open] 进行中
        [closed] 已截止
       *[published] 已公布
    }”；{ $count ->
    [0] 此后没有可转入的状态
    [1] 可转入的状态：{ $first ->
        [draft] 草稿
        [scheduled] 已排定日程
        [open] 进行中
        [closed] 已截止
       *[published] 已公布
    }
   *[other] 可转入的状态：{ $first ->
        [draft] 草稿
        [scheduled] 已排定日程
        [open] 进行中
        [closed] 已截止
       *[published] 已公布
    }、{ $second ->
        [draft] 草稿
        [scheduled] 已排定日程
        [open] 进行中
        [closed] 已截止
       *[published] 已公布
    }
}
error-detail = { $detail }
error-roster-line = 第{ $line }行：{ $problem }
error-roster-fields = 此行有{ $fields }个字段，而标题行有{ $header }个
error-roster-language-not-offered = 本调查不提供语言 `{ $language }`（{ $offered }）
error-roster-cannot-group = 无法按 { $breakdowns } 对名单分组：{ $e }
error-roster-purge-before-close = `{ $survey }` 的名单只能在调查截止后清除
error-roster-encoding = 文件既不是 UTF-8 也不是 Shift_JIS 编码；请在 Excel 中将其另存为“CSV UTF-8(逗号分隔)”
error-roster-control-character = `{ $name }` 含有控制字符（{ $code }）
error-name-control-character = { $field ->
    [survey] 调查名称
    [organisation] 组织名称
   *[person] 名称
}不能包含控制字符（{ $code }）
error-issuer-key-sealed-otherwise = 签发方密钥 { $key } 无法用当前的主密钥打开：{ $e }
error-answer-language-not-offered = 请使用本调查提供的语言之一作答：{ $offered }
error-form-not-utf8 = 表单不是 UTF-8 文本（第{ $at }个字节无法按 UTF-8 解码）；请在页面上通过浏览器提交
error-upload-malformed = 上传的内容格式不正确：{ $e }
error-report-needs-a-language = 请为报告至少选择一种语言
error-report-language-not-offered = 无法用 `{ $asked }` 生成报告：问卷文本和报告用语齐全的语言为 { $offered }
error-data-once-closed = 匿名数据文件在调查截止后生成
error-data-language-not-offered = 无法用 `{ $asked }` 标注数据文件：问卷的语言为 { $offered }
error-data-too-few = 本调查有 { $responses } 份回复，少于匿名阈值 { $k }：无法生成符合要求的数据文件
error-data-free-text-too-few = 回复达到 { $k } 份（自由填写意见阈值）时才能在数据文件中包含自由填写内容；本调查有 { $responses } 份
error-data-format = `{ $format }` 不是数据文件格式；请选择 csv 或 sav
error-publishing-already = 报告已在发布中

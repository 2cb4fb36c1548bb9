error-plan-has-no-fieldwork-dates = 실시 계획에 조사 기간 날짜가 없습니다
error-only-reminder-has-not-been = 지금 보낼 수 있는 것은 아직 보내지 않은 리마인더뿐입니다
error-header-cannot-read = 머리글 행을 읽을 수 없습니다: { $e }
error-there-no-email-column-header = 머리글에 `email` 열이 없습니다
error-column-needs-name-letters-digits = `{ $h }` 열의 이름에는 문자, 숫자, `_`, `-`만 사용할 수 있습니다
error-column-appears-twice = `{ $h }` 열이 두 번 있습니다
error-already-line = { $email }은(는) 이미 { $first }행에 있습니다
error-empty = `{ $name }`이(가) 비어 있습니다
error-roster-has-no-invitees = 명단에 초대 대상자가 없습니다
error-report-made-once-survey-closed = 보고서는 조사가 마감된 후에 작성됩니다
error-survey-not-open-yet-please = 이 조사는 아직 시작되지 않았습니다. 조사가 시작된 후 링크를 다시 이용해 주십시오
error-survey-closed-no-longer-takes = 이 조사는 마감되어 더 이상 응답을 받지 않습니다
error-token-request-not-valid = 응답권 요청이 올바르지 않습니다: { $e }
error-token-request-names-another-key = 응답권 요청에 지정된 키가 이 초대의 키와 다릅니다. 페이지를 새로 고쳐 주십시오
error-blinded-message-cannot-signed = 블라인드 처리된 메시지에 서명할 수 없습니다: { $e }
error-invitation-has-already-been-used = 이 초대로 이미 익명 응답권을 받았습니다. 초대 1건당 응답권은 1개입니다
error-ballot-has-already-been-used = 이 응답권은 이미 사용되었습니다. 이 응답권으로 한 응답이 저장되어 있으며, 응답권 1개는 한 번만 집계됩니다
error-salt-must-32-random-bytes = 솔트는 base64url로 나타낸 32바이트 임의 값이어야 합니다: { $e }
error-ballot-token-not-valid = 응답권(토큰)이 올바르지 않습니다: { $why }
error-tally-made-when-survey-closes = 집계는 조사가 마감될 때 작성됩니다
error-management-user-belongs-organisation = 경영진 사용자는 조직에 소속됩니다
error-operators-do-not-belong-client = 운영자는 고객 조직에 소속되지 않습니다
error-there-already-account = { $email } 계정이 이미 있습니다
error-you-cannot-disable-your-own = 자신의 계정은 비활성화할 수 없습니다. 다른 관리자는 할 수 있습니다
error-give-token-name = 토큰에 이름을 지정하십시오
error-there-already-client-named = 이름이 { $name }인 고객이 이미 있습니다
error-password-must-least-12-characters = 비밀번호는 12자 이상이어야 합니다
error-choose-existing-client-organisation = 등록된 고객 조직을 선택하십시오
error-questionnaire-has-problems =
    설문에 문제가 있습니다:
    { $e }
error-offer-least-one-language = 언어를 하나 이상 제공하십시오
error-questionnaire-has-no-texts-choose = 설문에 `{ $bad }` 텍스트가 없습니다. 다음 중에서 선택하십시오: { $offered }
error-anonymity-threshold-cannot-below-asked = 익명성 임계값은 { $MIN_THRESHOLD }보다 작을 수 없습니다(지정값: { $asked })
error-comment-threshold-cannot-below-anonymity = 자유 응답 임계값({ $c })은 익명성 임계값({ $k })보다 작을 수 없습니다
error-not-roster-column-name-use = `{ $bad }`은(는) 명단의 열 이름이 아닙니다(문자, 숫자, `_`, `-`를 사용하십시오)
error-import-roster-before-scheduling = 일정을 확정하기 전에 명단을 가져오십시오
error-save-fieldwork-plan-before-scheduling = 일정을 확정하기 전에 실시 계획을 저장하십시오
error-survey-was-changed-meanwhile-another = 그 사이에 조사가 변경되었습니다(다른 창에서, 또는 다른 사람이). 페이지를 새로 고친 후 다시 시도하십시오
error-body-larger-than-bytes-most = 본문이 { $limit }바이트보다 큽니다. 이 경로가 받을 수 있는 최대 크기입니다
error-json-body-not-valid = JSON 본문이 올바르지 않습니다: { $e }
error-send-body-application-json = 본문은 application/json으로 보내십시오
error-body-cannot-read = 본문을 읽을 수 없습니다: { $other }
error-send-form-application-x-www = 양식은 application/x-www-form-urlencoded로 보내십시오
error-form-cannot-read = 양식을 읽을 수 없습니다: { $other }
error-form-cannot-read-2 = 양식을 읽을 수 없습니다: { $e }
error-form-holds-nul-character-00 = 양식에 NUL 문자(%00)가 있습니다. 어떤 필드에도 이 문자를 넣을 수 없습니다
error-upload-too-large-most-mb = 업로드한 파일이 너무 큽니다(최대 { $mb }MB)
error-form-has-no = 양식에 `{ $name }`이(가) 없습니다
error-not-utf-8-text = `{ $name }`이(가) UTF-8 텍스트가 아닙니다
error-e-mail-address-has-most = 이메일 주소는 최대 { $MAX_EMAIL_LEN }자, 비밀번호는 최대 { $MAX_PASSWORD_LEN }자입니다
error-unknown-language = 알 수 없는 언어입니다
error-tally-made-when-survey-closes-2 = 집계는 조사가 마감될 때 작성됩니다
error-choose-client-organisation = 고객 조직을 선택하십시오
error-choose-template-upload-toml-file = 템플릿을 선택하거나 TOML 파일을 업로드하십시오
error-send-token-request-application-private = 응답권 요청은 application/private-token-request로 보내십시오
error-token-request-cannot-read = 응답권 요청을 읽을 수 없습니다: { $e }
error-please-check-your-answers-each = 응답을 확인해 주십시오. 문제가 있는 부분은 해당 질문에 표시되어 있습니다
error-your-answers-were-stored-already = 응답은 이미 저장되어 있었습니다(확인 메시지가 전달되지 않았습니다). 귀하의 접수 번호는 다음과 같습니다
error-not-e-mail-address = `{ $email }`은(는) 이메일 주소가 아닙니다
error-survey-needs-name = 조사 이름을 입력하십시오
error-organisation-needs-name-1-200 = 조직 이름은 1~200자로 입력하십시오
error-name-empty = 이름이 비어 있습니다
error-not-found = 이 페이지는 존재하지 않습니다.
error-log-in = 로그인하십시오.
error-forbidden = 이 작업을 할 권한이 없습니다.
error-too-many-attempts = 로그인 실패 횟수가 너무 많습니다. { $minutes }분 후에 다시 시도하십시오.
error-form-expired = 이 양식의 유효 기간이 지났습니다. 페이지를 새로 고친 후 다시 시도하십시오.
error-internal = 서버 측에 문제가 발생했습니다. 다시 시도하십시오.
error-survey-not-in-state = 이 조사는 '{ $state ->
        [draft] 초안
        [scheduled] 일정 확정
        [open] 진행 중
        [closed] 마감
       *[published] 공개됨
    }' 상태이며, '{ $needed ->
        [draft] 초안
        [scheduled] 일정 확정
        [open] 진행 중
        [closed] 마감
       *[published] 공개됨
    }' 상태의 조사만 { $action ->
    [roster] 새 명단을 가져올
    [questionnaire] 설문을 변경할
    [plan] 실시 계획을 변경할
    [settings] 설정을 변경할
   *[remind] 리마인더를 보낼
} 수 있습니다
error-survey-cannot-become = '{ $from ->
        [draft] 초안
        [scheduled] 일정 확정
        [open] 진행 중
        [closed] 마감
       *[published] 공개됨
    }' 상태의 조사는 '{ $to ->
        [draft] 초안
        [scheduled] 일정 확정
        [open] 진행 중
        [closed] 마감
       *[published] 공개됨
    }' 상태가 될 수 없습니다. { $count ->
    [0] 이후로 넘어갈 수 있는 상태가 없습니다
    [1] 넘어갈 수 있는 상태: { $first ->
        [draft] 초안
        [scheduled] 일정 확정
        [open] 진행 중
        [closed] 마감
       *[published] 공개됨
    }
   *[other] 넘어갈 수 있는 상태: { $first ->
        [draft] 초안
        [scheduled] 일정 확정
        [open] 진행 중
        [closed] 마감
       *[published] 공개됨
    }, { $second ->
        [draft] 초안
        [scheduled] 일정 확정
        [open] 진행 중
        [closed] 마감
       *[published] 공개됨
    }
}
error-detail = { $detail }
error-roster-line = { $line }행: { $problem }
error-roster-fields = 필드가 { $fields }개이지만 머리글에는 { $header }개가 있습니다
error-roster-language-not-offered = 이 조사는 언어 `{ $language }`을(를) 제공하지 않습니다({ $offered })
error-roster-cannot-group = 명단을 { $breakdowns }(으)로 그룹화할 수 없습니다: { $e }
error-roster-purge-before-close = `{ $survey }`의 명단은 조사가 마감된 후에만 삭제할 수 있습니다
error-roster-encoding = 파일이 UTF-8도 Shift_JIS도 아닙니다. Excel에서 "CSV UTF-8(쉼표로 분리)" 형식으로 저장하십시오
error-roster-control-character = `{ $name }`에 제어 문자({ $code })가 있습니다
error-name-control-character = { $field ->
    [survey] 조사 이름
    [organisation] 조직 이름
   *[person] 이름
}에는 제어 문자({ $code })를 넣을 수 없습니다
error-issuer-key-sealed-otherwise = 발급자 키 { $key }을(를) 현재 마스터 키로 열 수 없습니다: { $e }
error-answer-language-not-offered = 이 조사의 언어 중 하나로 응답해 주십시오: { $offered }
error-form-not-utf8 = 양식이 UTF-8 텍스트가 아닙니다({ $at }번째 바이트를 UTF-8로 해석할 수 없습니다). 페이지에서 브라우저로 보내십시오
error-upload-malformed = 업로드한 파일의 형식이 올바르지 않습니다: { $e }
error-report-needs-a-language = 보고서 언어를 하나 이상 선택하십시오
error-report-language-not-offered = `{ $asked }`(으)로는 보고서를 만들 수 없습니다. 설문 문구와 보고서 용어가 모두 있는 언어는 { $offered }입니다
error-data-once-closed = 익명 데이터 파일은 조사가 마감된 후에 만들 수 있습니다
error-data-language-not-offered = `{ $asked }`(으)로는 데이터 파일에 레이블을 붙일 수 없습니다. 설문의 언어는 { $offered }입니다
error-data-too-few = 응답이 { $responses }건으로 익명성 임계값({ $k })보다 적어 데이터 파일을 만들 수 없습니다
error-data-free-text-too-few = 자유 응답은 응답이 { $k }건(자유 응답 임계값) 이상일 때만 데이터 파일에 넣을 수 있습니다. 이 조사의 응답은 { $responses }건입니다
error-data-format = `{ $format }`은(는) 데이터 파일 형식이 아닙니다. csv 또는 sav를 선택하십시오
error-publishing-already = 보고서를 이미 게시하는 중입니다

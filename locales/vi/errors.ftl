error-plan-has-no-fieldwork-dates = kế hoạch thực hiện chưa có ngày khảo sát
error-only-reminder-has-not-been = hiện chỉ có thể gửi lời nhắc chưa được gửi
error-header-cannot-read = không đọc được dòng tiêu đề: { $e }
error-there-no-email-column-header = dòng tiêu đề không có cột `email`
error-column-needs-name-letters-digits = tên cột `{ $h }` chỉ được gồm chữ cái, chữ số, `_` hoặc `-`
error-column-appears-twice = cột `{ $h }` xuất hiện hai lần
error-already-line = { $email } đã có ở dòng { $first }
error-empty = `{ $name }` đang trống
error-roster-has-no-invitees = danh sách nhân viên không có người được mời
error-report-made-once-survey-closed = báo cáo chỉ được lập sau khi cuộc khảo sát kết thúc
error-survey-not-open-yet-please = cuộc khảo sát này chưa bắt đầu; Anh/Chị vui lòng dùng lại đường link của mình khi cuộc khảo sát bắt đầu
error-survey-closed-no-longer-takes = cuộc khảo sát này đã kết thúc và không còn nhận câu trả lời
error-token-request-not-valid = yêu cầu cấp phiếu trả lời không hợp lệ: { $e }
error-token-request-names-another-key = yêu cầu cấp phiếu trả lời chỉ định một khóa khác với khóa của lời mời này; vui lòng tải lại trang
error-blinded-message-cannot-signed = không thể ký thông điệp đã được làm mù: { $e }
error-invitation-has-already-been-used = lời mời này đã được dùng để nhận một phiếu trả lời ẩn danh; mỗi lời mời chỉ cấp một phiếu
error-ballot-has-already-been-used = phiếu trả lời này đã được sử dụng: một câu trả lời dùng phiếu này đã được lưu, và mỗi phiếu chỉ được tính một lần
error-salt-must-32-random-bytes = giá trị salt phải là 32 byte ngẫu nhiên ở dạng base64url: { $e }
error-ballot-token-not-valid = phiếu trả lời (token) không hợp lệ: { $why }
error-tally-made-when-survey-closes = bản tổng hợp kết quả được lập khi cuộc khảo sát kết thúc
error-management-user-belongs-organisation = người dùng thuộc ban lãnh đạo phải thuộc về một tổ chức
error-operators-do-not-belong-client = nhân viên vận hành không thuộc về tổ chức khách hàng
error-there-already-account = đã có tài khoản cho { $email }
error-you-cannot-disable-your-own = không thể tự vô hiệu hóa tài khoản của chính mình; một quản trị viên khác có thể làm việc này
error-give-token-name = vui lòng đặt tên cho token
error-there-already-client-named = đã có khách hàng tên là { $name }
error-password-must-least-12-characters = mật khẩu phải dài ít nhất 12 ký tự
error-choose-existing-client-organisation = vui lòng chọn một tổ chức khách hàng đã có
error-questionnaire-has-problems =
    bảng khảo sát có vấn đề:
    { $e }
error-offer-least-one-language = vui lòng cung cấp ít nhất một ngôn ngữ
error-questionnaire-has-no-texts-choose = bảng khảo sát không có nội dung bằng `{ $bad }`; vui lòng chọn trong số { $offered }
error-anonymity-threshold-cannot-below-asked = ngưỡng ẩn danh không được nhỏ hơn { $MIN_THRESHOLD } (giá trị đã nhập: { $asked })
error-comment-threshold-cannot-below-anonymity = ngưỡng ý kiến tự do ({ $c }) không được nhỏ hơn ngưỡng ẩn danh ({ $k })
error-not-roster-column-name-use = `{ $bad }` không phải là tên cột hợp lệ của danh sách nhân viên (hãy dùng chữ cái, chữ số, `_` hoặc `-`)
error-import-roster-before-scheduling = vui lòng nhập danh sách nhân viên trước khi lên lịch
error-save-fieldwork-plan-before-scheduling = vui lòng lưu kế hoạch thực hiện trước khi lên lịch
error-survey-was-changed-meanwhile-another = cuộc khảo sát đã bị thay đổi trong lúc đó (ở một cửa sổ khác, hoặc bởi người khác); vui lòng tải lại trang và thử lại
error-body-larger-than-bytes-most = nội dung yêu cầu lớn hơn { $limit } byte, mức tối đa mà đường dẫn này chấp nhận
error-json-body-not-valid = nội dung JSON không hợp lệ: { $e }
error-send-body-application-json = vui lòng gửi nội dung dưới dạng application/json
error-body-cannot-read = không đọc được nội dung yêu cầu: { $other }
error-send-form-application-x-www = vui lòng gửi biểu mẫu dưới dạng application/x-www-form-urlencoded
error-form-cannot-read = không đọc được biểu mẫu: { $other }
error-form-cannot-read-2 = không đọc được biểu mẫu: { $e }
error-form-holds-nul-character-00 = biểu mẫu chứa ký tự NUL (%00), là ký tự không trường nào được phép chứa
error-upload-too-large-most-mb = tệp tải lên quá lớn (tối đa { $mb } MB)
error-form-has-no = biểu mẫu không có `{ $name }`
error-not-utf-8-text = `{ $name }` không phải là văn bản UTF-8
error-e-mail-address-has-most = địa chỉ email dài tối đa { $MAX_EMAIL_LEN } ký tự, và mật khẩu tối đa { $MAX_PASSWORD_LEN } ký tự
error-unknown-language = ngôn ngữ không xác định
error-tally-made-when-survey-closes-2 = bản tổng hợp kết quả được lập khi cuộc khảo sát kết thúc
error-choose-client-organisation = vui lòng chọn một tổ chức khách hàng
error-choose-template-upload-toml-file = vui lòng chọn một mẫu hoặc tải lên tệp TOML
error-send-token-request-application-private = vui lòng gửi yêu cầu cấp phiếu trả lời dưới dạng application/private-token-request
error-token-request-cannot-read = không đọc được yêu cầu cấp phiếu trả lời: { $e }
error-please-check-your-answers-each = Anh/Chị vui lòng kiểm tra lại câu trả lời; mỗi vấn đề được ghi ngay tại câu hỏi liên quan
error-your-answers-were-stored-already = câu trả lời của Anh/Chị đã được lưu từ trước (thông báo xác nhận chưa đến được với Anh/Chị); đây là mã biên nhận của Anh/Chị
error-not-e-mail-address = `{ $email }` không phải là địa chỉ email
error-survey-needs-name = cuộc khảo sát cần có tên
error-organisation-needs-name-1-200 = tên tổ chức phải dài từ 1 đến 200 ký tự
error-name-empty = tên đang trống
error-not-found = Trang này không tồn tại.
error-log-in = Vui lòng đăng nhập.
error-forbidden = Anh/Chị không có quyền thực hiện thao tác này.
error-too-many-attempts = Đăng nhập thất bại quá nhiều lần; vui lòng thử lại sau { $minutes } phút.
error-form-expired = Biểu mẫu này đã hết hạn; vui lòng tải lại trang và thử lại.
error-internal = Đã xảy ra sự cố ở phía chúng tôi; vui lòng thử lại.
error-survey-not-in-state = cuộc khảo sát đang ở trạng thái “{ $state ->
        [draft] bản nháp
        [scheduled] đã lên lịch
        [open] đang diễn ra
        [closed] đã kết thúc
       *[published] đã công bố
    }”, và chỉ cuộc khảo sát ở trạng thái “{ $needed ->
        [draft] bản nháp
        [scheduled] đã lên lịch
        [open] đang diễn ra
        [closed] đã kết thúc
       *[published] đã công bố
    }” mới có thể { $action ->
    [roster] nhận danh sách nhân viên mới
    [questionnaire] thay đổi bảng khảo sát
    [plan] thay đổi kế hoạch thực hiện
    [settings] thay đổi cài đặt
   *[remind] gửi lời nhắc
}
error-survey-cannot-become = cuộc khảo sát ở trạng thái “{ $from ->
        [draft] bản nháp
        [scheduled] đã lên lịch
        [open] đang diễn ra
        [closed] đã kết thúc
       *[published] đã công bố
    }” không thể chuyển sang “{ $to ->
        [draft] bản nháp
        [scheduled] đã lên lịch
        [open] đang diễn ra
        [closed] đã kết thúc
       *[published] đã công bố
    }”; { $count ->
    [0] không còn trạng thái nào tiếp theo
    [1] chỉ có thể chuyển sang trạng thái { $first ->
        [draft] bản nháp
        [scheduled] đã lên lịch
        [open] đang diễn ra
        [closed] đã kết thúc
       *[published] đã công bố
    }
   *[other] chỉ có thể chuyển sang trạng thái { $first ->
        [draft] bản nháp
        [scheduled] đã lên lịch
        [open] đang diễn ra
        [closed] đã kết thúc
       *[published] đã công bố
    } hoặc { $second ->
        [draft] bản nháp
        [scheduled] đã lên lịch
        [open] đang diễn ra
        [closed] đã kết thúc
       *[published] đã công bố
    }
}
error-detail = { $detail }
error-roster-line = dòng { $line }: { $problem }
error-roster-fields = dòng này có { $fields } trường trong khi dòng tiêu đề có { $header }
error-roster-language-not-offered = cuộc khảo sát này không có ngôn ngữ `{ $language }` ({ $offered })
error-roster-cannot-group = không thể chia nhóm danh sách nhân viên theo { $breakdowns }: { $e }
error-roster-purge-before-close = danh sách nhân viên của `{ $survey }` chỉ có thể bị xóa sau khi cuộc khảo sát kết thúc
error-roster-encoding = tệp không phải UTF-8 cũng không phải Shift_JIS; trong Excel, hãy lưu tệp dưới dạng “CSV UTF-8 (Comma delimited)”
error-roster-control-character = `{ $name }` chứa ký tự điều khiển ({ $code })
error-name-control-character = { $field ->
    [survey] tên cuộc khảo sát
    [organisation] tên tổ chức
   *[person] tên
} không được chứa ký tự điều khiển ({ $code })
error-issuer-key-sealed-otherwise = không mở được khóa của bên phát hành { $key } bằng khóa chính hiện tại: { $e }
error-answer-language-not-offered = vui lòng trả lời bằng một trong các ngôn ngữ của cuộc khảo sát này: { $offered }
error-form-not-utf8 = biểu mẫu không phải là văn bản UTF-8 (byte thứ { $at } không giải mã được); vui lòng gửi từ trang web như trình duyệt vẫn làm
error-upload-malformed = tệp tải lên bị sai định dạng: { $e }
error-report-needs-a-language = hãy chọn ít nhất một ngôn ngữ cho báo cáo
error-report-language-not-offered = không thể lập báo cáo bằng `{ $asked }`: các ngôn ngữ có đủ nội dung bảng khảo sát và từ ngữ báo cáo là { $offered }
error-data-once-closed = tệp dữ liệu ẩn danh chỉ được lập sau khi cuộc khảo sát kết thúc
error-data-language-not-offered = không thể gắn nhãn tệp dữ liệu bằng `{ $asked }`: bảng khảo sát có các ngôn ngữ { $offered }
error-data-too-few = cuộc khảo sát có { $responses } câu trả lời, ít hơn ngưỡng ẩn danh { $k }: không thể lập tệp dữ liệu
error-data-free-text-too-few = chỉ đưa ý kiến tự do vào tệp dữ liệu khi có từ { $k } câu trả lời (ngưỡng ý kiến tự do); cuộc khảo sát có { $responses }
error-data-format = `{ $format }` không phải định dạng tệp dữ liệu; hãy chọn csv hoặc sav
error-publishing-already = báo cáo đang được công bố

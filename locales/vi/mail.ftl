mail-invitation-subject = Lời mời tham gia khảo sát: { $survey }
mail-invitation-body =
    Anh/Chị được mời tham gia một cuộc khảo sát nhân viên.

    Anh/Chị vui lòng trả lời qua đường link dưới đây (đường link này chỉ dành riêng cho Anh/Chị; vui lòng không chuyển tiếp cho người khác):
    { $link }

    Cuộc khảo sát này do một công ty khảo sát độc lập thực hiện, không phải do công ty. Khi Anh/Chị mở đường link, một phiếu trả lời ẩn danh sẽ được tạo ngay trong trình duyệt của Anh/Chị, và câu trả lời chỉ được tiếp nhận kèm phiếu trả lời đó: cả công ty lẫn công ty khảo sát đều không thể biết ai đã trả lời những gì.
mail-reminder-subject = Lời nhắc: { $survey }
mail-reminder-body =
    Nếu Anh/Chị chưa trả lời, chúng tôi rất mong nhận được ý kiến của Anh/Chị.

    Anh/Chị vui lòng trả lời qua đường link dưới đây (đường link này chỉ dành riêng cho Anh/Chị; vui lòng không chuyển tiếp cho người khác):
    { $link }

    Cuộc khảo sát này do một công ty khảo sát độc lập thực hiện, không phải do công ty. Khi Anh/Chị mở đường link, một phiếu trả lời ẩn danh sẽ được tạo ngay trong trình duyệt của Anh/Chị, và câu trả lời chỉ được tiếp nhận kèm phiếu trả lời đó: cả công ty lẫn công ty khảo sát đều không thể biết ai đã trả lời những gì.

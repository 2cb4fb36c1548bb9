# Invitation and reminder e-mails (plain text). A reminder goes either only to those without a
# ballot or to everyone (the same link again), so it must read well for someone who has answered.

mail-invitation-subject = Invitation: { $survey }
mail-invitation-body =
    You are invited to take part in an employee survey.

    Please answer through this link (it is yours alone; please do not forward it):
    { $link }

    The survey is run by an independent research firm, not by the company. Opening the link makes an anonymous ballot in your own browser, and your answers are accepted with that ballot only: neither the company nor the firm can tell who answered what.
mail-reminder-subject = Reminder: { $survey }
mail-reminder-body =
    If you have not answered yet, we would appreciate your views.

    Please answer through this link (it is yours alone; please do not forward it):
    { $link }

    The survey is run by an independent research firm, not by the company. Opening the link makes an anonymous ballot in your own browser, and your answers are accepted with that ballot only: neither the company nor the firm can tell who answered what.

# Answer validation: what a respondent reads beside a question the server refused.

validation-not-an-object = the answers must be a JSON object keyed by question id
validation-unknown-question = there is no such question in this questionnaire
validation-required = this question needs an answer
validation-hidden = this question is not shown for your earlier answers, so it cannot be answered
validation-wrong-shape = the answer has the wrong form: expected { $expected }
validation-unknown-option = `{ $option }` is not one of the options
validation-duplicate-option = `{ $option }` is chosen more than once
validation-no-other = this question has no "other" answer
validation-other-empty = please specify what "other" means
validation-too-few-choices = choose at least { $min } (you chose { $got })
validation-too-many-choices = choose at most { $max } (you chose { $got })
validation-exclusive-combined = `{ $option }` cannot be combined with other choices
validation-out-of-range = { $got } is outside the allowed range { $min } to { $max }
validation-whole-number = enter a whole number
validation-too-many-decimals = enter at most { $decimals ->
    [one] one digit
   *[other] { $decimals } digits
} after the decimal point
validation-no-not-applicable = this scale has no "not applicable" answer
validation-too-long = the text is { $got } characters long; at most { $max } are allowed
validation-unknown-item = `{ $item }` is not one of the statements
validation-missing-items = answer every statement (missing: { $items })
validation-ranking-length = rank exactly { $expected } options (you ranked { $got })

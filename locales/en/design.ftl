# The questionnaire template loader and the translators' XLIFF round trip: what is wrong with a
# template or an XLIFF file, and how to fix it (CLI, operator interface). Code, keys and TOML in
# backticks stay as they are in every language.

## A problem, at its place in the file

design-diagnostic = { $file }:{ $line }:{ $column }: { $message }
design-diagnostic-hinted =
    { $file }:{ $line }:{ $column }: { $message }
    {"  "}hint: { $hint }
# One problem per line.
design-problems = { $problems }
# The hint about a duplicate, with the line of the first.
design-hint-first-at = { $hint } (line { $line })
design-cannot-read = cannot read the template: { $error }
# $error: the TOML parser's own words, in English.
design-invalid-toml = invalid TOML: { $error }
design-integer-too-large = invalid TOML: integer is too large

## Values and tables

design-expected = expected { $expected }, found { $found }
design-kind-string = a string
design-kind-integer = an integer
design-kind-decimal = a decimal number
design-kind-boolean = a boolean
design-kind-date = a date
design-kind-array = an array
design-kind-table = a table
design-kind-number = a number
design-kind-true-or-false = `true` or `false`
design-kind-text = a localised text
design-kind-option-id = an option id of question `{ $question }`
design-kind-number-to-compare = a number to compare with `{ $question }`
design-count-at-least = `{ $key }` must be at least { $min }, not { $value }
design-count-between = `{ $key }` must be between { $min } and { $max }, not { $value }
design-key-empty = `{ $key }` is empty
design-missing-key = { $what } is missing `{ $key }`
design-unknown-key = unknown key `{ $key }` in { $what }
design-did-you-mean = did you mean `{ $suggestion }`?
design-hint-allowed-keys = the keys allowed here are: { $keys }
design-hint-add = add `{ $snippet }`
design-hint-use-one-of = use one of { $choices }
design-hint-add-one-of = add one of { $choices }

## The table a message is about ($what, $of)

design-what-questionnaire = the questionnaire
design-what-key = `{ $key }`
design-what-topic = topic `{ $topic }`
design-what-scale = scale `{ $scale }`
design-what-question-scale = the scale of question `{ $question }`
design-what-section-unnamed = section
design-what-section = section `{ $section }`
design-what-question-unnamed = question
design-what-question = question `{ $question }`
design-what-condition = the condition of question `{ $question }`
design-what-option = an option of { $of }
design-what-option-named = option `{ $id }` of { $of }
design-what-item = an item of { $of }
design-what-item-named = item `{ $id }` of { $of }
design-what-other = the `other` of { $of }

## Identifiers

design-id-empty = an identifier cannot be empty
design-id-too-long = identifier `{ $id }` is longer than { $max } characters
design-id-bad-start = identifier `{ $id }` must start with a lowercase letter
design-id-bad-char = identifier `{ $id }` contains `{ $character }`; use lowercase letters, digits and `_`
design-scale-name-empty = a scale name cannot be empty
design-scale-name-too-long = scale name `{ $name }` is longer than { $max } characters
design-scale-name-bad-start = scale name `{ $name }` must start with a lowercase letter
design-scale-name-bad-char = scale name `{ $name }` contains `{ $character }`; use lowercase letters, digits and `_`
design-hint-id = add `id = "…"`
design-hint-id-example = for example `support_overall`
design-hint-duplicate = ids must be unique; rename this one or the first `{ $id }`
design-duplicate-section = duplicate section id `{ $id }`
design-duplicate-question = duplicate question id `{ $id }`
design-duplicate-option = duplicate option id `{ $id }`
design-duplicate-item = duplicate item id `{ $id }`

## The questionnaire and its languages

design-hint-questionnaire-id = add `id = "…"`, e.g. `id = "alumni_network_opinion"`
design-hint-version = add `version = 1` and raise it when the questions change
design-meaning-title = the questionnaire's title
design-meaning-anonymity-statement = what the firm and the company can and cannot see
design-lang-invalid = `{ $tag }` is not a language tag; write a code such as `ja`, `en` or `pt-BR`
design-hint-languages = add `languages = ["ja", "en"]`: every text is then given in these languages
design-language-twice = language `{ $lang }` is listed twice
design-hint-default-language = add `default_language = "ja"`: it is shown when a respondent's language is not offered
design-default-language-undeclared = the default language `{ $lang }` is not one of `languages`
design-hint-default-language-undeclared = add `{ $lang }` to `languages` or choose one of { $declared }

## Localised texts

# $meaning: what the text is for, one of the design-meaning-… messages.
design-hint-add-text = add `{ $key } = { $form }`: { $meaning }
design-hint-text-form = write the text in every language: `{ $form }`
design-language-undeclared = language `{ $lang }` is not declared in `languages`
design-hint-language-undeclared = add it to `languages` or remove this text; declared: { $declared }
design-text-empty = the `{ $lang }` text is empty
design-text-missing-languages = text is missing { $languages }
design-hint-text-missing-languages = every text needs all languages declared in `languages` ({ $declared }): add `{ $first } = "…"`

## The anonymity statement ($k and $comment_k are the placeholders `{k}` and `{comment_k}`)

design-statement-unknown-placeholder = unknown placeholder `{ $placeholder }` in the `{ $lang }` anonymity statement
design-hint-statement-placeholders = the placeholders are `{ $k }` (the smallest group results are shown for) and `{ $comment_k }` (the fewest respondents comments are shown for)
design-statement-number = the `{ $lang }` anonymity statement writes the number `{ $number }` itself
design-hint-statement-number = write `{ $k }` where the smallest group results are shown for belongs and `{ $comment_k }` where the fewest respondents for comments does: the survey's own thresholds fill them when the statement is shown, so it never promises other numbers
design-statement-no-thresholds = the `{ $lang }` anonymity statement does not name the survey's thresholds: it lacks { $placeholders }
# $examples: sentences to add, in the statement's language (design-example-…); $count: how many.
design-hint-statement-thresholds = add, for example, `{ $examples }` ({ $count ->
    [one] it is
   *[other] they are
} filled with the survey's own threshold when shown)
design-hint-statement-thresholds-comments = add, for example, `{ $examples }` ({ $count ->
    [one] it is
   *[other] they are
} filled with the survey's own threshold when shown; the questionnaire asks for comments, so the statement says when they are shown)
# Sentences for a template's anonymity statement, in the statement's own language.
design-example-statement-k = Results are shown only for groups of at least { $k } respondents.
design-example-statement-comment-k = Comments are shown only when at least { $comment_k } people have responded.

## Topics and scales

design-meaning-topic-label = the topic's name in reports
design-unknown-topic = unknown topic `{ $topic }`
design-hint-declare-topic = declare it with `[topics.{ $topic }]` and a `label`
design-hint-points = add `points = 5` (or 7)
design-scale-points = a scale has 5 or 7 points, not { $points }
design-hint-scale-points = use `points = 5` or `points = 7`
design-hint-labels = add `labels = [ … ]` with one text per point, lowest first, e.g. `{ $form }`
design-no-labels = { $what } has no labels
design-labels-per-point = { $what } has { $points } points but { $labels ->
    [one] { $labels } label
   *[other] { $labels } labels
}
design-hint-labels-per-point = give exactly one label per point, lowest first
design-hint-favourable = list the points that count as favourable, e.g. `[4, 5]`
design-favourable-off-scale = favourable point { $point } is not on the scale (1 to { $points })
design-unknown-scale = unknown scale `{ $scale }`
design-hint-declare-scale = declare it with `[scales.{ $scale }]`, or write the scale inline
design-hint-scale = add `scale = "NAME"` naming a `[scales.NAME]`, or an inline scale

## Sections and questions

design-hint-sections = add a `[[sections]]` with an `id`, a `title` and `[[sections.questions]]`
design-no-sections = the questionnaire has no sections
design-meaning-section-title = the page's heading
design-hint-questions = add `[[sections.questions]]` tables
design-no-questions = { $what } has no questions
design-hint-question-id = add `id = "…"`, unique in the questionnaire
design-hint-type = add `type = "…"`, one of { $types }
design-meaning-question-text = the question as the respondent reads it
design-unknown-type = unknown question type `{ $name }`
design-meaning-low-label = the label of 0
design-meaning-high-label = the label of 10
design-ranking-too-few = { $what } ranks fewer than two options
design-hint-ranking-too-few = a ranking needs at least two options
design-options-empty = { $what } has an empty option list
design-items-empty = { $what } has no items
design-meaning-option-label = the option as the respondent reads it
design-meaning-item-text = the statement as the respondent reads it
design-meaning-other-label = e.g. "Other (please specify)"
design-max-above-choices = `max` ({ $max }) is above the number of choices ({ $choices })
design-hint-max-above-choices = lower `max` to { $choices } or less, or add options
design-min-above-max = `min` ({ $min }) is above `max` ({ $max })
design-hint-min-above-max = lower `min` or raise `max`
design-bound-decimals = `{ $key }` has more decimals than `decimals` ({ $decimals }) allows, or is too large

## Conditions (`show_if`)

design-no-conditions = `{ $key }` has no conditions
design-hint-no-conditions = list at least one condition
design-hint-condition-question = name an earlier question with `question = "…"`, or combine conditions with `not`, `and`, `or`
design-condition-unknown-question = the condition names an unknown question `{ $question }`
design-hint-condition-names-id = a condition names the `id` of an earlier question
design-condition-names-itself = the condition names the question itself
design-condition-names-later = the condition names question `{ $question }`, which comes later
design-hint-condition-earlier = a condition can only look at questions answered before this one; move it earlier or drop the condition
# $kind: the question's `type`, as the template writes it.
design-condition-wrong-type = a condition cannot look at `{ $question }`, a { $kind } question
design-hint-condition-types = conditions look at single or multiple choice, likert, rating or number questions
design-condition-no-operator = the condition on `{ $question }` has no operator
design-condition-two-operators = the condition on `{ $question }` has both `{ $first }` and `{ $second }`
design-hint-condition-one-operator = one operator per condition; combine them with `and = [ … ]`
design-condition-unknown-option = `{ $option }` is not an option of question `{ $question }`
design-hint-options-are = the options are { $options }
design-hint-one-of-empty = list at least one value
design-condition-compare-choice = `{ $operator }` compares numbers, but `{ $question }` is a choice question
design-hint-condition-compare-choice = use `equals` or `one_of` with option ids

## Translation: XLIFF export and import

# $error: the TOML parser's own words, in English.
design-translate-not-toml = the template is not TOML: { $error }
design-translate-no-default-language = the template has no `default_language`
design-translate-not-a-language = `{ $tag }` is not a language code (like `vi` or `pt-BR`)
design-translate-source-language = `{ $lang }` is the template's default language, the source of every unit
# $reason: the XML parser's own words (in English), or one of the three messages below.
design-xliff-unreadable = the XLIFF file cannot be read at byte { $at }: { $reason }
design-xliff-unknown-entity = unknown entity `&{ $entity };`
design-xliff-unit-without-id = a unit without an id
design-xliff-no-target-language = the xliff element has no trgLang
# $unit: the unit's id, its place in the template (`sections.0.title`).
design-unit-not-in-xliff = { $unit }: not in the XLIFF file (exported from another version?)
design-unit-source-changed = { $unit }: the source changed since the export (now { $now }, the file has { $file }); export again
design-unit-untranslated = { $unit }: untranslated ({ $note })
design-unit-not-in-template = { $unit }: no such text in the template
design-translate-merged-invalid =
    the merged template does not load:
    { $problems }

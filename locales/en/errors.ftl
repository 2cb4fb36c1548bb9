error-plan-has-no-fieldwork-dates = the plan has no fieldwork dates
error-only-reminder-has-not-been = only a reminder that has not been sent can be sent now
error-header-cannot-read = the header cannot be read: { $e }
error-there-no-email-column-header = there is no `email` column in the header
error-column-needs-name-letters-digits = column `{ $h }` needs a name of letters, digits, `_` or `-`
error-column-appears-twice = column `{ $h }` appears twice
error-already-line = { $email } is already on line { $first }
error-empty = `{ $name }` is empty
error-roster-has-no-invitees = the roster has no invitees
error-report-made-once-survey-closed = a report is made once the survey is closed
error-survey-not-open-yet-please = this survey is not open yet; please use your link again once it opens
error-survey-closed-no-longer-takes = this survey is closed and no longer takes answers
error-token-request-not-valid = the token request is not valid: { $e }
error-token-request-names-another-key = the token request names another key than this invitation's; reload the page
error-blinded-message-cannot-signed = the blinded message cannot be signed: { $e }
error-invitation-has-already-been-used = this invitation has already been used to take an anonymous ballot; each invitation gives one
error-ballot-has-already-been-used = this ballot has already been used: a response with it is stored, and each ballot counts once
error-salt-must-32-random-bytes = the salt must be 32 random bytes in base64url: { $e }
error-ballot-token-not-valid = the ballot (token) is not valid: { $why }
error-tally-made-when-survey-closes = the tally is made when the survey closes
error-management-user-belongs-organisation = a management user belongs to an organisation
error-operators-do-not-belong-client = operators do not belong to a client organisation
error-there-already-account = there is already an account for { $email }
error-you-cannot-disable-your-own = you cannot disable your own account; another admin can
error-give-token-name = give the token a name
error-there-already-client-named = there is already a client named { $name }
error-password-must-least-12-characters = the password must be at least 12 characters long
error-choose-existing-client-organisation = choose an existing client organisation
error-questionnaire-has-problems = 
    the questionnaire has problems:
    { $e }
error-offer-least-one-language = offer at least one language
error-questionnaire-has-no-texts-choose = the questionnaire has no `{ $bad }` texts; choose among { $offered }
error-anonymity-threshold-cannot-below-asked = the anonymity threshold cannot be below { $MIN_THRESHOLD } (asked: { $asked })
error-comment-threshold-cannot-below-anonymity = the comment threshold ({ $c }) cannot be below the anonymity threshold ({ $k })
error-not-roster-column-name-use = `{ $bad }` is not a roster column name (use letters, digits, `_` or `-`)
error-import-roster-before-scheduling = import the roster before scheduling
error-save-fieldwork-plan-before-scheduling = save a fieldwork plan before scheduling
error-survey-was-changed-meanwhile-another = the survey was changed meanwhile (in another window, or by someone else); reload the page and try again
error-body-larger-than-bytes-most = the body is larger than { $limit } bytes, the most this path takes
error-json-body-not-valid = the JSON body is not valid: { $e }
error-send-body-application-json = send the body as application/json
error-body-cannot-read = the body cannot be read: { $other }
error-send-form-application-x-www = send the form as application/x-www-form-urlencoded
error-form-cannot-read = the form cannot be read: { $other }
error-form-cannot-read-2 = the form cannot be read: { $e }
error-form-holds-nul-character-00 = the form holds a NUL character (%00), which no field may contain
error-upload-too-large-most-mb = the upload is too large (at most { $mb } MB)
error-form-has-no = the form has no `{ $name }`
error-not-utf-8-text = `{ $name }` is not UTF-8 text
error-e-mail-address-has-most = an e-mail address has at most { $MAX_EMAIL_LEN } characters and a password at most { $MAX_PASSWORD_LEN }
error-unknown-language = unknown language
error-tally-made-when-survey-closes-2 = the tally is made when the survey closes
error-choose-client-organisation = choose a client organisation
error-choose-template-upload-toml-file = choose a template or upload a TOML file
error-send-token-request-application-private = send the token request as application/private-token-request
error-token-request-cannot-read = the token request cannot be read: { $e }
error-please-check-your-answers-each = please check your answers; each problem is shown at its question
error-your-answers-were-stored-already = your answers were stored already (the confirmation did not reach you); this is your receipt
error-not-e-mail-address = `{ $email }` is not an e-mail address
error-survey-needs-name = the survey needs a name
error-organisation-needs-name-1-200 = the organisation needs a name of 1 to 200 characters
error-name-empty = the name is empty
error-not-found = This page does not exist.
error-log-in = Please log in.
error-forbidden = You are not allowed to do this.
error-too-many-attempts = Too many failed logins; try again in { $minutes ->
    [one] one minute
   *[other] { $minutes } minutes
}.
error-form-expired = This form has expired; reload the page and try again.
error-internal = Something went wrong on our side; please try again.
error-survey-not-in-state = the survey is { $state ->
        [draft] draft
        [scheduled] scheduled
        [open] open
        [closed] closed
       *[published] published
    } and only a { $needed ->
        [draft] draft
        [scheduled] scheduled
        [open] open
        [closed] closed
       *[published] published
    } survey can { $action ->
    [roster] take a new roster
    [questionnaire] change its questionnaire
    [plan] change its plan
    [settings] change its settings
   *[remind] send a reminder
}
error-survey-cannot-become = a { $from ->
        [draft] draft
        [scheduled] scheduled
        [open] open
        [closed] closed
       *[published] published
    } survey cannot become { $to ->
        [draft] draft
        [scheduled] scheduled
        [open] open
        [closed] closed
       *[published] published
    }; { $count ->
    [0] nothing follows
    [1] it can go to: { $first ->
        [draft] draft
        [scheduled] scheduled
        [open] open
        [closed] closed
       *[published] published
    }
   *[other] it can go to: { $first ->
        [draft] draft
        [scheduled] scheduled
        [open] open
        [closed] closed
       *[published] published
    }, { $second ->
        [draft] draft
        [scheduled] scheduled
        [open] open
        [closed] closed
       *[published] published
    }
}
error-detail = { $detail }
error-roster-line = line { $line }: { $problem }
error-roster-fields = { $fields } fields where the header has { $header }
error-roster-language-not-offered = language `{ $language }` is not offered by this survey ({ $offered })
error-roster-cannot-group = the roster cannot be grouped by { $breakdowns }: { $e }
error-roster-purge-before-close = the roster of `{ $survey }` can be purged only after the survey has closed
error-roster-encoding = the file is neither UTF-8 nor Shift_JIS; in Excel, save it as “CSV UTF-8 (comma delimited)”
error-roster-control-character = `{ $name }` holds a control character ({ $code })
error-name-control-character = { $field ->
    [survey] the survey's name
    [organisation] the organisation's name
   *[person] the name
} cannot hold control characters ({ $code })
error-issuer-key-sealed-otherwise = issuer key { $key } does not open with the current master key: { $e }
error-answer-language-not-offered = answer in one of this survey's languages: { $offered }
error-form-not-utf8 = the form is not UTF-8 text (decoded byte { $at } is not); send it from the page as the browser does
error-upload-malformed = the upload is malformed: { $e }
error-report-needs-a-language = choose at least one language for the report
error-report-language-not-offered = the report cannot be written in `{ $asked }`: the questionnaire has texts and the reports have words for { $offered }
error-data-once-closed = the anonymous data file is made once the survey is closed
error-data-language-not-offered = the data file cannot be labelled in `{ $asked }`: the questionnaire has texts in { $offered }
error-data-too-few = the survey has { $responses } responses, fewer than the anonymity threshold of { $k }: no data file can respect it
error-data-free-text-too-few = free texts go in the data file only from { $k } responses (the comment threshold); the survey has { $responses }
error-data-format = `{ $format }` is not a data file format; choose csv or sav
error-publishing-already = the report is being published already

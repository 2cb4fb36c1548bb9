error-plan-has-no-fieldwork-dates = कार्यान्वयन योजनामा सर्वेक्षण अवधिका मितिहरू छैनन्
error-only-reminder-has-not-been = अहिले अझै नपठाइएको स्मरण सन्देश मात्र पठाउन सकिन्छ
error-header-cannot-read = शीर्ष पङ्क्ति पढ्न सकिएन: { $e }
error-there-no-email-column-header = शीर्ष पङ्क्तिमा `email` स्तम्भ छैन
error-column-needs-name-letters-digits = स्तम्भ `{ $h }` को नाममा अक्षर, अङ्क, `_` वा `-` मात्र हुनुपर्छ
error-column-appears-twice = स्तम्भ `{ $h }` दुई पटक आएको छ
error-already-line = { $email } पहिले नै पङ्क्ति { $first } मा छ
error-empty = `{ $name }` खाली छ
error-roster-has-no-invitees = नामावलीमा कुनै आमन्त्रित व्यक्ति छैन
error-report-made-once-survey-closed = सर्वेक्षण बन्द भएपछि मात्र रिपोर्ट बनाइन्छ
error-survey-not-open-yet-please = यो सर्वेक्षण अझै सुरु भएको छैन; सुरु भएपछि कृपया आफ्नो लिङ्क फेरि प्रयोग गर्नुहोस्
error-survey-closed-no-longer-takes = यो सर्वेक्षण बन्द भइसकेको छ र अब उत्तरहरू स्वीकार गर्दैन
error-token-request-not-valid = उत्तर टिकट अनुरोध मान्य छैन: { $e }
error-token-request-names-another-key = उत्तर टिकट अनुरोधमा यो निमन्त्रणाको भन्दा फरक कुञ्जी उल्लेख छ; कृपया पृष्ठ फेरि लोड गर्नुहोस्
error-blinded-message-cannot-signed = ब्लाइन्ड गरिएको सन्देशमा हस्ताक्षर गर्न सकिएन: { $e }
error-invitation-has-already-been-used = यो निमन्त्रणाबाट पहिले नै अनाम उत्तर टिकट लिइसकिएको छ; प्रत्येक निमन्त्रणाले एउटा मात्र टिकट दिन्छ
error-ballot-has-already-been-used = यो उत्तर टिकट पहिले नै प्रयोग भइसकेको छ: यसबाट दिइएको उत्तर सुरक्षित छ, र प्रत्येक टिकट एक पटक मात्र गनिन्छ
error-salt-must-32-random-bytes = साल्ट base64url मा लेखिएको 32 बाइटको अनियमित मान हुनुपर्छ: { $e }
error-ballot-token-not-valid = उत्तर टिकट (टोकन) मान्य छैन: { $why }
error-tally-made-when-survey-closes = सर्वेक्षण बन्द हुँदा गणना तयार गरिन्छ
error-management-user-belongs-organisation = व्यवस्थापन प्रयोगकर्ता कुनै संस्थासँग आबद्ध हुन्छ
error-operators-do-not-belong-client = सञ्चालकहरू ग्राहक संस्थासँग आबद्ध हुँदैनन्
error-there-already-account = { $email } को खाता पहिले नै छ
error-you-cannot-disable-your-own = तपाईं आफ्नै खाता निष्क्रिय गर्न सक्नुहुन्न; अर्को प्रशासकले गर्न सक्नुहुन्छ
error-give-token-name = टोकनलाई नाम दिनुहोस्
error-there-already-client-named = { $name } नामको ग्राहक पहिले नै छ
error-password-must-least-12-characters = पासवर्ड कम्तीमा 12 अक्षरको हुनुपर्छ
error-choose-existing-client-organisation = पहिले नै दर्ता भएको ग्राहक संस्था छान्नुहोस्
error-questionnaire-has-problems =
    प्रश्नावलीमा समस्याहरू छन्:
    { $e }
error-offer-least-one-language = कम्तीमा एउटा भाषा उपलब्ध गराउनुहोस्
error-questionnaire-has-no-texts-choose = प्रश्नावलीमा `{ $bad }` का पाठहरू छैनन्; { $offered } मध्येबाट छान्नुहोस्
error-anonymity-threshold-cannot-below-asked = अनामता सीमा { $MIN_THRESHOLD } भन्दा कम हुन सक्दैन (माग गरिएको: { $asked })
error-comment-threshold-cannot-below-anonymity = टिप्पणी सीमा ({ $c }) अनामता सीमा ({ $k }) भन्दा कम हुन सक्दैन
error-not-roster-column-name-use = `{ $bad }` नामावलीको स्तम्भ नाम होइन (अक्षर, अङ्क, `_` वा `-` प्रयोग गर्नुहोस्)
error-import-roster-before-scheduling = तालिका तय गर्नुअघि नामावली आयात गर्नुहोस्
error-save-fieldwork-plan-before-scheduling = तालिका तय गर्नुअघि कार्यान्वयन योजना सुरक्षित गर्नुहोस्
error-survey-was-changed-meanwhile-another = यसैबीच सर्वेक्षण परिवर्तन भयो (अर्को विन्डोमा, वा अरू कसैले); पृष्ठ फेरि लोड गरेर पुनः प्रयास गर्नुहोस्
error-body-larger-than-bytes-most = अनुरोधको मुख्य भाग { $limit } बाइटभन्दा ठूलो छ, जुन यो पथले लिने अधिकतम सीमा हो
error-json-body-not-valid = JSON मुख्य भाग मान्य छैन: { $e }
error-send-body-application-json = मुख्य भाग application/json का रूपमा पठाउनुहोस्
error-body-cannot-read = मुख्य भाग पढ्न सकिएन: { $other }
error-send-form-application-x-www = फारम application/x-www-form-urlencoded का रूपमा पठाउनुहोस्
error-form-cannot-read = फारम पढ्न सकिएन: { $other }
error-form-cannot-read-2 = फारम पढ्न सकिएन: { $e }
error-form-holds-nul-character-00 = फारममा NUL अक्षर (%00) छ, जुन कुनै पनि फिल्डमा राख्न मिल्दैन
error-upload-too-large-most-mb = अपलोड धेरै ठूलो छ (बढीमा { $mb } MB)
error-form-has-no = फारममा `{ $name }` छैन
error-not-utf-8-text = `{ $name }` UTF-8 पाठ होइन
error-e-mail-address-has-most = इमेल ठेगाना बढीमा { $MAX_EMAIL_LEN } अक्षर र पासवर्ड बढीमा { $MAX_PASSWORD_LEN } अक्षरको हुन्छ
error-unknown-language = अज्ञात भाषा
error-tally-made-when-survey-closes-2 = सर्वेक्षण बन्द हुँदा गणना तयार गरिन्छ
error-choose-client-organisation = ग्राहक संस्था छान्नुहोस्
error-choose-template-upload-toml-file = टेम्प्लेट छान्नुहोस् वा TOML फाइल अपलोड गर्नुहोस्
error-send-token-request-application-private = उत्तर टिकट अनुरोध application/private-token-request का रूपमा पठाउनुहोस्
error-token-request-cannot-read = उत्तर टिकट अनुरोध पढ्न सकिएन: { $e }
error-please-check-your-answers-each = कृपया आफ्ना उत्तरहरू जाँच गर्नुहोस्; प्रत्येक समस्या सम्बन्धित प्रश्नमै देखाइएको छ
error-your-answers-were-stored-already = तपाईंका उत्तरहरू पहिले नै सुरक्षित भइसकेका थिए (पुष्टि तपाईंसम्म पुगेन); तपाईंको रसिद नम्बर यो हो
error-not-e-mail-address = `{ $email }` इमेल ठेगाना होइन
error-survey-needs-name = सर्वेक्षणको नाम चाहिन्छ
error-organisation-needs-name-1-200 = संस्थाको नाम 1 देखि 200 अक्षरसम्मको हुनुपर्छ
error-name-empty = नाम खाली छ
error-not-found = यो पृष्ठ अस्तित्वमा छैन।
error-log-in = कृपया लग इन गर्नुहोस्।
error-forbidden = तपाईंलाई यो गर्ने अनुमति छैन।
error-too-many-attempts = धेरै पटक लग इन असफल भयो; { $minutes ->
    [one] एक मिनेटपछि
   *[other] { $minutes } मिनेटपछि
} फेरि प्रयास गर्नुहोस्।
error-form-expired = यो फारमको म्याद सकियो; पृष्ठ फेरि लोड गरेर पुनः प्रयास गर्नुहोस्।
error-internal = हाम्रो तर्फबाट केही समस्या भयो; कृपया फेरि प्रयास गर्नुहोस्।
error-survey-not-in-state = यो सर्वेक्षण "{ $state ->
        [draft] मस्यौदा
        [scheduled] तालिकाबद्ध
        [open] खुला
        [closed] बन्द
       *[published] प्रकाशित
    }" अवस्थामा छ, र "{ $needed ->
        [draft] मस्यौदा
        [scheduled] तालिकाबद्ध
        [open] खुला
        [closed] बन्द
       *[published] प्रकाशित
    }" अवस्थाको सर्वेक्षणले मात्र { $action ->
    [roster] नयाँ नामावली लिन
    [questionnaire] प्रश्नावली परिवर्तन गर्न
    [plan] कार्यान्वयन योजना परिवर्तन गर्न
    [settings] सेटिङहरू परिवर्तन गर्न
   *[remind] स्मरण सन्देश पठाउन
} सक्छ
error-survey-cannot-become = "{ $from ->
        [draft] मस्यौदा
        [scheduled] तालिकाबद्ध
        [open] खुला
        [closed] बन्द
       *[published] प्रकाशित
    }" अवस्थाको सर्वेक्षण "{ $to ->
        [draft] मस्यौदा
        [scheduled] तालिकाबद्ध
        [open] खुला
        [closed] बन्द
       *[published] प्रकाशित
    }" हुन सक्दैन; { $count ->
    [0] यसपछि कुनै अवस्था छैन
    [1] यो यस अवस्थामा मात्र जान सक्छ: { $first ->
        [draft] मस्यौदा
        [scheduled] तालिकाबद्ध
        [open] खुला
        [closed] बन्द
       *[published] प्रकाशित
    }
   *[other] यो यी अवस्थामा जान सक्छ: { $first ->
        [draft] मस्यौदा
        [scheduled] तालिकाबद्ध
        [open] खुला
        [closed] बन्द
       *[published] प्रकाशित
    }, { $second ->
        [draft] मस्यौदा
        [scheduled] तालिकाबद्ध
        [open] खुला
        [closed] बन्द
       *[published] प्रकाशित
    }
}
error-detail = { $detail }
error-roster-line = पङ्क्ति { $line }: { $problem }
error-roster-fields = यस पङ्क्तिमा { $fields } वटा फिल्ड छन्, तर शीर्ष पङ्क्तिमा { $header } वटा छन्
error-roster-language-not-offered = भाषा `{ $language }` यो सर्वेक्षणमा उपलब्ध छैन ({ $offered })
error-roster-cannot-group = नामावलीलाई { $breakdowns } अनुसार समूहमा बाँड्न सकिँदैन: { $e }
error-roster-purge-before-close = `{ $survey }` को नामावली सर्वेक्षण बन्द भएपछि मात्र मेटाउन सकिन्छ
error-roster-encoding = फाइल UTF-8 पनि होइन, Shift_JIS पनि होइन; Excel मा यसलाई "CSV UTF-8 (comma delimited)" का रूपमा सेभ गर्नुहोस्
error-roster-control-character = `{ $name }` मा नियन्त्रण अक्षर ({ $code }) छ
error-name-control-character = { $field ->
    [survey] सर्वेक्षणको नाममा
    [organisation] संस्थाको नाममा
   *[person] नाममा
} नियन्त्रण अक्षर ({ $code }) राख्न मिल्दैन
error-issuer-key-sealed-otherwise = जारीकर्ताको कुञ्जी { $key } हालको मास्टर कुञ्जीले खुल्दैन: { $e }
error-answer-language-not-offered = यो सर्वेक्षणका भाषाहरूमध्ये कुनै एकमा उत्तर दिनुहोस्: { $offered }
error-form-not-utf8 = फारम UTF-8 पाठ होइन (बाइट नम्बर { $at } डिकोड हुन सकेन); ब्राउजरले जस्तै पृष्ठबाटै पठाउनुहोस्
error-upload-malformed = अपलोड गरिएको फाइलको ढाँचा मिलेन: { $e }
error-report-needs-a-language = रिपोर्टका लागि कम्तीमा एउटा भाषा छान्नुहोस्
error-report-language-not-offered = `{ $asked }` मा रिपोर्ट बनाउन सकिँदैन: प्रश्नावलीका पाठ र रिपोर्टका शब्दहरू भएका भाषाहरू { $offered } हुन्
error-data-once-closed = सर्वेक्षण बन्द भएपछि मात्र अनाम डाटा फाइल बनाइन्छ
error-data-language-not-offered = `{ $asked }` मा डाटा फाइलको लेबल राख्न सकिँदैन: प्रश्नावलीका भाषाहरू { $offered } हुन्
error-data-too-few = सर्वेक्षणमा { $responses } उत्तर छन्, अनामता सीमा { $k } भन्दा कम: डाटा फाइल बनाउन सकिँदैन
error-data-free-text-too-few = खुला टिप्पणी { $k } उत्तर (टिप्पणी सीमा) पुगेपछि मात्र डाटा फाइलमा राखिन्छ; यस सर्वेक्षणमा { $responses } छन्
error-data-format = `{ $format }` डाटा फाइलको ढाँचा होइन; csv वा sav छान्नुहोस्
error-publishing-already = रिपोर्ट प्रकाशित भइरहेको छ

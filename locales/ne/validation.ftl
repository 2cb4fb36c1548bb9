validation-not-an-object = उत्तरहरू प्रश्नको ID लाई कुञ्जी बनाएको JSON अब्जेक्ट हुनुपर्छ
validation-unknown-question = यो प्रश्नावलीमा यस्तो प्रश्न छैन
validation-required = यो प्रश्नको उत्तर अनिवार्य छ
validation-hidden = तपाईंका अघिल्ला उत्तरहरूका कारण यो प्रश्न देखाइँदैन, त्यसैले यसको उत्तर दिन मिल्दैन
validation-wrong-shape = उत्तरको ढाँचा मिलेन: अपेक्षित ढाँचा { $expected }
validation-unknown-option = `{ $option }` विकल्पहरूमध्ये एक होइन
validation-duplicate-option = `{ $option }` एकभन्दा बढी पटक छानिएको छ
validation-no-other = यो प्रश्नमा "अन्य" उत्तर छैन
validation-other-empty = कृपया "अन्य" भन्नाले के हो, खुलाएर लेख्नुहोस्
validation-too-few-choices = कम्तीमा { $min } वटा छान्नुहोस् (तपाईंले { $got } वटा छान्नुभयो)
validation-too-many-choices = बढीमा { $max } वटा छान्नुहोस् (तपाईंले { $got } वटा छान्नुभयो)
validation-exclusive-combined = `{ $option }` लाई अन्य विकल्पहरूसँग एकसाथ छान्न मिल्दैन
validation-out-of-range = { $got } अनुमति दिइएको दायरा ({ $min } देखि { $max }) भन्दा बाहिर छ
validation-whole-number = पूर्णाङ्क लेख्नुहोस्
validation-too-many-decimals = दशमलवपछि बढीमा { $decimals ->
    [one] एक अङ्क
   *[other] { $decimals } अङ्क
} लेख्नुहोस्
validation-no-not-applicable = यो स्केलमा "लागू हुँदैन" उत्तर छैन
validation-too-long = पाठ { $got } अक्षरको छ; बढीमा { $max } अक्षर मात्र अनुमति छ
validation-unknown-item = `{ $item }` कथनहरूमध्ये एक होइन
validation-missing-items = सबै कथनहरूको उत्तर दिनुहोस् (बाँकी: { $items })
validation-ranking-length = ठीक { $expected } वटा विकल्पलाई क्रम दिनुहोस् (तपाईंले { $got } वटालाई क्रम दिनुभयो)

# Numbers in Latin digits: scales, codes and receipts are printed in them, and they are what a
# respondent compares with the paper and the e-mail.
language-name = नेपाली
date = { $year } { $month ->
    [1] जनवरी
    [2] फेब्रुअरी
    [3] मार्च
    [4] अप्रिल
    [5] मे
    [6] जुन
    [7] जुलाई
    [8] अगस्ट
    [9] सेप्टेम्बर
    [10] अक्टोबर
    [11] नोभेम्बर
   *[12] डिसेम्बर
} { $day }
number-decimal-separator = .
number-group-separator = ,

language-name = 日本語
date = { $year }年{ $month }月{ $day }日
number-decimal-separator = .
number-group-separator = ,

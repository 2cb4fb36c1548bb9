language-name = 한국어
date = { $year }년 { $month }월 { $day }일
number-decimal-separator = .
number-group-separator = ,

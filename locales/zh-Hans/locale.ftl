language-name = 简体中文
date = { $year }年{ $month }月{ $day }日
number-decimal-separator = .
number-group-separator = ,

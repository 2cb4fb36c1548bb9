language-name = Tiếng Việt
date = ngày { $day } tháng { $month } năm { $year }
number-decimal-separator = ,
number-group-separator = .

# `survey template show`: the words of a questionnaire printed as text.

show-required = required
show-optional = optional
show-shown-if = shown if
show-anonymity = About anonymity
show-topics = topics
show-other = other (please specify)
show-randomized = options shuffled per respondent
show-choose = choose
show-rank = rank
show-characters = characters at most
show-reverse = reverse-coded
show-favourable = favourable points

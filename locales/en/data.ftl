# The anonymous data file for the research firm: variable labels, codes and the codebook.
data-group = Group (segment, small ones merged)
data-other = other (specified)
data-selected = selected
data-not-selected = not selected
data-merged-groups = other groups (merged: too few responses each)
data-everyone = everyone
data-codebook-variable = Variable
data-codebook-label = Label
data-codebook-kind = Kind
data-codebook-measure = Measure
data-codebook-values = Codes
data-codebook-missing = Missing-value codes
data-kind-text = text
data-kind-number = number
data-measure-nominal = nominal
data-measure-ordinal = ordinal
data-measure-scale = scale

"""The learned interest extractor: candidate predicates from the syntax layer, what they
govern as the interest's span, their subject (or the document's voice) as its holder, and
a linear model per stance trained on data/annotations/interests."""

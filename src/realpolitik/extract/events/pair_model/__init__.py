"""The learned event coder: candidate actor pairs from the actor machinery, features from
the syntax layer, a linear model per PLOVER type trained on data/annotations (make train)."""

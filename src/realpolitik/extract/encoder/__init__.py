"""What both encoder coders share (the event coder in extract/events/encoder, the interest coder
in extract/encoder_interests): the inputs a text and its candidates become (inputs.py), the
stretch of a sentence read for a candidate (units.py), and the onnxruntime model that scores
them (model.py), each coder's weights in its own directory."""

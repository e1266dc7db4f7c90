"""The fine-tuned encoder interest coder (optional): the interest model's candidates and holders,
decided by a truncated, fine-tuned all-MiniLM-L6-v2 run with onnxruntime (one pass per sentence)
instead of the linear model's hashed features."""

"""The spaCy side: loading the pipeline and our components over a Doc."""

"""Accuracy of extraction against hand-written gold annotations.

Evaluation sits beside the pipeline, not inside it: it reads extraction records
(SPEC §1) from gold files and from a prediction file or an in-process run, and
reports precision, recall and F1 per kind of record.
"""

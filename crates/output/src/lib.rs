//! Output formats for analysed documents: terminal view, JSON, JSONL, brat standoff, CoNLL-U.

//! Evaluation: PolNeAR attribution scoring, main-text extraction, UD parsing, NER and coreference scorers.

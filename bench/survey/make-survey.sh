#!/usr/bin/env bash
# Writes the 100,000-child benchmark survey: the header and the 166 children of the igrowup sample
# survey (../shared/reference/who-tests, WHO's own example survey) cycled in order until 100,000 rows.
# The file (about 24 MB) is generated, never committed.
# usage: bench/survey/make-survey.sh [rows] [out.csv]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
src="${SURVEY_SOURCE:-$here/../../../shared/reference/who-tests/igrowup-2006-sample-survey/MySurvey_z_st.part-shared.csv}"
rows="${1:-100000}"
out="${2:-/tmp/upnest-survey-$rows.csv}"
awk -v rows="$rows" 'NR == 1 { print; next } { line[n++] = $0 } END { for (i = 0; i < rows; i++) print line[i % n] }' "$src" > "$out"
echo "$out: $(($(wc -l < "$out") - 1)) rows"

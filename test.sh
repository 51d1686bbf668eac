#!/usr/bin/env bash
# Runs every UpNest test on a fresh machine: installs what the tests need (Java 17 and DynamoDB
# Local), builds once, then runs the unit, contract (SQLite + DynamoDB Local) and HTTP suites
# (once on SQLite, once more on DynamoDB Local). Prints "N passed, N failed" at the end.
set -euo pipefail
cd "$(dirname "$0")"
ROOT="$PWD"
RESULTS="$ROOT/artifacts/test-results"
rm -rf "$RESULTS" && mkdir -p "$RESULTS"

command -v dotnet >/dev/null || { echo "test.sh: the .NET 10 SDK is required (dotnet not on PATH)" >&2; exit 1; }
if ! command -v npm >/dev/null || ! command -v curl >/dev/null; then
  apt-get update -qq && apt-get install -y -qq npm curl >/dev/null
fi
scripts/dynamodb-local.sh install

export UPNEST_DYNAMODB_URL
UPNEST_DYNAMODB_URL="$(scripts/dynamodb-local.sh start)"
trap 'scripts/dynamodb-local.sh stop' EXIT
echo "test.sh: DynamoDB Local at $UPNEST_DYNAMODB_URL"

dotnet build UpNest.slnx -c Release -nologo -v quiet

status=0

# Infrastructure templates: AWS's cfn-lint, also used by the deploy dry-run tests in UpNest.Cli.Tests.
export UPNEST_CFN_LINT
UPNEST_CFN_LINT="$(scripts/cfn-lint.sh path)"
echo "test.sh: ---- cfn-lint infra/cloudformation"
scripts/cfn-lint.sh || status=1

run() { # run <label> <project> [env...]
  local label="$1" project="$2"; shift 2
  echo "test.sh: ---- $label"
  env "$@" dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$RESULTS/$label.trx" --logger "console;verbosity=minimal" || status=1
}

for project in tests/UpNest.Growth.Tests tests/UpNest.Schedules.Tests tests/UpNest.Core.Tests tests/UpNest.Storage.Contract tests/UpNest.Cli.Tests; do
  [ -d "$project" ] && run "$(basename "$project")" "$project"
done
run "UpNest.Api.Tests-Sqlite" tests/UpNest.Api.Tests UPNEST_TEST_STORAGE=Sqlite
run "UpNest.Api.Tests-DynamoDb" tests/UpNest.Api.Tests UPNEST_TEST_STORAGE=DynamoDb

# The parent web app in Debian's Chromium (installs chromium and web/node_modules if missing,
# builds web/, runs the Playwright scenario on a fresh SQLite file); its counts join the totals.
echo "test.sh: ---- browser tests (web/scripts/browser-tests.sh)"
web/scripts/browser-tests.sh 2>&1 | tee "$RESULTS/browser-tests.log" || status=1

passed=0; failed=0; skipped=0
for trx in "$RESULTS"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters"); e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
  echo "test.sh: $(basename "$trx" .trx): ${p:-0} passed, ${f:-0} failed"
done
browser=$(sed -n 's/^browser-tests: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$RESULTS/browser-tests.log" | tail -1)
browser=${browser:-0 1} # no count line: the run itself broke
passed=$((passed + ${browser%% *})); failed=$((failed + ${browser##* }))
echo "test.sh: browser-tests: ${browser%% *} passed, ${browser##* } failed"
if [ "$failed" -gt 0 ] || [ "$passed" -eq 0 ]; then status=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit $status

#!/usr/bin/env bash
# Browser tests of the parent web app, as CI runs them: installs Debian's Chromium and the npm
# packages when missing, builds web/ into src/UpNest.Api/wwwroot/app, starts the built API on a
# fresh SQLite file and drives it with playwright-core (web/tests/run.mjs). Also checks that the
# committed build and the generated API types match the sources and the running app's document.
# Screenshots and axe results go to artifacts/screenshots/. Last line: "browser-tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
ART="$ROOT/artifacts/browser"
mkdir -p "$ART"
passed=0; failed=0
check() { # check <name> <command...>: one counted test
  local name="$1"; shift
  if "$@" >"$ART/check.log" 2>&1; then passed=$((passed + 1)); echo "  ✓ $name"
  else failed=$((failed + 1)); echo "  ✗ $name"; sed 's/^/      /' "$ART/check.log" | head -20; fi
}
finish() { echo "browser-tests: $passed passed, $failed failed"; [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]; exit $?; }

if ! command -v chromium >/dev/null || ! command -v npm >/dev/null; then
  apt-get update -qq && apt-get install -y -qq chromium npm curl >/dev/null
fi
(cd web && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; }) || { failed=1; finish; }

web_build() { (cd web && npm run --silent build); }
check "the web app builds (tsc + vite)" web_build
if git rev-parse --git-dir >/dev/null 2>&1; then
  committed_build_is_current() { [ -z "$(git status --porcelain -- src/UpNest.Api/wwwroot/app)" ] || { git status --short -- src/UpNest.Api/wwwroot/app; echo "rebuild web/ (npm run build) and commit src/UpNest.Api/wwwroot/app"; false; }; }
  check "the committed build in src/UpNest.Api/wwwroot/app matches web/ sources" committed_build_is_current
fi

DLL="$ROOT/src/UpNest.Api/bin/Release/net10.0/UpNest.Api.dll"
[ -f "$DLL" ] || dotnet build src/UpNest.Api -c Release -nologo -v quiet >"$ART/build.log" 2>&1 || { cat "$ART/build.log"; failed=$((failed + 1)); finish; }
PORT="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
DATA="$(mktemp -d)"
dotnet "$DLL" --contentRoot "$ROOT/src/UpNest.Api" --urls "http://127.0.0.1:$PORT" --Storage:Provider=Sqlite \
  --Storage:Sqlite:Path="$DATA/upnest.db" --RateLimits:AuthPerMinute=1000 >"$ART/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$PORT/health/live" >/dev/null && break; sleep 0.5; done

check "the generated API types match the running app's /openapi/v1.json" web/scripts/gen-api.sh --check "http://127.0.0.1:$PORT"

rm -rf "$ROOT/artifacts/screenshots"
UPNEST_URL="http://127.0.0.1:$PORT" node web/tests/run.mjs | tee "$ART/scenario.log"
line="$(sed -n 's/^browser: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$ART/scenario.log" | tail -1)"
if [ -z "$line" ]; then failed=$((failed + 1)); else passed=$((passed + ${line% *})); failed=$((failed + ${line#* })); fi
finish

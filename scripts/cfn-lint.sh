#!/usr/bin/env bash
# cfn-lint for the infra tests and `upnest deploy --dry-run`.
#   scripts/cfn-lint.sh path          prints the cfn-lint executable to use (installing it when it can)
#   scripts/cfn-lint.sh [files...]    lints the files (default: infra/cloudformation/*.yaml)
# It must be AWS's cfn-lint (1.x, the Python package, which ships its resource schemas and so
# works offline). The npm package named cfn-lint is a different, unmaintained linter whose
# resource specification predates AWS::DynamoDB::GlobalTable, AWS Backup and ECS deployment
# alarms, so it rejects valid templates; it is not used.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools/cfn-lint"

log() { echo "cfn-lint.sh: $*" >&2; }

is_aws_cfn_lint() { "$1" --version 2>/dev/null | grep -Eq '^cfn-lint [1-9]'; }

find_linter() {
  local candidate
  for candidate in "${UPNEST_CFN_LINT:-}" "$TOOLS/bin/cfn-lint" "$(command -v cfn-lint 2>/dev/null || true)"; do
    if [[ -n "$candidate" && -x "$candidate" ]] && is_aws_cfn_lint "$candidate"; then echo "$candidate"; return 0; fi
  done
  return 1
}

install() {
  find_linter && return 0
  command -v python3 >/dev/null 2>&1 || { log "python3 is required for cfn-lint (apt-get install -y python3-venv)"; exit 1; }
  log "installing cfn-lint into $TOOLS (Python virtual environment)"
  mkdir -p "$ROOT/.tools"
  [[ -f "$ROOT/.tools/.gitignore" ]] || echo '*' >"$ROOT/.tools/.gitignore"
  if python3 -m venv "$TOOLS" >&2 && "$TOOLS/bin/pip" install -q cfn-lint >&2; then
    find_linter && return 0
  fi
  log "could not install cfn-lint (no package index reachable?); install it with 'pip install cfn-lint' and retry"
  exit 1
}

case "${1:-}" in
  path) install ;;
  *)
    linter="$(install)"
    if [[ $# -eq 0 ]]; then set -- "$ROOT"/infra/cloudformation/*.yaml; fi
    exec "$linter" -- "$@"
    ;;
esac

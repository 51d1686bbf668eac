#!/usr/bin/env bash
# DynamoDB Local for tests and local development.
#   scripts/dynamodb-local.sh install   npm-installs AWS's DynamoDBLocal.jar (inside the npm package
#                                       amplify-dynamodb-simulator) into .tools/dynamodb; installs Java 17 if missing
#   scripts/dynamodb-local.sh start     starts one in-memory instance on a free port, prints its URL,
#                                       writes .tools/dynamodb/local.pid and .tools/dynamodb/local.url
#   scripts/dynamodb-local.sh stop      stops the instance started by `start`
#   scripts/dynamodb-local.sh jar       prints the path of DynamoDBLocal.jar (installing first if needed)
# Typical test run:  export UPNEST_DYNAMODB_URL=$(scripts/dynamodb-local.sh start); dotnet test ...; scripts/dynamodb-local.sh stop
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="${UPNEST_DYNAMODB_TOOLS:-$ROOT/.tools/dynamodb}"
PACKAGE="amplify-dynamodb-simulator@2.9.30"
PID_FILE="$TOOLS/local.pid"
URL_FILE="$TOOLS/local.url"

log() { echo "dynamodb-local: $*" >&2; }

find_jar() {
  find "$TOOLS/node_modules" -name DynamoDBLocal.jar -print -quit 2>/dev/null || true
}

ensure_java() {
  if command -v java >/dev/null 2>&1; then return; fi
  log "java not found; installing openjdk-17-jre-headless"
  apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless >/dev/null
}

install() {
  ensure_java
  if [[ -n "$(find_jar)" ]]; then return; fi
  command -v npm >/dev/null 2>&1 || { log "npm is required (apt-get install -y npm)"; exit 1; }
  mkdir -p "$TOOLS"
  # Keep the download out of git without touching the shared .gitignore.
  [[ -f "$ROOT/.tools/.gitignore" ]] || echo '*' >"$ROOT/.tools/.gitignore"
  log "installing $PACKAGE into $TOOLS"
  # --ignore-scripts: we only need the jar it ships, not its postinstall.
  npm install --prefix "$TOOLS" --no-audit --no-fund --ignore-scripts --silent "$PACKAGE" >&2
  [[ -n "$(find_jar)" ]] || { log "DynamoDBLocal.jar not found after npm install"; exit 1; }
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
    || echo $((20000 + RANDOM % 20000))
}

start() {
  install
  local jar dir port url
  jar="$(find_jar)"; dir="$(dirname "$jar")"
  port="${UPNEST_DYNAMODB_PORT:-$(free_port)}"
  url="http://127.0.0.1:$port"
  # exec so the pid file names java itself; every stream redirected so $(...) callers do not wait on it.
  (cd "$dir" && exec nohup java -Djava.library.path="$dir/DynamoDBLocal_lib" -jar "$jar" -inMemory -port "$port" \
      >"$TOOLS/local.log" 2>&1 </dev/null) &
  echo $! >"$PID_FILE"
  for _ in $(seq 1 100); do
    # Any HTTP answer (400 without a signed request) means it is up.
    if curl -s -o /dev/null "$url"; then echo "$url" >"$URL_FILE"; echo "$url"; return; fi
    sleep 0.2
  done
  log "DynamoDB Local did not answer on $url; see $TOOLS/local.log"; exit 1
}

stop() {
  if [[ -f "$PID_FILE" ]]; then
    kill "$(cat "$PID_FILE")" 2>/dev/null || true
    rm -f "$PID_FILE" "$URL_FILE"
  fi
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  jar) install; find_jar ;;
  *) echo "usage: $0 install|start|stop|jar" >&2; exit 2 ;;
esac

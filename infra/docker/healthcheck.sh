#!/usr/bin/env bash
# Container health check: GET /health/ready on the app port, healthy only on HTTP 200. The runtime
# image has no curl or wget, so it speaks HTTP over bash's /dev/tcp. HEALTHCHECK_PORT overrides 8080.
set -uo pipefail
port="${HEALTHCHECK_PORT:-8080}"
exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
printf 'GET /health/ready HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
IFS= read -r -t 4 status <&3 || exit 1
exec 3<&-
[[ "$status" == "HTTP/1.1 200"* ]]

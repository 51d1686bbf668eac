#!/usr/bin/env bash
# Regenerates docs/openapi/v1.json from the app on the test server (offline: no port, no network, a throw-away SQLite file).
cd "$(dirname "$0")/.." && UPNEST_OPENAPI_SNAPSHOT=write UPNEST_TEST_STORAGE=Sqlite dotnet test tests/UpNest.Api.Tests -c Release -nologo --filter "FullyQualifiedName~UpNest.Api.Tests.Surface.OpenApiSnapshotTests"

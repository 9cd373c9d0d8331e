#!/usr/bin/env bash
# Fails when the model has changed without a migration for one of the providers: each provider has its
# own migration set (SQLite: src/PhaseTracker.Web/Data/Migrations, PostgreSQL: .../Data/Postgres/Migrations)
# and both must keep step with the one model. Neither check needs a database server.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

dotnet tool restore >/dev/null
dotnet build src/PhaseTracker.Web --nologo -v quiet >/dev/null

status=0
for context in PhaseTrackerDbContext PostgresPhaseTrackerDbContext; do
    echo "check-migrations: ${context}" >&2
    if ! dotnet ef migrations has-pending-model-changes --no-build \
        --project src/PhaseTracker.Web --context "$context"; then
        echo "check-migrations: ${context} has model changes without a migration; add one to each provider's set:" >&2
        echo "  dotnet ef migrations add NAME --project src/PhaseTracker.Web --context PhaseTrackerDbContext --output-dir Data/Migrations" >&2
        echo "  dotnet ef migrations add NAME --project src/PhaseTracker.Web --context PostgresPhaseTrackerDbContext --output-dir Data/Postgres/Migrations" >&2
        status=1
    fi
done
exit "$status"

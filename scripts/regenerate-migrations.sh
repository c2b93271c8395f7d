#!/usr/bin/env bash
# Regenerates the migrations of all three providers from the current model.
# Usage: scripts/regenerate-migrations.sh [Name]   (default: a new migration named Name; with --reset, one "Initial")
# Until the first release, --reset keeps one clean Initial migration per provider.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
name="${1:-Initial}"
reset=false
if [ "$name" = "--reset" ]; then reset=true; name=Initial; fi
dotnet build src/DirectiveFlow.Infrastructure -v q -nologo | grep -E " error " && { echo "build failed: fix the errors above first" >&2; exit 1; } || true
for provider in Sqlite PostgreSql SqlServer; do
  project="src/DirectiveFlow.Migrations.$provider"
  if $reset; then rm -rf "$project/Migrations"; fi
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations >/dev/null
  echo "$provider: migration $name added"
done

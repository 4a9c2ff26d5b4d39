#!/usr/bin/env bash
# Packs the Connect libraries and the connect-processor template into a local folder feed, installs the template from
# it (in a private template hive), generates a project into a temp folder, then builds it and runs its tests, restoring
# the Connect.* packages from the local feed only (third-party packages come from the configured NuGet registry).
# Exits non-zero on any failure. Usage: templates/test-template.sh [--keep]
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/connect-template.XXXXXX")"
keep=0
[[ "${1:-}" == "--keep" ]] && keep=1
cleanup() { if [[ $keep -eq 0 ]]; then rm -rf "$work"; else echo "kept $work"; fi; }
trap cleanup EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# A version no earlier run used, so the NuGet cache never serves stale Connect.* packages.
version="0.1.0-local.$(date -u +%Y%m%d%H%M%S).$$"
feed="$work/feed"
hive="$work/hive"
mkdir -p "$feed" "$hive"
start=$SECONDS

echo "== packing Connect.* $version into $feed"
for project in Connect.Sdk Connect.Usage Connect.Automation Connect.Processor Connect.Emulator Connect.Testing; do
  dotnet pack "$root/src/$project/$project.csproj" -c Release -o "$feed" -p:Version="$version" -nologo -v quiet
done
dotnet pack "$root/templates/Connect.Processor.Templates.csproj" -c Release -o "$feed" -p:Version="$version" -nologo -v quiet
ls "$feed"

echo "== installing the template"
dotnet new install "$feed/Connect.Processor.Templates.$version.nupkg" --debug:custom-hive "$hive"

echo "== generating Acme.Processor"
out="$work/gen"
mkdir -p "$out"
cat > "$out/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="connect-local" value="$feed" />
  </packageSources>
</configuration>
XML
(cd "$out" && dotnet new connect-processor -n Acme.Processor --ConnectVersion "$version" --debug:custom-hive "$hive")
project="$out/Acme.Processor"
for file in Acme.Processor.slnx Acme.Processor/Program.cs Acme.Processor/config.json Acme.Processor/Globals.cs \
            Acme.Processor/Purchase.cs Acme.Processor/Change.cs Acme.Processor/Cancel.cs Acme.Processor/Suspend.cs \
            Acme.Processor/Resume.cs Acme.Processor/TierFulfillment.cs Acme.Processor/ReportUsage.cs \
            Acme.Processor/DynamicValidation.cs Acme.Processor.Tests/ProcessorTests.cs; do
  [[ -f "$project/$file" ]] || { echo "error: the generated project lacks $file" >&2; exit 1; }
done
if grep -rq "Company.Processor\|CONNECT_PACKAGE_VERSION" "$project"; then
  echo "error: template placeholders left in the generated project" >&2
  exit 1
fi

echo "== building and testing the generated project"
dotnet build "$project/Acme.Processor.slnx" -nologo -v quiet
dotnet test "$project/Acme.Processor.slnx" --no-build -nologo

echo "== template test passed in $((SECONDS - start)) s"

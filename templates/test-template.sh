#!/usr/bin/env bash
# Tries the connect-processor template the way a user does, against a folder feed of the packed packages:
#   dotnet new install Connect.Processor.Templates@<version> --add-source <feed>
#   dotnet new connect-processor -n Acme.Processor
#   dotnet new nugetconfig && dotnet nuget add source <feed>        (the only extra step: the feed is not nuget.org)
#   dotnet test
# The template is installed in a private hive; the generated project references the template's own version.
# Usage: templates/test-template.sh [--feed DIR] [--keep]
#   --feed DIR  the packed packages (`dotnet pack Connect.slnx -c Release -o DIR`); without it the solution is packed
#               into a temporary feed with a version no earlier run used, so the NuGet cache never serves stale packages.
# Exits non-zero on any failure.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/connect-template.XXXXXX")"
keep=0
feed=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --keep) keep=1; shift ;;
    --feed) feed="$(cd "$2" && pwd)"; shift 2 ;;
    *) echo "usage: $0 [--feed DIR] [--keep]" >&2; exit 2 ;;
  esac
done
cleanup() { if [[ $keep -eq 0 ]]; then rm -rf "$work"; else echo "kept $work"; fi; }
trap cleanup EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
start=$SECONDS

if [[ -z "$feed" ]]; then
  feed="$work/feed"
  echo "== packing the solution into $feed"
  dotnet pack "$root/Connect.slnx" -c Release -o "$feed" -p:VersionSuffix="local.$(date -u +%Y%m%d%H%M%S).$$" -nologo -v quiet
fi

# The newest template package in the feed names the version of everything packed with it.
template_package="$(ls -t "$feed"/Connect.Processor.Templates.*.nupkg | head -1)"
version="$(basename "$template_package" .nupkg)"
version="${version#Connect.Processor.Templates.}"
echo "== feed $feed, version $version"
for package in Connect.Sdk Connect.Usage Connect.Automation Connect.Processor Connect.Emulator Connect.Testing; do
  [[ -f "$feed/$package.$version.nupkg" ]] || { echo "error: $package.$version.nupkg is not in the feed" >&2; exit 1; }
done

hive="$work/hive"
echo "== dotnet new install Connect.Processor.Templates@$version"
dotnet new install "Connect.Processor.Templates@$version" --add-source "$feed" --debug:custom-hive "$hive"

echo "== dotnet new connect-processor -n Acme.Processor"
out="$work/gen"
mkdir -p "$out"
(cd "$out" && dotnet new connect-processor -n Acme.Processor --debug:custom-hive "$hive")
project="$out/Acme.Processor"
for file in Acme.Processor.slnx Acme.Processor/Program.cs Acme.Processor/config.json Acme.Processor/Globals.cs \
            Acme.Processor/Purchase.cs Acme.Processor/Change.cs Acme.Processor/Cancel.cs Acme.Processor/Suspend.cs \
            Acme.Processor/Resume.cs Acme.Processor/TierFulfillment.cs Acme.Processor/ReportUsage.cs \
            Acme.Processor/DynamicValidation.cs Acme.Processor.Tests/ProcessorTests.cs; do
  [[ -f "$project/$file" ]] || { echo "error: the generated project lacks $file" >&2; exit 1; }
done
if grep -rq "Company.Processor\|CONNECT_PACKAGE_VERSION\|CONNECT_DEFAULT_VERSION" "$project"; then
  echo "error: template placeholders left in the generated project" >&2
  exit 1
fi
grep -q "<ConnectVersion>$version</ConnectVersion>" "$project/Directory.Build.props" || {
  echo "error: the generated project does not reference Connect $version by default" >&2
  exit 1
}

echo "== adding the feed as a package source"
(cd "$project" && dotnet new nugetconfig --debug:custom-hive "$hive" >/dev/null && dotnet nuget add source "$feed" --name connect-local --configfile nuget.config)

echo "== dotnet test"
(cd "$project" && dotnet test -nologo)

echo "== template test passed in $((SECONDS - start)) s"

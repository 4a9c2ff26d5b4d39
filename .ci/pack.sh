#!/usr/bin/env bash
# Packs the whole solution once, the documented way (`dotnet pack Connect.slnx -c Release -o FEED`), and checks the
# result: no warnings; one package per project under src/ and the template package; each library package carries its
# README and XML docs and its .snupkg the PDB; each tool package carries its README and its command.
# Usage: .ci/pack.sh FEED VERSION_SUFFIX. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

feed="$1"
suffix="$2"
rm -rf "$feed"
mkdir -p "$feed"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

dotnet pack Connect.slnx -c Release -o "$feed" -p:VersionSuffix="$suffix" -nologo 2>&1 | tee "$log"
if grep -E "warning [A-Z]+[0-9]+|: warning" "$log" | grep -v "^\s*0 Warning"; then
  echo "error: dotnet pack printed warnings" >&2
  exit 1
fi

prefix="$(sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' Directory.Build.props)"
version="$prefix-$suffix"
failed=0
check() { # package-file pattern description
  local listing
  listing="$(unzip -l "$1" 2>&1 || true)"
  if ! grep -qE "$2" <<< "$listing"; then
    echo "error: $(basename "$1") lacks $3" >&2
    failed=1
  fi
}

for project in src/*/*.csproj; do
  id="$(basename "$project" .csproj)"
  package="$feed/$id.$version.nupkg"
  if [[ ! -f "$package" ]]; then
    echo "error: $id.$version.nupkg was not produced" >&2
    failed=1
    continue
  fi
  check "$package" " README\.md$" "README.md"
  if grep -q "<PackAsTool>true</PackAsTool>" "$project"; then
    check "$package" "tools/net[0-9.]+/any/$id\.dll$" "its command ($id.dll)"
    check "$package" "DotnetToolSettings\.xml$" "DotnetToolSettings.xml"
  else
    check "$package" "lib/net[0-9.]+/$id\.xml$" "XML docs ($id.xml)"
    check "$feed/$id.$version.snupkg" "lib/net[0-9.]+/$id\.pdb$" "the PDB in its .snupkg"
  fi
  echo "   $id $version: checked"
done

template="$feed/Connect.Processor.Templates.$version.nupkg"
if [[ -f "$template" ]]; then
  check "$template" " README\.md$" "README.md"
  check "$template" "content/content/connect-processor/\.template\.config/template\.json$" "template.json"
  check "$template" "content/content/connect-processor/Company\.Processor/Program\.cs$" "the project's files"
  template_json="$(unzip -p "$template" content/content/connect-processor/.template.config/template.json || true)"
  if ! grep -q "\"defaultValue\": \"$version\"" <<< "$template_json"; then
    echo "error: the template's ConnectVersion default is not $version" >&2
    failed=1
  fi
  echo "   Connect.Processor.Templates $version: checked"
else
  echo "error: Connect.Processor.Templates.$version.nupkg was not produced" >&2
  failed=1
fi
exit $failed

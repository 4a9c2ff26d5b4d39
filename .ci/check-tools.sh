#!/usr/bin/env bash
# Installs the two .NET tools from a folder feed into a temporary tool path, as a user would
# (`dotnet tool install --tool-path DIR --add-source FEED`), starts `connect-emulator` on a free loopback port, runs
# `connect requests list --json` against it and checks the answer: the emulator's demo requests, as JSON.
# Usage: .ci/check-tools.sh FEED VERSION. Exits non-zero on any failure; stops the emulator it started.
set -euo pipefail

feed="$(cd "$1" && pwd)"
version="$2"
work="$(mktemp -d "${TMPDIR:-/tmp}/connect-tools.XXXXXX")"
emulator_pid=""
cleanup() {
  if [[ -n "$emulator_pid" ]] && kill -0 "$emulator_pid" 2>/dev/null; then
    kill "$emulator_pid"
    wait "$emulator_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

tools="$work/tools"
echo "== installing Connect.Emulator.Tool and Connect.Cli $version from $feed"
dotnet tool install Connect.Emulator.Tool --version "$version" --tool-path "$tools" --add-source "$feed"
dotnet tool install Connect.Cli --version "$version" --tool-path "$tools" --add-source "$feed"

echo "== connect-emulator --port 0 (a free loopback port)"
"$tools/connect-emulator" --port 0 --seed demo > "$work/emulator.log" 2>&1 &
emulator_pid=$!
url=""
for _ in $(seq 1 100); do
  url="$(sed -n 's/^Connect emulator listening on \(http[^ ]*\)$/\1/p' "$work/emulator.log")"
  [[ -n "$url" ]] && break
  kill -0 "$emulator_pid" 2>/dev/null || { cat "$work/emulator.log"; echo "error: connect-emulator exited" >&2; exit 1; }
  sleep 0.2
done
[[ -n "$url" ]] || { cat "$work/emulator.log"; echo "error: connect-emulator did not say where it listens" >&2; exit 1; }
echo "   listening on $url"

echo "== connect requests list --json"
export CONNECT_API_URL="$url" CONNECT_API_KEY="ApiKey SU-000-000-000:emulator"
(cd "$work" && "$tools/connect" requests list --json --limit 0) > "$work/requests.json"
(cd "$work" && "$tools/connect" requests list --status pending) | tee "$work/requests.txt"

# The answer: a JSON list of the demo requests, each with an id, a status and a product, including the known pending purchase.
python3 - "$work/requests.json" <<'PY'
import json, sys
requests = json.load(open(sys.argv[1]))
assert isinstance(requests, list) and len(requests) >= 10, f"expected the demo requests, got {len(requests)}"
assert all(r["id"].startswith("PR-") and r["status"] and r["asset"]["product"]["id"] for r in requests), "a request lacks id, status or product"
assert any(r["id"] == "PR-0001-0001-0001-001" and r["status"] == "pending" for r in requests), "the demo's first pending purchase is missing"
print(f"   {len(requests)} requests, {sum(r['status'] == 'pending' for r in requests)} pending")
PY
grep -q "PR-0001-0001-0001-001" "$work/requests.txt"

echo "== connect config (the key masked)"
(cd "$work" && "$tools/connect" config) | tee "$work/config.txt"
if grep -q ":emulator" "$work/config.txt"; then echo "error: connect config printed the API key" >&2; exit 1; fi
echo "== tools check passed"

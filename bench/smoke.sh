#!/usr/bin/env bash
# Smoke run of the performance harness (CI): every scenario once at a small size, with --json.
# It checks that each scenario works and counts correctly; it never asserts a time.
# Usage: bench/smoke.sh            (from anywhere; builds bench/Connect.Bench in Release first)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

dotnet build -c Release bench/Connect.Bench --nologo -v q
harness=(dotnet run -c Release --no-build --project bench/Connect.Bench --)

# check <name> <json> <python expression over d that must be true>
check() {
  local name="$1" json="$2" expr="$3"
  if ! python3 -c 'import json,sys; d=json.loads(sys.argv[1]); sys.exit(0 if ('"$expr"') else 1)' "$json"; then
    echo "smoke: $name FAILED: $expr" >&2
    echo "$json" >&2
    exit 1
  fi
  echo "smoke: $name ok"
}

run() {
  # The harness exits non-zero itself when a count is wrong; keep only its JSON line.
  "${harness[@]}" "$@" --json | tail -n 1
}

out=$(run fulfill --count 50 --concurrency 4 --warmup 5 --baseline)
check fulfill "$out" 'd["ok"] and d["approved"] == 50 and d["errors"] == 0 and d["audit_approved_exactly_once"] == 50 and d["audit_approved_more_than_once"] == 0 and d["baseline_approved"] == 50'

out=$(run fulfill --count 20 --concurrency 4 --latency-ms 5 --warmup 0)
check fulfill-latency "$out" 'd["ok"] and d["approved"] == 20 and d["audit_approved_exactly_once"] == 20 and d["latency_mode"] == "server" and d["calls_delayed_by_emulator"] >= d["http_calls"]'

# Without --concurrency: the library's default settings, and the output names the concurrency used.
out=$(run fulfill --count 20 --warmup 0)
check fulfill-default "$out" 'd["ok"] and d["approved"] == 20 and d["concurrency_source"] == "library default" and d["concurrency"] > 1'

out=$(run list --count 500)
check list "$out" 'd["ok"] and all(r["items"] == 500 for k in ("sdk", "baseline") for r in d["runs"][k]) and d["ratio_items_per_s"] > 0'

out=$(run usage --records 2000)
check usage "$out" 'd["ok"] and d["written"] == 2000 and d["file_mb"] > 0'

out=$(run usage --records 500 --upload)
check usage-upload "$out" 'd["ok"] and d["written"] == 500 and d["usage_file_status"] == "ready"'

out=$(run emulator --requests 100 --pages 20 --connections 2)
check emulator "$out" 'd["ok"] and d["audit_approved"] == 100 and d["list_pages_per_s"] > 0'

echo "smoke: all scenarios ok"

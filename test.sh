#!/usr/bin/env bash
# Runs every test of Inbox: unit, integration and browser (Playwright in Chromium).
# Ends with one line: "N passed, N failed", summed over all test projects. Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")"
echo "== start ($(date -u +%H:%M:%S) UTC)"

find_chromium() {
  if [ -n "${INBOX_CHROMIUM:-}" ]; then echo "$INBOX_CHROMIUM"; return; fi
  for candidate in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
    [ -x "$candidate" ] && { echo "$candidate"; return; }
  done
  ls -d "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}"/chromium* >/dev/null 2>&1 && echo "playwright"
}

if [ -z "$(find_chromium)" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "No Chromium found: installing Debian's chromium package..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null || { echo "apt-get install chromium failed"; exit 1; }
  else
    echo "No Chromium found. Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set INBOX_CHROMIUM to a Chromium executable."
    exit 1
  fi
fi

# The multi-instance tests (Inbox.E2E, Category=MultiInstance) start a throwaway PostgreSQL cluster and redis-server.
missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing ${missing[*]} for the multi-instance tests..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null || { echo "apt-get install ${missing[*]} failed"; exit 1; }
  else
    echo "The multi-instance tests need ${missing[*]} (Debian/Ubuntu: sudo apt-get install -y ${missing[*]})."
    exit 1
  fi
fi

echo "== build ($(date -u +%H:%M:%S) UTC)"
dotnet build Inbox.sln -nologo -v quiet || { echo "0 passed, 1 failed"; exit 1; }

results=TestResults
rm -rf "$results"
status=0
for project in Inbox.Tests Inbox.E2E; do
  echo "== test $project ($(date -u +%H:%M:%S) UTC)"
  dotnet test "$project" --no-build -nologo --logger "trx;LogFileName=$project.trx" --results-directory "$results" || status=1
done

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(echo "$counters" | sed -E 's/.* passed="([0-9]+)".*/\1/')
  f=$(echo "$counters" | sed -E 's/.* failed="([0-9]+)".*/\1/')
  passed=$((passed + p))
  failed=$((failed + f))
done
[ "$passed" -gt 0 ] || status=1
[ "$failed" -eq 0 ] || status=1
echo "== done ($(date -u +%H:%M:%S) UTC)"
echo "$passed passed, $failed failed"
exit $status

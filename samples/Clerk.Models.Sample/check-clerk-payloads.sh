#!/usr/bin/env bash
# Runs the sample over every payload in tests/Payloads/clerk (Clerk's documented examples and its SDKs'
# fixtures): each user must round-trip exactly, and each payload that is not a user must be refused
# with one clean error line (exit code 1, no stack trace).
set -uo pipefail
cd "$(dirname "$0")/../.."

# Not users, or not readable as one: an organization, deleted users, ISO-string timestamps.
not_users=" organization.json user-deleted.json webhook-user-deleted.json user-go-sdk-v1-fixture-2021.json "

dotnet build samples/Clerk.Models.Sample -v q -nologo >/dev/null || exit 1
status=0
for file in tests/Payloads/clerk/*.json; do
  name=$(basename "$file")
  output=$(dotnet run --no-build --project samples/Clerk.Models.Sample -- "$file" 2>&1)
  code=$?
  if [[ "$not_users" == *" $name "* ]]; then
    if [ "$code" -ne 1 ] || [ "$(wc -l <<<"$output")" -ne 1 ] || [[ "$output" != error:* ]]; then
      echo "FAIL $name: expected one error line and exit code 1, got $code:" >&2; echo "$output" >&2; status=1
    else
      echo "ok   $name: $output"
    fi
  else
    # One 'round trip' line per user read; every one of them must say exact.
    verdicts=$(grep 'round trip' <<<"$output")
    if [ "$code" -ne 0 ] || [ -z "$verdicts" ] || grep -q -v 'round trip: exact' <<<"$verdicts"; then
      echo "FAIL $name: expected an exact round trip, got exit code $code:" >&2; echo "$output" >&2; status=1
    else
      echo "ok   $name: $(wc -l <<<"$verdicts") user(s), round trip: exact"
    fi
  fi
done
exit $status

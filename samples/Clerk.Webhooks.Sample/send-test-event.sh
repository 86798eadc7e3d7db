#!/usr/bin/env bash
# Signs an event as Svix does and posts it to the running sample:
#   Clerk__WebhookSecret=whsec_... bash samples/Clerk.Webhooks.Sample/send-test-event.sh [event.json] [url]
# The secret must be the one the sample was started with. Needs curl and openssl.
set -euo pipefail
cd "$(dirname "$0")/../.."

event="${1:-tests/Payloads/clerk/webhook-user-created-docs.json}"
url="${2:-http://localhost:5000/webhooks/clerk}"
secret="${Clerk__WebhookSecret:?set Clerk__WebhookSecret to the signing secret the sample runs with}"

id="msg_test_$(date +%s%N)"
timestamp="$(date +%s)"
# The key is the base64 after whsec_; openssl takes it in hex.
key_hex="$(printf %s "${secret#whsec_}" | base64 -d | od -An -v -tx1 | tr -d ' \n')"
signature="$( { printf '%s.%s.' "$id" "$timestamp"; cat "$event"; } \
  | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$key_hex" -binary | base64)"

# --data-binary sends the file's bytes unchanged, as they were signed.
curl --silent --show-error --write-out '\nHTTP %{http_code}\n' \
  --header 'content-type: application/json' \
  --header "svix-id: $id" \
  --header "svix-timestamp: $timestamp" \
  --header "svix-signature: v1,$signature" \
  --data-binary "@$event" \
  "$url"

#!/usr/bin/env bash
# Articles posted as fast as a hub takes them, measured from outside with wrk (Debian: apt-get install wrk),
# over 1 and then 8 connections (docs/benchmarks.md, "What saturates the standalone hub first").
#   deploy/local/wrk-post-articles.sh http://127.0.0.1:5080 [seconds]
# Needs the hub's dev sign-in (Auth:DevSignIn:Enabled, on in the gateway's appsettings.json); creates one community and posts into it.
set -euo pipefail
base=${1:?give the hub address, e.g. http://127.0.0.1:5080}
seconds=${2:-20}
json() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

token=$(curl -sf -X POST "$base/api/auth/dev-login" -H 'Content-Type: application/json' \
  -d '{"email":"wrk.lead@example.com","displayName":"Wrk Lead","department":"IT","roles":[]}' | json accessToken)
community=$(curl -sf -X POST "$base/api/communities" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d "{\"name\":\"Posted by wrk $(date +%s%N)\",\"description\":\"Articles posted by wrk\",\"visibility\":\"open\"}" | json id)

script=$(mktemp --suffix=.lua)
trap 'rm -f "$script"' EXIT
cat > "$script" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $token"
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format(nil, "/api/communities/$community/posts", nil,
    '{"type":"article","title":"Notes on wrk ' .. counter .. '","body":"What we learned.","tags":["wrk"]}')
end
LUA

for connections in 1 8; do
  echo "== $connections connection(s), ${seconds} s"
  wrk -t1 -c"$connections" -d"${seconds}s" --latency -s "$script" "$base"
done

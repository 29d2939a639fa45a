#!/usr/bin/env bash
# Runs the distributed topology on this machine without Docker: the four service hosts and the
# gateway as separate processes over a local RabbitMQ and PostgreSQL (one database per service).
# Needs rabbitmq-server and PostgreSQL installed and running, and a login role whose credentials
# you pass in KH_PG (default: the test role). Each host starts in its output folder, its content
# root, so it finds its appsettings.json. Stop everything with Ctrl+C.
#
#   deploy/local/run-distributed.sh            # gateway on http://127.0.0.1:5000
#   KH_INSTANCES_communities=2 deploy/local/run-distributed.sh   # two Communities instances behind the gateway
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
# No TLS to a PostgreSQL on this machine's loopback: Npgsql's default (SSL Mode=Prefer) encrypts every
# statement when the server offers TLS, as Debian's does, and that was the largest part of Communities'
# and Expertise's own work under load (docs/benchmarks.md, "The distributed hub under a profiler").
pg="${KH_PG:-Host=127.0.0.1;Username=knowledgehub;Password=knowledgehub;SSL Mode=Disable}"
rabbit="${KH_RABBITMQ:-amqp://guest:guest@127.0.0.1:5672/}"
data="${KH_DATA:-$root/data/distributed}"
configuration="${KH_CONFIGURATION:-Release}"

for project in "$root"/gateway/KnowledgeHub.Gateway "$root"/services/*/KnowledgeHub.*.Host; do
  dotnet build "$project" -c "$configuration" -nologo -v quiet
done
mkdir -p "$data"

pids=()
cleanup() { kill -TERM "${pids[@]}" 2>/dev/null || true; wait "${pids[@]}" 2>/dev/null || true; }
trap cleanup EXIT INT TERM

port=5101
gateway_services=()
for service in expertise communities alignment partnerships search notifications; do
  title="${service^}"
  dll="$root/services/$title/KnowledgeHub.$title.Host/bin/$configuration/net10.0/KnowledgeHub.$title.Host.dll"
  instances_variable="KH_INSTANCES_$service"
  urls=()
  for instance in $(seq 1 "${!instances_variable:-1}"); do
    # Each instance its own data folder (Search keeps its index there); all share the service's database.
    name="$service$([ "$instance" -gt 1 ] && echo "-$instance" || true)"
    env ASPNETCORE_ENVIRONMENT=Production \
        KnowledgeHub__DataPath="$data/$name" \
        Database__Provider=Postgres \
        "ConnectionStrings__$service=$pg;Database=knowledgehub_$service" \
        Messaging__Transport=RabbitMq Messaging__RabbitMqUrl="$rabbit" \
        Auth__Authority=http://127.0.0.1:5000 Auth__RequireHttpsMetadata=false \
        bash -c 'cd "$(dirname "$0")" && exec dotnet "$0" "$@"' "$dll" --urls "http://127.0.0.1:$port" > "$data/$name.log" 2>&1 &
    pids+=($!)
    urls+=("http://127.0.0.1:$port")
    echo "$name on http://127.0.0.1:$port (log: $data/$name.log)"
    port=$((port + 1))
  done
  gateway_services+=("Services__${service}__Urls=$(IFS=,; echo "${urls[*]}")")
done

env ASPNETCORE_ENVIRONMENT=Production KnowledgeHub__DataPath="$data/gateway" Auth__DevSignIn__Enabled=true "${gateway_services[@]}" \
    bash -c 'cd "$(dirname "$0")" && exec dotnet "$0" "$@"' "$root/gateway/KnowledgeHub.Gateway/bin/$configuration/net10.0/KnowledgeHub.Gateway.dll" \
    --urls http://127.0.0.1:5000 > "$data/gateway.log" 2>&1 &
pids+=($!)
echo "gateway on http://127.0.0.1:5000 (log: $data/gateway.log)"

for _ in $(seq 1 90); do
  curl -fs http://127.0.0.1:5000/health/ready > /dev/null 2>&1 && { echo "ready"; break; }
  sleep 1
done
wait

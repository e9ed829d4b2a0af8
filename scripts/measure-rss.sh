#!/usr/bin/env bash
# RSS of the packaged server: idle after start, and under a load of 4 clients registering contracts for 60 s.
set -u
cd "$(dirname "$0")/.."
JAR=$(ls target/yanshou-*.jar | grep -v original | head -1)
DATA=$(mktemp -d)/pg
export YANSHOU_BOOTSTRAP_TOKEN=rss-bootstrap-token-0123456789abcdef0123
export YANSHOU_EMBEDDED_POSTGRES_DATA_DIR=$DATA YANSHOU_EMBEDDED_POSTGRES_PORT=0 PORT=18080
java -Xms256m -Xmx1g -XX:MaxMetaspaceSize=256m -jar "$JAR" > /tmp/rss-server.log 2>&1 &
PID=$!
for i in $(seq 1 120); do curl -sf localhost:18080/actuator/health >/dev/null && break; sleep 1; done
sleep 10
rss() { awk '/VmRSS/{print $2/1024 " MB"}' /proc/$PID/status; }
pgrss() { ps -o rss= -C postgres | awk '{s+=$1} END {print s/1024 " MB"}'; }
echo "idle: java $(rss), postgres $(pgrss)"
load() {
  local c=$1 n=0 end=$((SECONDS+60))
  while [ $SECONDS -lt $end ]; do
    n=$((n+1))
    sed "s/107-ILOCKER-30/RSS-$c-$n/" src/test/resources/contracts/ilocker-107.yaml | curl -s -o /dev/null -w '%{http_code}\n' \
      -H "Authorization: Bearer $YANSHOU_BOOTSTRAP_TOKEN" -H 'Content-Type: application/yaml' --data-binary @- localhost:18080/api/contracts
  done
}
for c in 1 2 3 4; do load $c > /tmp/rss-load-$c.log & done
peak=0
for i in $(seq 1 12); do sleep 5; r=$(awk '/VmRSS/{print int($2/1024)}' /proc/$PID/status); [ "$r" -gt "$peak" ] && peak=$r; done
wait %2 %3 %4 %5 2>/dev/null
echo "under load (4 clients, 60 s): java peak ${peak} MB, now $(rss), postgres $(pgrss); imports: $(cat /tmp/rss-load-*.log | grep -c 201) of $(cat /tmp/rss-load-*.log | wc -l) answered 201"
kill $PID; wait $PID 2>/dev/null

#!/usr/bin/env bash
# The REST session of the PQ benchmarks (validation/pq/README.md): builds the EAR and the configured
# server, starts that server with the EAR on a fresh copy of its standalone/ directory (its own H2
# database and Artemis journal under validation/target/pq-server, so runs do not inherit each other's
# data and the build's server stays untouched for the OQ suite), waits until the API answers,
# runs RestLoadBenchmark and always stops the server again, also when the load fails.
#
# Usage: bash validation/pq/rest-session.sh [all|allocation|capture|query|lines|downstream]
#   all         REST serial allocation (1 and 4 clients), then commissioning (1, 2, 4 clients)
#   allocation  REST serial allocation only
#   capture     EPCIS capture of a generated 100,000-event document (JSON-LD and XML) beside raw JDBC
#   query       EPCIS query latency on the generated data set of PQ_DATASET_EVENTS events (default
#               10,000,000; seed PQ_DATASET_SEED): generates it into PQ_DATA_DIR (validation/target/pq-data) unless a
#               complete set of that size and seed is there, runs the queries in process on a copy of
#               it, then starts the server on that copy and runs them over REST
#   lines       line-throughput: N simulated lines at 600 units/min each through the whole path; the server
#               gets line-1 .. line-<largest N of PQ_LINE_LADDER> (default 2,5,10,15,20,25,30), work orders
#               of PQ_LINE_QUANTITY units (default 600) after a warm-up of PQ_LINE_WARMUP (300); the latency and the counts are read from the
#               session's database after the server has stopped
#   downstream  trace, pallet contents, recall scope and VRS verification (issue 5) on the downstream data set
#               of PQ_DOWNSTREAM_UNITS units (default 10,000,000) in PQ_DOWNSTREAM_DIR (validation/target/
#               pq-downstream): generated unless a set is there; the server runs on the set itself (hard link,
#               no copy: the set is tens of GB), so the benchmark's verifications stay in it and its file
#               grows with every run; PQ_DOWNSTREAM_COPY=1 runs it on a copy instead, so that each run starts
#               from the set as generated and runs compare (the copy needs the set's size again on disk)
# Any phase: PQ_IO_THREADS and PQ_TASK_MAX_THREADS set the I/O and task threads of the io subsystem's default
# worker (Undertow's) in the session's copy of the configuration; unset, WildFly's defaults (2 and 16 per core).
# PQ_H2_OPTIONS (e.g. "AUTO_COMPACT_FILL_RATE=0;CACHE_SIZE=32768") sets settings of the session's H2 datasource URL, replacing
# the URL's own value of a setting it names.
# PQ_SERVER_OPTS (e.g. "-Dcustodia.line.delivery-workers=2") is added to the server's command line.
set -euo pipefail

phases="${1:-all}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

# libaio for Artemis's AIO journal, as the Test command installs it (best effort)
bash validation/bin/install-libaio.sh

echo "rest-session: building (./mvnw install -DskipTests)"
./mvnw -B -q install -DskipTests

home="$(ls -d "$root"/wildfly-config/target/server/wildfly-* | head -n 1)"
base="$root/validation/target/pq-server"
url="https://localhost:8443/custodia/api/serialization/pools"

for port in 8443 9990; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "rest-session: something already listens on port $port; stop it first" >&2
    exit 1
  fi
done

data="${PQ_DATA_DIR:-$root/validation/target/pq-data}"
if [[ "$phases" == "query" ]]; then
  events="${PQ_DATASET_EVENTS:-10000000}"
  seed="${PQ_DATASET_SEED:-20261127}"
  if grep -qx "events=$events" "$data/dataset.properties" 2>/dev/null \
      && grep -qx "seed=$seed" "$data/dataset.properties"; then
    echo "rest-session: reusing the data set of $events events (seed $seed) in $data"
  else
    echo "rest-session: generating the data set of $events events (seed $seed) into $data"
    ./mvnw -B -q -Ppq -pl validation exec:exec@epcis-dataset -Dpq.data="$data" \
      -Dpq.dataset.events="$events" -Dpq.dataset.seed="$seed"
  fi
fi

downstream="${PQ_DOWNSTREAM_DIR:-$root/validation/target/pq-downstream}"
if [[ "$phases" == "downstream" ]]; then
  if [[ -f "$downstream/dataset.properties" ]]; then
    echo "rest-session: reusing the downstream data set in $downstream: $(tr '\n' ' ' <"$downstream/dataset.properties")"
  else
    echo "rest-session: generating the downstream data set into $downstream"
    ./mvnw -B -q -Ppq -pl validation exec:exec@downstream-dataset -Dpq.downstream.data="$downstream" \
      -Dpq.downstream.units="${PQ_DOWNSTREAM_UNITS:-10000000}" -Dpq.downstream.seconds="${PQ_DOWNSTREAM_SECONDS:-0}"
  fi
fi

rm -rf "$base"
mkdir -p "$base/deployments"
cp -r "$home/standalone/configuration" "$base/"
rm -rf "$base/configuration/standalone_xml_history"
cp "$root/ear/target/custodia.ear" "$base/deployments/"

config="$base/configuration/standalone-full.xml"
# edit_config WHAT SED-EXPRESSION EXPECTED: edits the session's copy of the configuration, and stops when the
# result (a grep pattern) is not there
edit_config() {
  sed -i "$2" "$config"
  grep -q "$3" "$config" || {
    echo "rest-session: could not set $1 in $config" >&2
    exit 1
  }
}

worker=""
[[ -n "${PQ_IO_THREADS:-}" ]] && worker+=" io-threads=\"$PQ_IO_THREADS\""
[[ -n "${PQ_TASK_MAX_THREADS:-}" ]] && worker+=" task-max-threads=\"$PQ_TASK_MAX_THREADS\""
if [[ -n "$worker" ]]; then
  edit_config "the default worker's threads" "s|<worker name=\"default\"/>|<worker name=\"default\"$worker/>|" \
    "<worker name=\"default\"$worker/>"
  echo "rest-session: the default worker with$worker"
fi

if [[ -n "${PQ_H2_OPTIONS:-}" ]]; then
  # each KEY=VALUE of PQ_H2_OPTIONS (separated by ;) replaces the URL's own KEY, or is added: H2 refuses
  # a URL that names a setting twice ("Duplicate property"), and then the server has no database
  IFS=';' read -r -a h2_options <<<"$PQ_H2_OPTIONS"
  for option in "${h2_options[@]}"; do
    key="${option%%=*}"
    # the URL is the datasource's <connection-url> element, on one line
    sed -i "/custodia\/custodia;/ s|;$key=[^;<]*||" "$config"
    edit_config "the H2 URL's $key" "/custodia\/custodia;/ s|</connection-url>|;$option</connection-url>|" \
      "custodia/custodia;.*;$option</connection-url>"
  done
  echo "rest-session: the H2 URL with $PQ_H2_OPTIONS: $(grep -o 'jdbc:h2:.*custodia/custodia;.*' "$config" | head -n 1)"
fi

server_args=()
if [[ "$phases" == "lines" ]]; then
  ladder="${PQ_LINE_LADDER:-2,5,10,15,20,25,30}"
  most="$(tr ',' '\n' <<<"$ladder" | sort -n | tail -n 1)"
  line_ids="$(seq -s, -f 'line-%g' 1 "$most")"
  # the MDB listens to ${custodia.line.ids}, a system property of the configuration (configure-line-adapter.cli),
  # which would override a -D of the command line: set it in the session's copy
  edit_config custodia.line.ids \
    "s|<property name=\"custodia.line.ids\" value=\"[^\"]*\"/>|<property name=\"custodia.line.ids\" value=\"$line_ids\"/>|" \
    "<property name=\"custodia.line.ids\" value=\"$line_ids\"/>"
  # the in-process simulator's lines and speed, and the demo lines the application configures (LineDemoData)
  server_args=(-Dcustodia.line.simulator.lines="$line_ids" -Dcustodia.line.simulator.speed=600
    -Dcustodia.line.demo.lines="$line_ids")
  echo "rest-session: $most lines ($line_ids) at 600 units/min"
fi

if [[ -n "${PQ_SERVER_OPTS:-}" ]]; then
  read -r -a extra_opts <<<"$PQ_SERVER_OPTS"
  server_args+=("${extra_opts[@]}")
  echo "rest-session: server options $PQ_SERVER_OPTS"
fi

if [[ "$phases" == "query" ]]; then
  # the server's datasource is jdbc:h2:${jboss.server.data.dir}/custodia/custodia (configure-datasource-h2.cli);
  # the server writes to its database, so it gets a copy and the generated set stays reusable
  mkdir -p "$base/data/custodia"
  echo "rest-session: copying the data set ($(du -m "$data/custodia.mv.db" | cut -f1) MiB) into $base/data/custodia"
  cp "$data/custodia.mv.db" "$base/data/custodia/custodia.mv.db"
  echo "rest-session: the queries in process (JdbcEventQuery on the copy, before the server holds it)"
  ./mvnw -B -q -Ppq -pl validation exec:exec@query-direct -Dpq.data="$data"
fi

if [[ "$phases" == "downstream" ]]; then
  # the datasource's file (see query); a hard link, as a copy would double the disk the set takes
  mkdir -p "$base/data/custodia"
  if [[ "${PQ_DOWNSTREAM_COPY:-0}" == "1" ]]; then
    echo "rest-session: copying the data set ($(du -m "$downstream/custodia.mv.db" | cut -f1) MiB) for this run"
    cp "$downstream/custodia.mv.db" "$base/data/custodia/custodia.mv.db"
  else
    ln "$downstream/custodia.mv.db" "$base/data/custodia/custodia.mv.db"
    echo "rest-session: the server runs on $downstream/custodia.mv.db ($(du -m "$downstream/custodia.mv.db" | cut -f1) MiB)"
  fi
fi

launcher=""
stop_server() {
  local pid=""
  [[ -f "$base/server.pid" ]] && pid="$(cat "$base/server.pid")"
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    # SIGTERM to the java process is WildFly's graceful shutdown; unlike jboss-cli :shutdown on
    # localhost:9990 it can only reach the server this script started
    echo "rest-session: stopping the server (java PID $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 1
    done
    kill -9 "$pid" 2>/dev/null || true
  fi
  # standalone.sh waits for its java child and ends with it; make sure the launcher is gone as well
  if [[ -n "$launcher" ]] && kill -0 "$launcher" 2>/dev/null; then
    kill "$launcher" 2>/dev/null || true
  fi
}
trap stop_server EXIT

echo "rest-session: starting WildFly (standalone-full) with the EAR, base dir $base"
# LAUNCH_JBOSS_IN_BACKGROUND makes standalone.sh write the java PID to JBOSS_PIDFILE; the heap is the Run
# command's (2 GB, ear/pom.xml), not standalone.conf's 512 MB default, whose young collections alone
# paused the server for 23 ms on average in the query benchmark
LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$base/server.pid" JBOSS_JAVA_SIZING="${PQ_SERVER_HEAP:--Xms2g -Xmx2g}" \
  "$home/bin/standalone.sh" -c standalone-full.xml -Djboss.server.base.dir="$base" ${server_args[@]+"${server_args[@]}"} \
  >"$base/console.log" 2>&1 &
launcher=$!

started=$(date +%s)
until [[ "$(curl -sk -o /dev/null -w '%{http_code}' --max-time 5 "$url" || true)" == "401" ]]; do
  if ! kill -0 "$launcher" 2>/dev/null; then
    echo "rest-session: the server ended during start; last lines of $base/console.log:" >&2
    tail -n 40 "$base/console.log" >&2
    exit 1
  fi
  if (($(date +%s) - started > 300)); then
    echo "rest-session: no 401 from $url after 300 s; last lines of $base/console.log:" >&2
    tail -n 40 "$base/console.log" >&2
    exit 1
  fi
  sleep 1
done
echo "rest-session: API up after $(($(date +%s) - started)) s"
# which journal Artemis writes (AMQ221012 AIO, AMQ221013 NIO): the line figures depend on it
journal="$(grep -o 'Using [A-Z]* Journal' "$base/log/server.log" | head -n 1 || true)"
echo "rest-session: Artemis journal: ${journal:-not reported in $base/log/server.log}"

if [[ "$phases" == "lines" ]]; then
  state="$base/line-levels.properties"
  run_rc=0
  ./mvnw -B -q -Ppq -pl validation exec:exec@line-run -Dpq.line.ladder="$ladder" \
    -Dpq.line.quantity="${PQ_LINE_QUANTITY:-600}" -Dpq.line.warmup="${PQ_LINE_WARMUP:-300}" \
    -Dpq.line.state="$state" || run_rc=$?
  # the figures come from the database, which the server holds while it runs
  stop_server
  if [[ -f "$state" ]]; then
    echo "rest-session: reading the levels' units from $base/data/custodia/custodia.mv.db"
    ./mvnw -B -q -Ppq -pl validation exec:exec@line-analyse -Dpq.line.state="$state" \
      -Dpq.query.db="$base/data/custodia/custodia"
  fi
  exit "$run_rc"
fi

if [[ "$phases" == "downstream" ]]; then
  ./mvnw -B -q -Ppq -pl validation exec:exec@downstream -Dpq.downstream.data="$downstream" \
    -Dpq.downstream.vrs.clients="${PQ_DOWNSTREAM_VRS_CLIENTS:-8}" \
    -Dpq.downstream.only="${PQ_DOWNSTREAM_ONLY:-history,pallet,scope,vrs}" -Dpq.http.version="${PQ_HTTP_VERSION:-HTTP_1_1}" \
    -Dpq.downstream.warmup.seconds="${PQ_DOWNSTREAM_WARMUP_SECONDS:-30}"
  stop_server
  # what the run's writes (the verification log) did to the file: H2 keeps the chunks of the last
  # RETENTION_TIME (45 s) and those with live pages; the embedded default's housekeeping compacts the rest
  echo "rest-session: the database file is $(du -m "$base/data/custodia/custodia.mv.db" | cut -f1) MiB after the run"
  exit 0
fi

./mvnw -B -q -Ppq -pl validation exec:exec@rest -Dpq.rest.phases="$phases" -Dpq.data="$data"

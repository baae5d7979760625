#!/usr/bin/env bash
# Runs every JMH benchmark of poltwt and writes target/results.md: one row per goal, each figure a
# ratio against a baseline measured in the same run (see org.poltwt.benchmarks.Report).
#
#   benchmarks/run.sh            full run, a few minutes on 2 cores; writes target/results.md
#   benchmarks/run.sh --quick    smoke mode for CI: one fork, one short warm-up and measurement each;
#                                fails (non-zero exit) if any benchmark throws; target/results-quick.md
#   benchmarks/run.sh [--quick] Regex...   only the benchmarks matching the JMH regexes
#   benchmarks/run.sh [--quick] SignupBurst only the sign-up burst (below)
#   benchmarks/run.sh [--quick] LiveViewers only the live board's load check (below)
#
# After the JMH benchmarks (unless regexes are given) it runs the sign-up burst of module
# benchmarks-site: two sign-up site instances on one database, 1,000 sign-ups (100 in --quick) from
# 50 users at once, each verified, against the same instances serving a static file. It runs on the
# PostgreSQL server of POLTWT_BURST_PG_URL or POLTWT_TEST_PG_URL (in a schema of its own, dropped
# after), else on an in-memory H2 database; it fails the run if any request failed or any sign-up or
# mail was lost or doubled.
#
# Then the live board's load check, also of benchmarks-site: 500 Server-Sent Events viewers (50 for
# 10 s in --quick) of one site instance, in a JVM of its own replaying the demo edition, for 60 s,
# against the same instance with no viewer; it fails the run if any viewer failed to connect, was
# dropped or missed an event.
#
# Needs only bash, java 17+ and (to build the jar when it is missing) mvn. POLTWT_REBUILD=1 rebuilds
# the jar even when it exists.
set -euo pipefail
cd "$(dirname "$0")"

quick=false
if [ "${1:-}" = "--quick" ]; then
  quick=true
  shift
fi

jmh=true
burst=true
live=true
if [ $# -gt 0 ]; then
  if [ "$*" = SignupBurst ]; then
    jmh=false
    live=false
    shift
  elif [ "$*" = LiveViewers ]; then
    jmh=false
    burst=false
    shift
  else
    burst=false
    live=false
  fi
fi

jar=target/benchmarks.jar
burst_jar=../benchmarks-site/target/signup-burst.jar
if $jmh && { [ ! -f "$jar" ] || [ "${POLTWT_REBUILD:-0}" = 1 ]; }; then
  (cd .. && mvn -B -q -pl benchmarks -am package -DskipTests)
fi
if { $burst || $live; } && { [ ! -f "$burst_jar" ] || [ "${POLTWT_REBUILD:-0}" = 1 ]; }; then
  (cd .. && mvn -B -q -pl benchmarks-site -am package -DskipTests)
fi

echo "cores: $(getconf _NPROCESSORS_ONLN 2>/dev/null || nproc)"
java -version 2>&1 | sed 's/^/jdk: /'

rm -rf target/facts target/jmh.json
start=$(date +%s)
if $quick; then
  out=target/results-quick.md
  signups=100
  viewers=(--quick)
else
  out=target/results.md
  signups=1000
  viewers=(--viewers 500 --seconds 60)
fi
if $jmh; then
  if $quick; then
    # SingleShot benchmarks ignore -w/-r; the wrap-up reads 20,000 tweets instead of a million.
    java -jar "$jar" -f 1 -wi 1 -i 1 -w 200ms -r 200ms -foe true -p tweets=20000 \
      -rf json -rff target/jmh.json "$@"
  else
    java -jar "$jar" -foe true -rf json -rff target/jmh.json "$@"
  fi
fi
burst_status=0
if $burst; then
  java -Dpoltwt.facts=target/facts -jar "$burst_jar" --signups "$signups" --users 50 ||
    burst_status=$?
fi
live_status=0
if $live; then
  java -Dpoltwt.facts=target/facts -cp "$burst_jar" org.poltwt.benchmarks.site.LiveViewers \
    "${viewers[@]}" || live_status=$?
fi
echo "benchmarks took $(( $(date +%s) - start )) s"
# The report is Report's own class; without the JMH jar (only the burst asked for) it is built.
if [ ! -f "$jar" ]; then
  (cd .. && mvn -B -q -pl benchmarks -am package -DskipTests)
fi
java -cp "$jar" org.poltwt.benchmarks.Report target/jmh.json target/facts "$out"
echo "table written to benchmarks/$out"
if [ "$burst_status" -ne 0 ]; then
  echo "the sign-up burst failed (exit $burst_status): see its lines above" >&2
  exit "$burst_status"
fi
if [ "$live_status" -ne 0 ]; then
  echo "the live board's load check failed (exit $live_status): see its lines above" >&2
  exit "$live_status"
fi

#!/usr/bin/env bash
# Runs every JMH benchmark of poltwt and writes target/results.md: one row per goal, each figure a
# ratio against a baseline measured in the same run (see org.poltwt.benchmarks.Report).
#
#   benchmarks/run.sh            full run, a few minutes on 2 cores; writes target/results.md
#   benchmarks/run.sh --quick    smoke mode for CI: one fork, one short warm-up and measurement each;
#                                fails (non-zero exit) if any benchmark throws; target/results-quick.md
#   benchmarks/run.sh [--quick] Regex...   only the benchmarks matching the JMH regexes
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

jar=target/benchmarks.jar
if [ ! -f "$jar" ] || [ "${POLTWT_REBUILD:-0}" = 1 ]; then
  (cd .. && mvn -B -q -pl benchmarks -am package -DskipTests)
fi

echo "cores: $(getconf _NPROCESSORS_ONLN 2>/dev/null || nproc)"
java -version 2>&1 | sed 's/^/jdk: /'

rm -rf target/facts target/jmh.json
start=$(date +%s)
if $quick; then
  out=target/results-quick.md
  # SingleShot benchmarks ignore -w/-r; the wrap-up reads 20,000 tweets instead of a million.
  java -jar "$jar" -f 1 -wi 1 -i 1 -w 200ms -r 200ms -foe true -p tweets=20000 \
    -rf json -rff target/jmh.json "$@"
else
  out=target/results.md
  java -jar "$jar" -foe true -rf json -rff target/jmh.json "$@"
fi
echo "benchmarks took $(( $(date +%s) - start )) s"
java -cp "$jar" org.poltwt.benchmarks.Report target/jmh.json target/facts "$out"
echo "table written to benchmarks/$out"

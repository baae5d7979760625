#!/usr/bin/env bash
# Start-up of the command-line tool: the wall time of `poltwt check` on a file of 10 tweets (the
# demo data's first ten), against `java -version` on the same JVM, as the ratio of their medians.
# The runs are interleaved, so that load from elsewhere on the machine falls on all of them alike.
#
#   benchmarks/startup.sh         10 runs of each; prints a table and the ratios (goal: <= 4x)
#   benchmarks/startup.sh 30      30 runs of each
#
# Three ways of starting are timed: `java -jar poltwt.jar check`, the figure of the goal;
# `examples/poltwt check`, the launcher script with its class-data archive (its first run, which
# records the archive, is made before timing); and `java -version`, the baseline. Needs bash, java 17+
# and (to build the jar when it is missing) mvn; POLTWT_REBUILD=1 rebuilds it. Not part of verify.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-10}
jar=examples/target/poltwt.jar
if [ ! -f "$jar" ] || [ "${POLTWT_REBUILD:-0}" = 1 ]; then
  mvn -B -q -pl examples -am package -DskipTests
fi
work=benchmarks/target/startup
mkdir -p "$work"
tweets=$work/10-tweets.jsonl
if [ ! -s "$tweets" ] || [ "$jar" -nt "$tweets" ]; then
  java -jar "$jar" demo-tweets -o "$work/demo-tweets.jsonl" --per-account 1 >/dev/null
  head -n 10 "$work/demo-tweets.jsonl" >"$tweets"
  rm -f "$work/demo-tweets.jsonl"
fi

# One untimed run of each: fills the file cache, and lets the launcher record its archive.
java -version >/dev/null 2>&1
java -jar "$jar" check "$tweets" >/dev/null 2>&1 || true
examples/poltwt check "$tweets" >/dev/null 2>&1 || true

millis() { # runs a command; prints its wall and CPU (user + system) time in ms; ignores its status
  local TIMEFORMAT='%3R %3U %3S' times
  times=$({ time "$@" >/dev/null 2>&1; } 2>&1) || true
  awk -v t="$times" 'BEGIN { split(t, f, " "); printf "%d %d\n", f[1] * 1000, (f[2] + f[3]) * 1000 }'
}
median() { # of the given column
  cut -d' ' -f"$1" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

: >"$work/version.ms"
: >"$work/jar.ms"
: >"$work/launcher.ms"
for ((i = 0; i < runs; i++)); do
  millis java -version >>"$work/version.ms"
  millis java -jar "$jar" check "$tweets" >>"$work/jar.ms"
  millis examples/poltwt check "$tweets" >>"$work/launcher.ms"
done

version=$(median 1 <"$work/version.ms")
plain=$(median 1 <"$work/jar.ms")
launcher=$(median 1 <"$work/launcher.ms")
echo "cores: $(getconf _NPROCESSORS_ONLN 2>/dev/null || nproc), load: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
java -version 2>&1 | head -n 1 | sed 's/^/jdk: /'
echo "medians of $runs runs each, wall time (and CPU time, user + system, which load from elsewhere disturbs less):"
row() { printf '  %-44s %6s ms  (CPU %s ms)   runs: %s\n' "$1" "$(median 1 <"$2")" "$(median 2 <"$2")" "$(cut -d' ' -f1 "$2" | tr '\n' ' ')"; }
row "java -version" "$work/version.ms"
row "java -jar poltwt.jar check (10 tweets)" "$work/jar.ms"
row "examples/poltwt check (10 tweets, AppCDS)" "$work/launcher.ms"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { r = a / b; printf "%.1fx (%s)", r, r <= 4 ? "goal <= 4x met" : "goal <= 4x not met" }'; }
echo "ratio, java -jar poltwt.jar check / java -version:  $(ratio "$plain" "$version")"
echo "ratio, examples/poltwt check / java -version:       $(ratio "$launcher" "$version")"

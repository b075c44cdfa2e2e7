#!/usr/bin/env bash
# Whole-process benchmarks for BENCHMARKS.md: batch against a parse-only pass, 1 vs 2 threads,
# peak memory and time for 10k / 100k / 1M profiles, the synthetic knowledge bases (50, 500 and
# 5,000 roles: load, recommend, paths -k 5), and interactive recommend against --version.
#
# Needs hyperfine and GNU time (Debian: apt-get install hyperfine time). Data goes to
# $BENCH_DIR (default target/bench-data) and is reused between runs.
#
#   benches/run.sh                         # everything (the 1M-profile run takes minutes)
#   SIZES="10000 100000" benches/run.sh    # skip the 1M-profile run
#   ONLY=synthetic benches/run.sh          # one section: batch, memory, synthetic, interactive
#   TOP=1 RUNS=5 THROUGHPUT=20000 ...      # other settings (defaults: TOP=3 RUNS=3 THROUGHPUT=100000)
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"10000 100000 1000000"}
THROUGHPUT=${THROUGHPUT:-100000}
TOP=${TOP:-3}
RUNS=${RUNS:-3}
DIR=${BENCH_DIR:-target/bench-data}
ONLY=${ONLY:-}
mkdir -p "$DIR"

# BIN_DIR=dir with careergraph and scale already built skips the build.
if [ -n "${BIN_DIR:-}" ]; then
  B=$BIN_DIR/careergraph
  S=$BIN_DIR/scale
else
  cargo build --release --quiet --bin careergraph --example scale
  B=target/release/careergraph
  S=target/release/examples/scale
fi
section() { [ -z "$ONLY" ] || [ "$ONLY" = "$1" ]; }

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for n in $SIZES $THROUGHPUT; do
  [ -s "$DIR/p$n.jsonl" ] || "$S" profiles "$n" > "$DIR/p$n.jsonl"
done

if section batch; then
  echo "## batch of $THROUGHPUT profiles (--top $TOP) against parse-only; 1 and 2 threads"
  in="$DIR/p$THROUGHPUT.jsonl"
  hyperfine -N --runs "$RUNS" --export-markdown "$DIR/batch.md" \
    -n parse-only "$S parse-only $in" \
    -n "batch --jobs 1" "$B batch $in --top $TOP --jobs 1 -o /dev/null" \
    -n "batch --jobs 2" "$B batch $in --top $TOP --jobs 2 -o /dev/null"
fi

if section memory; then
  echo "## batch (--top $TOP, all cores): wall time, CPU time and peak RSS by input size"
  printf '| profiles | wall s | user+sys s | peak RSS KB |\n| ---: | ---: | ---: | ---: |\n' | tee "$DIR/memory.md"
  for n in $SIZES; do
    /usr/bin/time -f "%e %U %S %M" -o "$DIR/time.txt" \
      "$B" batch "$DIR/p$n.jsonl" --top "$TOP" -o /dev/null 2>/dev/null || true
    read -r wall user sys rss < "$DIR/time.txt"
    printf '| %s | %s | %.2f | %s |\n' "$n" "$wall" "$(echo "$user + $sys" | bc)" "$rss" | tee -a "$DIR/memory.md"
  done
fi

if section synthetic; then
  echo "## synthetic knowledge bases: load (validate), recommend --top 10, paths -k 5"
  for roles in 50 500 5000; do
    kb="$DIR/kb$roles"
    [ -s "$kb/kb.json" ] || "$S" kb "$kb" "$roles"
    printf '{"current_role": "role-17", "years_experience": 5, "skills": {"skill-68": 3, "skill-1": 4}, "workplace": "workplace-1"}\n' > "$DIR/synthetic-profile.json"
    to="role-$((roles * 4 / 5))"
    hyperfine -N --runs "$RUNS" --warmup 1 --export-markdown "$DIR/synthetic-$roles.md" \
      -n "load ($roles roles)" "$B validate --rules $kb" \
      -n "recommend ($roles roles)" "$B recommend $DIR/synthetic-profile.json --top 10 --rules $kb" \
      -n "paths -k 5 ($roles roles)" "$B paths --from role-17 --to $to -k 5 --rules $kb"
  done
fi

if section interactive; then
  echo "## interactive recommend on the shipped knowledge base against --version"
  hyperfine -N --warmup 5 --runs 50 --export-markdown "$DIR/interactive.md" \
    "$B --version" \
    "$B recommend profiles/infra-4y-ccna.json" \
    "$B recommend profiles/infra-4y-ccna.json --top 3 --format json"
fi

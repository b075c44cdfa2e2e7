#!/usr/bin/env bash
# Whole-process benchmarks for BENCHMARKS.md: batch against a parse-only pass, 1 vs 2 threads,
# peak memory and time for 10k / 100k / 1M profiles, the synthetic knowledge bases (50, 500 and
# 5,000 roles: load, recommend, paths -k 5), and interactive recommend against --version.
#
# Needs hyperfine, GNU time and bc (Debian: apt-get install hyperfine time bc); valgrind is
# optional. Data goes to $BENCH_DIR (default target/bench-data) and is reused between runs.
#
#   benches/run.sh                         # everything (the 1M-profile run takes minutes)
#   SIZES="10000 100000" benches/run.sh    # skip the 1M-profile run
#   ONLY=synthetic benches/run.sh          # one section: records, batch, memory, synthetic, interactive
#   ONLY=records N=20000 RUNS=3 BEFORE=old/careergraph benches/run.sh   # issue 16's table
#   TOP=1 RUNS=5 THROUGHPUT=20000 ...      # other settings (defaults: TOP=3 RUNS=3 THROUGHPUT=100000)
#
# batch compares `batch --brief` and full records (both --top $TOP) with the parse-only floor, on
# 1 and 2 threads, in wall time (hyperfine) and CPU time (GNU time); memory gives the peak RSS of
# --brief and full runs for each size; interactive gives hyperfine's user/system times and, when
# valgrind is installed, instruction counts.
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

# CPU time (user + sys, seconds) and peak RSS (KB) of one run: "user+sys rss wall".
cpu() {
  /usr/bin/time -f "%U %S %M %e" -o "$DIR/time.txt" "$@" > /dev/null 2>&1 || true
  read -r user sys rss wall < "$DIR/time.txt"
  printf '%.2f %s %s' "$(echo "$user + $sys" | bc)" "$rss" "$wall"
}

if section records; then
  # Issue 16: batch against parse-only on three generators (examples/scale's uniform profiles,
  # a population-like one, random valid profiles), bytes a record, the 10M-profile estimate and
  # the knowledge-base scale, every ratio from one interleaved run (see benches/records.py).
  python3 benches/records.py "$(dirname "$B")" "$DIR/records"
fi

if section batch; then
  echo "## batch of $THROUGHPUT profiles (--top $TOP) against parse-only; --brief and full; 1 and 2 threads"
  in="$DIR/p$THROUGHPUT.jsonl"
  hyperfine -N --runs "$RUNS" --export-markdown "$DIR/batch.md" \
    -n parse-only "$S parse-only $in" \
    -n "batch --brief --jobs 1" "$B batch $in --top $TOP --brief --jobs 1 -o /dev/null" \
    -n "batch --brief --jobs 2" "$B batch $in --top $TOP --brief --jobs 2 -o /dev/null" \
    -n "batch --jobs 1" "$B batch $in --top $TOP --jobs 1 -o /dev/null" \
    -n "batch --jobs 2" "$B batch $in --top $TOP --jobs 2 -o /dev/null"
  echo "### CPU time of one run each (user + sys; the same work on 1 and 2 threads should cost the same)"
  printf '| run | user+sys s | × parse-only | wall s |\n| --- | ---: | ---: | ---: |\n' | tee "$DIR/batch-cpu.md"
  read -r floor _ wall <<< "$(cpu "$S" parse-only "$in")"
  printf '| parse-only | %s | 1.00 | %s |\n' "$floor" "$wall" | tee -a "$DIR/batch-cpu.md"
  for args in "--brief --jobs 1" "--brief --jobs 2" "--jobs 1" "--jobs 2"; do
    # shellcheck disable=SC2086
    read -r t _ wall <<< "$(cpu "$B" batch "$in" --top "$TOP" $args -o /dev/null)"
    printf '| batch %s | %s | %.2f | %s |\n' "$args" "$t" "$(echo "$t / $floor" | bc -l)" "$wall" | tee -a "$DIR/batch-cpu.md"
  done
fi

if section memory; then
  echo "## batch (--top $TOP, all cores): wall time, CPU time and peak RSS by input size, --brief and full"
  printf '| profiles | records | wall s | user+sys s | peak RSS KB |\n| ---: | --- | ---: | ---: | ---: |\n' | tee "$DIR/memory.md"
  for n in $SIZES; do
    for mode in --brief full; do
      flag=$([ "$mode" = full ] && echo "" || echo "$mode")
      # shellcheck disable=SC2086
      read -r t rss wall <<< "$(cpu "$B" batch "$DIR/p$n.jsonl" --top "$TOP" $flag -o /dev/null)"
      printf '| %s | %s | %s | %s | %s |\n' "$n" "$mode" "$wall" "$t" "$rss" | tee -a "$DIR/memory.md"
    done
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
  # hyperfine prints the mean user and system time of each above: the target compares those.
  if command -v valgrind > /dev/null; then
    echo "### instructions (callgrind; repeatable under load)"
    for args in "--version" "recommend profiles/infra-4y-ccna.json"; do
      # shellcheck disable=SC2086
      n=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$B" $args 2>&1 > /dev/null \
        | sed -n 's/.*refs: *//p')
      echo "$args: $n"
    done
  fi
fi

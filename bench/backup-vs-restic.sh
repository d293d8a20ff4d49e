#!/usr/bin/env bash
# Whole-process benchmark: bdr against restic on the same corpus in the same run.
#
# usage: bench/backup-vs-restic.sh [WORK_DIR]
#   WORK_DIR  where the corpus, repositories, restores and logs go (default: bench/work/ in this
#             checkout, which git ignores). Needs about 4 GB free.
#
# environment:
#   RUNS=3         rounds; each round runs both tools, in alternating order
#   SCALE=1.0      corpus size factor (1.0 = about 1.1 GiB; 0.05 for a quick try of the script)
#   SEED=20240601  corpus seed; the corpus is regenerated only when SEED or SCALE change
#   VERIFY=1       compare the restored tree with the corpus in round 1 (0: never, all: every round)
#   RESTIC=restic  the restic binary (0.14 or later, for repository version 2)
#   BDR=bin/bdr    the bdr launcher; BDR_JAVA_OPTS is passed through to it
#
# needs: bash, python3, GNU time at /usr/bin/time, restic, java 17, diff; a built bdr
# (mvn -q -B -DskipTests package). Run as root to drop the page cache before every timed step.
#
# For each tool and round: fresh repository (init, untimed), first backup, second backup of the
# unchanged corpus, full restore into an empty folder. Each timed step starts with a cold page
# cache where possible. Wall-clock seconds, CPU seconds (user + system) and peak RSS come from GNU
# time; the summary gives medians per step, the ratio bdr/restic of the medians, and the highest
# peak RSS seen.
set -euo pipefail

here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
top=$(CDPATH= cd -- "$here/.." && pwd)
work=${1:-$here/work}
RUNS=${RUNS:-3}
SCALE=${SCALE:-1.0}
SEED=${SEED:-20240601}
VERIFY=${VERIFY:-1}
RESTIC=${RESTIC:-restic}
BDR=${BDR:-$top/bin/bdr}
GNU_TIME=/usr/bin/time

die() { echo "backup-vs-restic: $*" >&2; exit 1; }

command -v python3 >/dev/null || die "python3 is needed (corpus generator)"
[ -x "$GNU_TIME" ] && "$GNU_TIME" -f %e true 2>/dev/null || die "GNU time is needed at $GNU_TIME (package 'time')"
command -v "$RESTIC" >/dev/null || die "restic not found (set RESTIC=)"
command -v java >/dev/null || die "java 17 is needed"
[ -x "$BDR" ] || die "bdr launcher $BDR not found"
[ -f "$top/target/bdr.jar" ] || [ "$BDR" != "$top/bin/bdr" ] \
  || die "target/bdr.jar is missing; build it: mvn -q -B -DskipTests package"

mkdir -p "$work"
work=$(CDPATH= cd -- "$work" && pwd)
corpus=$work/corpus
logs=$work/logs
results=$work/results.tsv
mkdir -p "$logs"

# ---- corpus ----
stamp="seed=$SEED scale=$SCALE gen=$(sha256sum "$here/gen_corpus.py" | cut -c1-16)"
if [ "$(cat "$work/corpus.stamp" 2>/dev/null)" != "$stamp" ]; then
  echo "generating corpus ($stamp) in $corpus ..."
  rm -rf "$corpus" "$work/corpus.stamp"
  t0=$(date +%s.%N)
  python3 "$here/gen_corpus.py" "$corpus" --seed "$SEED" --scale "$SCALE"
  echo "$stamp" > "$work/corpus.stamp"
  awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "generated in %.1f s\n", b - a }'
fi
corpus_bytes=$(du -sb "$corpus" | cut -f1)
corpus_files=$(find "$corpus" -type f | wc -l)

# ---- secrets and state, all inside the work folder ----
pw=$work/password
[ -f "$pw" ] || printf 'bench-%s\n' "$SEED" > "$pw"
chmod 600 "$pw"
export BDR_KEYCHAIN=off
export BDR_HOME=$work/bdr-home
export RESTIC_PASSWORD_FILE=$pw
unset RESTIC_REPOSITORY RESTIC_PASSWORD RESTIC_PASSWORD_COMMAND BDR_REPO BDR_PASSWORD \
  BDR_PASSWORD_FILE 2>/dev/null || true

if [ -w /proc/sys/vm/drop_caches ]; then
  cache_note="page cache dropped (sync; echo 3 > /proc/sys/vm/drop_caches) before every timed step"
  drop_caches() { sync; echo 3 > /proc/sys/vm/drop_caches; }
else
  cache_note="page cache NOT dropped (not root): timings include warm-cache effects"
  drop_caches() { sync; }
fi

# timed TOOL STEP ROUND cmd... : runs cmd under GNU time, appends
# "tool step round wall_s peak_rss_kib cpu_s" (cpu = user + system, less disturbed by other load)
timed() {
  local tool=$1 step=$2 round=$3
  shift 3
  local log=$logs/$tool-$step-$round.log tf=$logs/.time
  drop_caches
  if ! "$GNU_TIME" -f '%e %M %U %S' -o "$tf" "$@" > "$log" 2>&1; then
    tail -20 "$log" >&2
    die "$tool $step (round $round) failed; see $log"
  fi
  read -r secs rss usr sys < <(tail -1 "$tf")
  cpu=$(awk -v u="$usr" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$tool" "$step" "$round" "$secs" "$rss" "$cpu" >> "$results"
  printf '  %-6s %-8s %8.2f s  %7.1f MiB  cpu %7.2f s\n' "$tool" "$step" "$secs" \
    "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')" "$cpu"
}

verify() {
  local restored=$1/${corpus#/}
  [ -d "$restored" ] || die "restore did not produce $restored"
  diff -r --no-dereference -q "$corpus" "$restored" > "$logs/.diff" 2>&1 \
    || { head "$logs/.diff" >&2; die "restored tree differs from the corpus"; }
  echo "  verified: restored tree equals the corpus"
}

run_bdr() {
  local round=$1 repo=$work/repo-bdr target=$work/restore-bdr
  rm -rf "$repo" "$target" "$BDR_HOME"
  "$BDR" -r "$repo" --password-file "$pw" init > "$logs/bdr-init-$round.log" 2>&1 \
    || die "bdr init failed; see $logs/bdr-init-$round.log"
  timed bdr backup1 "$round" "$BDR" -r "$repo" --password-file "$pw" backup "$corpus"
  timed bdr backup2 "$round" "$BDR" -r "$repo" --password-file "$pw" backup "$corpus"
  timed bdr restore "$round" "$BDR" -r "$repo" --password-file "$pw" restore latest --target "$target"
  should_verify "$round" && verify "$target"
  echo "  bdr repository: $(du -sb "$repo" | cut -f1) bytes"
  rm -rf "$repo" "$target"
}

run_restic() {
  local round=$1 repo=$work/repo-restic target=$work/restore-restic
  export RESTIC_CACHE_DIR=$work/restic-cache
  rm -rf "$repo" "$target" "$RESTIC_CACHE_DIR"
  "$RESTIC" -r "$repo" init --repository-version 2 > "$logs/restic-init-$round.log" 2>&1 \
    || die "restic init failed; see $logs/restic-init-$round.log"
  timed restic backup1 "$round" "$RESTIC" -r "$repo" --quiet backup "$corpus"
  timed restic backup2 "$round" "$RESTIC" -r "$repo" --quiet backup "$corpus"
  timed restic restore "$round" "$RESTIC" -r "$repo" --quiet restore latest --target "$target"
  should_verify "$round" && verify "$target"
  echo "  restic repository: $(du -sb "$repo" | cut -f1) bytes"
  rm -rf "$repo" "$target" "$RESTIC_CACHE_DIR"
}

should_verify() {
  [ "$VERIFY" = all ] || { [ "$VERIFY" = 1 ] && [ "$1" = 1 ]; }
}

# ---- rounds ----
: > "$results"
echo "corpus: $corpus_bytes bytes in $corpus_files files ($stamp)"
echo "bdr: $("$BDR" --version 2>/dev/null | head -1 || echo '?'); java opts: ${BDR_JAVA_OPTS:-launcher default}"
echo "restic: $("$RESTIC" version)"
echo "cpus: $(nproc); $cache_note"
for round in $(seq 1 "$RUNS"); do
  echo "round $round/$RUNS"
  if [ $((round % 2)) = 1 ]; then
    run_bdr "$round"; run_restic "$round"
  else
    run_restic "$round"; run_bdr "$round"
  fi
done

# ---- summary ----
python3 - "$results" "$RUNS" "$corpus_bytes" "$cache_note" <<'EOF'
import statistics, sys
path, runs, size, note = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
rows = [l.split("\t") for l in open(path) if l.strip()]
secs, rss, cpu = {}, {}, {}
for tool, step, _, s, m, c in rows:
    secs.setdefault((tool, step), []).append(float(s))
    rss.setdefault((tool, step), []).append(int(m))
    cpu.setdefault((tool, step), []).append(float(c))
print()
print("results: %s rounds, corpus %.2f GiB; medians of wall-clock seconds; %s" % (runs, size / 2**30, note))
print("%-8s %9s %9s %11s %13s %15s %11s %11s %11s" % ("step", "bdr s", "restic s", "bdr/restic",
      "bdr peak MiB", "restic peak MiB", "bdr cpu s", "restic cpu", "cpu ratio"))
ok = True
for step in ("backup1", "backup2", "restore"):
    b, r = statistics.median(secs[("bdr", step)]), statistics.median(secs[("restic", step)])
    bm, rm = max(rss[("bdr", step)]) / 1024, max(rss[("restic", step)]) / 1024
    ratio = b / r if r > 0 else float("inf")
    bc, rc = statistics.median(cpu[("bdr", step)]), statistics.median(cpu[("restic", step)])
    print("%-8s %9.2f %9.2f %10.2fx %13.1f %15.1f %11.2f %11.2f %10.2fx" % (
        step, b, r, ratio, bm, rm, bc, rc, bc / rc if rc > 0 else float("inf")))
    ok &= ratio <= 1.0 and bm < 512
print("all runs, wall s: " + "; ".join("%s %s %s" % (t, s, v) for (t, s), v in sorted(secs.items())))
print("bar (bdr no slower than restic on each step, peak RSS < 512 MiB): %s" % ("MET" if ok else "NOT MET"))
EOF

#!/usr/bin/env bash
# Whole-process benchmark: `bdr backup` against `bdr backup --phi-scan` on the same text-heavy data.
#
# usage: bench/backup-phi-scan.sh [WORK_DIR]
#   WORK_DIR  where the data, repositories and logs go (default: bench/work-phi/ in this checkout,
#             which git ignores). Needs about 2.5 times TARGET_MB free.
#
# environment:
#   RUNS=3           rounds; each round runs both variants, in alternating order
#   TARGET_MB=300    size of the data: the text files of CORPUS copied until this size is reached
#   CORPUS=../shared/corpus  the medical-practice sample files (text formats are taken: DICOM,
#                    PDF and office files are left out, since rotating their digits breaks them)
#   POLICY=report    the --phi-policy of the scanning backup
#   BDR=bin/bdr      the bdr launcher; BDR_JAVA_OPTS is passed through to it
#   WARM=1           also time both variants in a long-running server (see below); 0 skips that
#
# Each copy of the corpus has its digits rotated by a different amount (and, past ten copies,
# a space at the end of every line), so copies share no chunk: the plain backup cannot skip work
# by deduplication that the scan still has to do. Names, words and structure stay as they were, and
# so do base64 attachments (runs of 64 or more base64 characters), which rotating would turn into
# garbage the scanner then reads differently from real attachments.
#
# For each variant and round: a fresh repository (init, untimed), then one timed first backup of
# the data, with a cold page cache where possible (root). GNU time gives wall seconds and CPU
# seconds (user + system). Each round also times `bdr scan-phi` on the data: the scanner alone.
#
# A process that starts, backs up 300 MB and exits pays the JIT compiler's warm-up inside the
# timing, and the scanner is a lot of code to compile. A long-running server (`bdr mcp`, `bdr
# serve`) pays it once. With WARM=1 each round also starts `bdr mcp` per variant, drives it with the
# MCP client of src/test/node (the official TypeScript SDK; run `npm ci` there first), backs up the
# first half of the copies untimed, then times create_backup of the other half, new data to the
# repository, in the now warm process.
# The summary prints medians, the ratio scan/plain for both, the backup throughput, the text
# scanned per CPU second: data size / (scan CPU - plain CPU), and what feeding the scanner inside
# the backup costs beyond the scanner alone. One more untimed run per variant reports how long the
# JIT compilers worked (-XX:+CITime): in a process that starts and exits, much of what scanning
# adds. The bar: the scanning backup takes no more than 1.25 times the wall time of the plain one.
set -euo pipefail

here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
top=$(CDPATH= cd -- "$here/.." && pwd)
work=${1:-$here/work-phi}
RUNS=${RUNS:-3}
TARGET_MB=${TARGET_MB:-300}
CORPUS=${CORPUS:-$top/../shared/corpus}
POLICY=${POLICY:-report}
WARM=${WARM:-1}
BDR=${BDR:-$top/bin/bdr}
GNU_TIME=/usr/bin/time

die() { echo "backup-phi-scan: $*" >&2; exit 1; }

[ -x "$GNU_TIME" ] && "$GNU_TIME" -f %e true 2>/dev/null || die "GNU time is needed at $GNU_TIME"
command -v python3 >/dev/null || die "python3 is needed (summary)"
command -v perl >/dev/null || die "perl is needed (data)"
[ -d "$CORPUS" ] || die "corpus folder $CORPUS not found (set CORPUS=)"
[ "$WARM" != 1 ] || [ -d "$top/src/test/node/node_modules/@modelcontextprotocol/sdk" ] \
  || die "WARM=1 needs the MCP client: (cd src/test/node && npm ci), or set WARM=0"
[ -x "$BDR" ] || die "bdr launcher $BDR not found"
[ -f "$top/target/bdr.jar" ] || [ "$BDR" != "$top/bin/bdr" ] \
  || die "target/bdr.jar is missing; build it: mvn -q -B -DskipTests package"

mkdir -p "$work"
work=$(CDPATH= cd -- "$work" && pwd)
data=$work/data
logs=$work/logs
results=$work/results.tsv
mkdir -p "$logs"

# ---- data: distinct copies of the corpus's text files ----
stamp="v3 target=$TARGET_MB corpus=$(find "$CORPUS" -type f | wc -l)"
if [ "$(cat "$work/data.stamp" 2>/dev/null)" != "$stamp" ]; then
  echo "copying the corpus's text files to about $TARGET_MB MB in $data ..."
  rm -rf "$data" "$work/data.stamp"
  mkdir -p "$data"
  k=0
  while [ "$(du -sm "$data" | cut -f1)" -lt "$TARGET_MB" ]; do
    r=$((k % 10))
    (cd "$CORPUS" && find . -type f ! -iname '*.dcm' ! -iname '*.dicom' ! -iname '*.pdf' \
      ! -iname '*.docx' ! -iname '*.xlsx' -print0) |
      while IFS= read -r -d '' f; do
        out=$data/copy-$k/$f
        mkdir -p "$(dirname "$out")"
        # digits rotated by r, except inside runs of 64 or more base64 characters: attachments
        # (PDFs and notes inside C-CDA and FHIR) must still decode to what they were
        R=$r SPACE=$((k >= 10)) perl -pe \
          's{([A-Za-z0-9+/=]{64,})|([0-9])}{defined $1 ? $1 : ($2 + $ENV{R}) % 10}ge;
           s/$/ / if $ENV{SPACE}' < "$CORPUS/$f" > "$out"
      done
    k=$((k + 1))
  done
  echo "$stamp" > "$work/data.stamp"
fi
data_bytes=$(du -sb "$data" | cut -f1)
data_files=$(find "$data" -type f | wc -l)

pw=$work/password
[ -f "$pw" ] || printf 'bench-phi-%s\n' "$RANDOM$RANDOM" > "$pw"
chmod 600 "$pw"
export BDR_KEYCHAIN=off
export BDR_HOME=$work/bdr-home
unset BDR_REPO BDR_PASSWORD BDR_PASSWORD_FILE 2>/dev/null || true

if [ -w /proc/sys/vm/drop_caches ] && (sync; echo 3 > /proc/sys/vm/drop_caches) 2>/dev/null; then
  cache_note="page cache dropped before every timed step"
  drop_caches() { sync; echo 3 > /proc/sys/vm/drop_caches; }
else
  cache_note="page cache NOT dropped (not permitted here): the data is read warm"
  drop_caches() { sync; }
fi

# timed VARIANT ROUND cmd... : appends "variant round wall_s cpu_s peak_rss_kib"
timed() {
  local variant=$1 round=$2
  shift 2
  local log=$logs/$variant-$round.log tf=$logs/.time
  drop_caches
  if ! "$GNU_TIME" -f '%e %M %U %S' -o "$tf" "$@" > "$log" 2>&1; then
    # exit 3: finished, some files left out or not scanned; the timing still counts
    if ! grep -q -e '^snapshot ' -e '^scanned ' "$log"; then
      tail -20 "$log" >&2
      die "$variant (round $round) failed; see $log"
    fi
  fi
  read -r secs rss usr sys < <(tail -1 "$tf")
  cpu=$(awk -v u="$usr" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  printf '%s\t%s\t%s\t%s\t%s\n' "$variant" "$round" "$secs" "$cpu" "$rss" >> "$results"
  printf '  %-8s %8.2f s  cpu %7.2f s  %7.1f MiB\n' "$variant" "$secs" "$cpu" \
    "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')"
}

run() {
  local variant=$1 round=$2 repo=$work/repo-$1
  shift 2
  rm -rf "$repo" "$BDR_HOME"
  "$BDR" -r "$repo" --password-file "$pw" init > "$logs/init-$variant-$round.log" 2>&1 \
    || die "bdr init failed; see $logs/init-$variant-$round.log"
  timed "$variant" "$round" "$BDR" -r "$repo" --password-file "$pw" backup "$data" "$@"
  rm -rf "$repo"
}

# warm VARIANT ROUND [phi]: times create_backup of the second half of the copies in a `bdr mcp`
# that backed up the first half before; appends "warm-VARIANT round wall_s - -".
warm() {
  local variant=$1 round=$2 phi=${3:-false} repo=$work/repo-warm-$1 conf=$logs/warm-$1-$2.json
  local copies first second
  copies=$(cd "$data" && ls -d copy-* | sort -t- -k2 -n)
  first=$(echo "$copies" | head -n $(( $(echo "$copies" | wc -l) / 2 )) | sed "s|^|$data/|")
  second=$(echo "$copies" | tail -n +$(( $(echo "$copies" | wc -l) / 2 + 1 )) | sed "s|^|$data/|")
  rm -rf "$repo" "$BDR_HOME"
  "$BDR" -r "$repo" --password-file "$pw" init > "$logs/init-warm-$variant-$round.log" 2>&1 \
    || die "bdr init failed; see $logs/init-warm-$variant-$round.log"
  python3 - "$BDR" "$repo" "$pw" "$phi" "$first" "$second" > "$conf" <<'PY'
import json, sys
bdr, repo, pw, phi, first, second = sys.argv[1:7]
def call(sources):
    args = {"sources": sources.split()}
    if phi == "true":
        args.update({"phiScan": True, "phiPolicy": "report"})
    return {"do": "call", "tool": "create_backup", "arguments": args, "timeoutMs": 600000}
print(json.dumps({"transport": "stdio", "command": bdr, "args": ["mcp"],
                  "env": {"BDR_REPO": repo, "BDR_PASSWORD_FILE": pw},
                  "steps": [call(first), call(second)]}))
PY
  drop_caches
  node "$top/src/test/node/mcp-client.mjs" "$conf" > "$logs/warm-$variant-$round.out" 2>&1 \
    || die "the warm $variant run (round $round) failed; see $logs/warm-$variant-$round.out"
  local secs
  secs=$(python3 - "$logs/warm-$variant-$round.out" <<'PY'
import json, sys
steps = json.load(open(sys.argv[1]))["steps"]
for s in steps:
    if s.get("thrown") or s.get("isError"):
        sys.exit("create_backup failed: %s" % json.dumps(s)[:400])
print("%.2f" % (steps[1]["elapsedMs"] / 1000))
PY
) || die "the warm $variant run (round $round) failed; see $logs/warm-$variant-$round.out"
  printf '%s\t%s\t%s\t-\t-\n' "warm-$variant" "$round" "$secs" >> "$results"
  printf '  %-8s %8.2f s  (second half, warm server)\n' "warm-$variant" "$secs"
  rm -rf "$repo"
}

# The scanner alone (bdr scan-phi, one thread), to tell its cost from that of feeding it in backup.
scan_only() {
  timed scan-phi "$1" "$BDR" scan-phi "$data"
}

: > "$results"
echo "data: $data_bytes bytes in $data_files files ($stamp)"
echo "bdr: $("$BDR" --version 2>/dev/null | head -1 || echo '?');" \
  "java opts: ${BDR_JAVA_OPTS:-launcher default}"
echo "cpus: $(nproc); load before: $(cut -d' ' -f1-3 /proc/loadavg); $cache_note"
for round in $(seq 1 "$RUNS"); do
  echo "round $round/$RUNS"
  if [ $((round % 2)) = 1 ]; then
    run plain "$round"; run scan "$round" --phi-scan --phi-policy "$POLICY"; scan_only "$round"
  else
    scan_only "$round"; run scan "$round" --phi-scan --phi-policy "$POLICY"; run plain "$round"
  fi
  if [ "$WARM" = 1 ]; then
    warm plain "$round"; warm scan "$round" true
  fi
done

# compiled VARIANT [args]: one more backup per variant, untimed, that reports what the JIT compilers
# spent (-XX:+CITime, through JDK_JAVA_OPTIONS so that the launcher's own options stay as they
# are); appends "jit-VARIANT 0 seconds - -".
compiled() {
  local variant=$1 repo=$work/repo-jit log=$logs/jit-$1.log
  shift
  rm -rf "$repo" "$BDR_HOME"
  "$BDR" -r "$repo" --password-file "$pw" init > /dev/null 2>&1 || die "bdr init failed"
  drop_caches
  JDK_JAVA_OPTIONS="-XX:+UnlockDiagnosticVMOptions -XX:+CITime" \
    "$BDR" -r "$repo" --password-file "$pw" backup "$data" "$@" > "$log" 2>&1 || true
  local secs
  secs=$(python3 - "$log" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
# C1 and C2 lines: "standard: 0.635 s, ..." and "osr: 0.034 s, ..."
total = sum(float(x) for x in re.findall(r"^  C[12] \{.*?standard: *([0-9.]+) s", text, re.M))
total += sum(float(x) for x in re.findall(r"^  C[12] \{.*?osr: *([0-9.]+) s", text, re.M))
print("%.2f" % total if total else "-")
PY
)
  rm -rf "$repo"
  printf '%s\t0\t%s\t-\t-\n' "jit-$variant" "$secs" >> "$results"
  printf '  %-8s %8s s of JIT compiling (C1 + C2, all compiler threads)\n' "jit-$variant" "$secs"
}
echo "compiling (one more run each, untimed)"
compiled plain
compiled scan --phi-scan --phi-policy "$POLICY"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$results" "$data_bytes" "$cache_note" "$POLICY" <<'PY'
import statistics, sys
path, size, note, policy = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
rows = [l.split("\t") for l in open(path) if l.strip()]
wall, cpu, rss = {}, {}, {}
for variant, _, s, c, m in rows:
    if s == "-":
        continue
    wall.setdefault(variant, []).append(float(s))
    if c != "-":
        cpu.setdefault(variant, []).append(float(c))
        rss.setdefault(variant, []).append(int(m))
mb = size / 1e6
pw, sw = statistics.median(wall["plain"]), statistics.median(wall["scan"])
pc, sc = statistics.median(cpu["plain"]), statistics.median(cpu["scan"])
print()
print("results: %d rounds, %.0f MB of text, --phi-policy %s; medians; %s" % (
    len(wall["plain"]), mb, policy, note))
print("%-22s %9s %9s %9s" % ("", "plain", "phi-scan", "ratio"))
print("%-22s %9.2f %9.2f %8.2fx" % ("wall s", pw, sw, sw / pw))
print("%-22s %9.2f %9.2f %8.2fx" % ("cpu s (user+sys)", pc, sc, sc / pc))
print("%-22s %9.1f %9.1f" % ("backup MB/s (wall)", mb / pw, mb / sw))
print("%-22s %9.1f %9.1f" % ("MB per cpu s", mb / pc, mb / sc))
print("%-22s %9.1f %9.1f" % ("peak RSS MiB", max(rss["plain"]) / 1024, max(rss["scan"]) / 1024))
extra = sc - pc
print("text scanned per core: %s MB/s (data size / extra CPU seconds of the scan)" % (
    "%.1f" % (mb / extra) if extra > 0 else "n/a"))
oc = statistics.median(cpu["scan-phi"])
print("scanner alone (bdr scan-phi, one scanning thread): %.2f cpu s, %.1f MB per cpu s" % (
    oc, mb / oc))
print("the backup's scan costs %.2f cpu s beyond plain backup + scanner alone" % (sc - pc - oc))
print("all runs, wall s: plain %s; phi-scan %s; scan-phi %s" % (
    wall["plain"], wall["scan"], wall["scan-phi"]))
print("all runs, cpu s:  plain %s; phi-scan %s; scan-phi %s" % (
    cpu["plain"], cpu["scan"], cpu["scan-phi"]))
print("bar (phi-scan wall <= 1.25 x plain): %s" % ("MET" if sw / pw <= 1.25 else "NOT MET"))
if wall.get("jit-plain") and wall.get("jit-scan"):
    jp, js = wall["jit-plain"][0], wall["jit-scan"][0]
    print("JIT compiling (one untimed run each): plain %.2f s, phi-scan %.2f s: %.2f cpu s of the"
          " %.2f extra cpu s are the compilers'" % (jp, js, js - jp, sc - pc))
if "warm-plain" in wall:
    wp, ws = statistics.median(wall["warm-plain"]), statistics.median(wall["warm-scan"])
    print("warm server (bdr mcp, second half of the copies, after backing up the first half):")
    print("  wall s: plain %.2f, phi-scan %.2f, ratio %.2fx; all runs: plain %s; phi-scan %s" % (
        wp, ws, ws / wp, wall["warm-plain"], wall["warm-scan"]))
PY

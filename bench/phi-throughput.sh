#!/usr/bin/env bash
# Runs the PHI scanner throughput benchmark (MB/s of text per core).
# Usage: bench/phi-throughput.sh [corpus folder] [MB per sample]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile
cp_file=target/bench-classpath.txt
mvn -q -B dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null
# The JIT options bin/bdr runs with, so the rates are those a backup or scan-phi sees.
exec java -Xmx1g -XX:ActiveProcessorCount=1 -XX:FreqInlineSize=100 -XX:InlineSmallCode=1000 \
  -XX:PerMethodTrapLimit=0 -XX:PerBytecodeTrapLimit=0 -cp "target/test-classes:target/classes:$(cat "$cp_file")" \
  org.bdr.bench.PhiThroughputBench "${1:-../shared/corpus}" "${2:-48}"

#!/usr/bin/env bash
# Runs the PHI scanner accuracy benchmark over the labelled corpus.
# Usage: bench/phi-accuracy.sh [corpus folder]   (default ../shared/corpus, from the project folder)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile
cp_file=target/bench-classpath.txt
mvn -q -B dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null
exec java -cp "target/test-classes:target/classes:$(cat "$cp_file")" \
  org.bdr.bench.PhiAccuracyBench "${1:-../shared/corpus}"

#!/usr/bin/env bash
# Runs the JMH microbenchmarks in src/test/java/org/bdr/bench (all, or those matching $1).
# Usage: bench/jmh.sh [benchmark regex] [extra JMH options...]
# Run it on a quiet machine: JMH measures wall time, and 2 cores leave no room for neighbours.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile
cp_file=target/bench-classpath.txt
mvn -q -B dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null
exec java -cp "target/test-classes:target/classes:$(cat "$cp_file")" org.openjdk.jmh.Main "$@"

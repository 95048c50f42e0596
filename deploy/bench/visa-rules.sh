#!/usr/bin/env bash
# Microbenchmark of the visa rule engine (JMH): the cost of evaluating one traveller against the seed policies.
#   deploy/bench/visa-rules.sh [JMH options, e.g. -f 2 -i 10]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
./mvnw -q -B -pl visa-service -am -DskipTests install >/dev/null
./mvnw -q -B -pl visa-service test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath >/dev/null
CP="visa-service/target/test-classes:visa-service/target/classes:$(cat visa-service/target/bench.classpath)"
exec java -cp "$CP" org.openjdk.jmh.Main EligibilityBenchmark "$@"

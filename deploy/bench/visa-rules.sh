#!/usr/bin/env bash
# Microbenchmark of the visa rule engine (JMH): the cost of evaluating one traveller against the seed policies.
#   deploy/bench/visa-rules.sh [JMH options, e.g. -f 2 -i 10]
# Compiles visa-service and what it needs from this checkout in one reactor build (nothing is installed into the
# local Maven repository) and runs JMH on its test class path.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
# shellcheck source=../local/lib.sh
source "$ROOT/deploy/local/lib.sh"
amur_step "compiling visa-service and its test class path" "$AMUR_LOGS/bench-build.log" \
  ./mvnw -B -pl visa-service -am -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath
CP="visa-service/target/test-classes:visa-service/target/classes:$(cat visa-service/target/bench.classpath)"
exec java -cp "$CP" org.openjdk.jmh.Main EligibilityBenchmark "$@"

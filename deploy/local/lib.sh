# Shared by deploy/local/run.sh and the benchmark scripts (sourced, not run): building the tree and the deploy
# module's class path from the working tree alone. Nothing here installs into the local Maven repository or reads
# travel.amur artifacts from it: every module is taken from this checkout's reactor build.
#
# Needs ROOT (the checkout) set by the caller.

AMUR_LOGS=${AMUR_LOGS:-$ROOT/.local/logs}
AMUR_VERSION=0.1.0-SNAPSHOT
AMUR_APP_MODULES=(flight-service visa-service itinerary-service gateway)

amur_say() { printf '\033[1m[amur]\033[0m %s\n' "$*"; }

# amur_step WHAT LOG COMMAND...: runs COMMAND with its output appended to LOG. On failure it says which step failed,
# shows the last lines of its output and names the log, and returns the command's status.
amur_step() {
  local what=$1 log=$2
  shift 2
  mkdir -p "$(dirname "$log")"
  printf '\n==== %s: %.300s\n' "$(date -u +%FT%TZ)" "$*" >>"$log"
  local status=0
  "$@" >>"$log" 2>&1 </dev/null || status=$?
  if [[ $status != 0 ]]; then
    printf '\033[31m[amur] %s failed (exit %s). Last lines of %s:\033[0m\n' "$what" "$status" "$log" >&2
    tail -n 25 "$log" | sed 's/^/    /' >&2
    return "$status"
  fi
}

# Files whose change means the module's build output is out of date: its sources and pom, common's, the root pom.
_amur_inputs() {
  local module=$1
  printf '%s\n' "$ROOT/pom.xml" "$ROOT/common/pom.xml" "$ROOT/common/src/main" "$ROOT/$module/pom.xml" \
    "$ROOT/$module/src/main"
}

# True when OUTPUT is missing or older than any input of MODULE.
_amur_stale() {
  local module=$1 output=$2
  [[ -e "$output" ]] || return 0
  local newer
  # shellcheck disable=SC2046
  newer=$(find $(_amur_inputs "$module") -newer "$output" -print -quit 2>/dev/null)
  [[ -n "$newer" ]]
}

# The build outputs the local stack and the benchmarks run from.
amur_build_outputs_stale() {
  local module
  for module in "${AMUR_APP_MODULES[@]}"; do
    _amur_stale "$module" "$ROOT/$module/target/$module-$AMUR_VERSION-exec.jar" && return 0
  done
  _amur_stale deploy "$ROOT/deploy/target/runtime.classpath" && return 0
  _amur_stale deploy "$ROOT/deploy/target/classes/travel" && return 0
  return 1
}

# Builds the whole reactor without tests when an output is missing or older than its sources (or AMUR_BUILD=always).
# One reactor build resolves every travel.amur module from this tree, never from ~/.m2.
amur_build() {
  if [[ "${AMUR_BUILD:-}" != always ]] && ! amur_build_outputs_stale; then
    return 0
  fi
  amur_say "building (./mvnw -B -DskipTests package; log: $AMUR_LOGS/build.log) ..."
  local started=$SECONDS
  amur_step "build" "$AMUR_LOGS/build.log" "$ROOT/mvnw" -f "$ROOT/pom.xml" -B -DskipTests package || return 1
  # The deploy module's classes may be up to date without a newer mtime; the outputs now count as fresh.
  touch "$ROOT/deploy/target/runtime.classpath" "$ROOT/deploy/target/classes/travel"
  amur_say "built in $((SECONDS - started)) s"
}

# The deploy module's runtime class path (Kafka broker, embedded PostgreSQL, load clients), as written by its build.
amur_deploy_classpath() {
  local file="$ROOT/deploy/target/runtime.classpath"
  if [[ ! -s "$file" ]]; then
    printf '\033[31m[amur] %s is missing: run the build first (amur_build)\033[0m\n' "$file" >&2
    return 1
  fi
  printf '%s:%s\n' "$ROOT/deploy/target/classes" "$(<"$file")"
}

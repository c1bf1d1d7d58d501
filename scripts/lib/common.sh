# Sourced by the scripts in scripts/: finds a JDK >= 21 and knows where the project and its jar are.
# forkbench needs virtual threads (Java 21); this machine's default java may be older, so never trust PATH alone.

FORKBENCH_HOME=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
FORKBENCH_JAR="$FORKBENCH_HOME/target/benchmarks.jar"
MIN_JAVA=21

# Prints the feature version (17, 21, 25...) of the java launcher given, or nothing.
java_feature_version() {
  local version
  version=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1)
  [[ "$version" =~ ^[0-9]+$ ]] && echo "$version"
}

# Sets JAVA_HOME to JAVA_HOME itself when it is >= 21, else to the newest JDK >= 21 under /usr/lib/jvm.
find_jdk() {
  local candidate version best="" best_version=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    version=$(java_feature_version "$JAVA_HOME/bin/java")
    if [ -n "$version" ] && [ "$version" -ge "$MIN_JAVA" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
      export JAVA_HOME
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/*/; do
    candidate=${candidate%/}
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    version=$(java_feature_version "$candidate/bin/java")
    if [ -n "$version" ] && [ "$version" -ge "$MIN_JAVA" ] && [ "$version" -gt "$best_version" ]; then
      best=$candidate
      best_version=$version
    fi
  done
  if [ -z "$best" ]; then
    echo "forkbench: no JDK $MIN_JAVA or newer found (JAVA_HOME=${JAVA_HOME:-unset}, none under /usr/lib/jvm); install one or point JAVA_HOME at it" >&2
    return 1
  fi
  export JAVA_HOME=$best
}

# Maven's own libraries trip JDK 24+'s sun.misc.Unsafe warnings; they are Maven's, not ours, so keep them quiet.
quiet_maven_on_new_jdks() {
  local version
  version=$(java_feature_version "$JAVA_HOME/bin/java")
  if [ -n "$version" ] && [ "$version" -ge 24 ]; then
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  fi
}

# The project's own Maven: the Maven Wrapper (mvnw, pinned in .mvn/wrapper/maven-wrapper.properties), which fetches
# that Maven from Maven Central on first use, so a fresh machine needs only a JDK.
MAVEN="$FORKBENCH_HOME/mvnw"

require_maven() {
  if [ ! -x "$MAVEN" ]; then
    echo "forkbench: $MAVEN is missing or not executable; the checkout is incomplete" >&2
    return 1
  fi
  quiet_maven_on_new_jdks
}

# True when the jar is missing or older than any source or build file.
jar_is_stale() {
  [ -f "$FORKBENCH_JAR" ] || return 0
  [ -n "$(find "$FORKBENCH_HOME/pom.xml" "$FORKBENCH_HOME/src/main" "$FORKBENCH_HOME/benchmarks" "$FORKBENCH_HOME/experiments" \
            -newer "$FORKBENCH_JAR" -type f -print -quit 2>/dev/null)" ]
}

build_jar() {
  require_maven || return 1
  echo "forkbench: building $FORKBENCH_JAR with JDK at $JAVA_HOME" >&2
  (cd "$FORKBENCH_HOME" && "$MAVEN" -B -q -Dstyle.color=never -DskipTests package) || {
    echo "forkbench: the build failed (see above)" >&2
    return 1
  }
}

# Finds the JDK and builds the jar when it is missing or stale.
ready_jar() {
  find_jdk || return 1
  if jar_is_stale; then
    build_jar || return 1
  fi
}

# Sets JVM_FLAGS to what every forkbench JVM gets. JMH 1.37 uses sun.misc.Unsafe, which JDK 24+ warns about on
# every fork; JMH's forks inherit this flag.
jvm_flags() {
  JVM_FLAGS=()
  if [ "$(java_feature_version "$JAVA_HOME/bin/java")" -ge 24 ]; then
    JVM_FLAGS+=(--sun-misc-unsafe-memory-access=allow)
  fi
}

# Runs the JDK's java with the given arguments (after ready_jar).
forkbench_java() {
  jvm_flags
  "$JAVA_HOME/bin/java" "${JVM_FLAGS[@]}" "$@"
}

# The same as the script's last step: java replaces the script, so a signal to it (timeout, kill) reaches the JVM.
exec_forkbench_java() {
  jvm_flags
  exec "$JAVA_HOME/bin/java" "${JVM_FLAGS[@]}" "$@"
}

# Runs java -jar target/benchmarks.jar with the given arguments, building the jar first when it is stale.
forkbench_jar() {
  ready_jar || return 1
  forkbench_java -jar "$FORKBENCH_JAR" "$@"
}

# The same as the script's last step (see exec_forkbench_java).
exec_forkbench_jar() {
  ready_jar || exit 1
  exec_forkbench_java -jar "$FORKBENCH_JAR" "$@"
}

# scripts/X --resume DIR (the whole command line): continues that run with the class path it was made with, so a
# kernel of your own is found again; the forkbench jar is this checkout's. Returns when the arguments are not that.
resume_if_asked() {
  local place=""
  if [ $# -eq 2 ] && [ "$1" = "--resume" ]; then
    place=$2
  elif [ $# -eq 1 ] && [[ "$1" == --resume=* ]]; then
    place=${1#--resume=}
  else
    return 0
  fi
  ready_jar || exit 1
  local metadata entry class_path=$FORKBENCH_JAR
  if [ -d "$place" ]; then metadata="$place/result.metadata.json"; else metadata="${place%.json}.metadata.json"; fi
  if [ -f "$metadata" ]; then
    # RunMetadata writes "classPath" : [ "/a.jar", "/b.jar" ] on one line.
    while IFS= read -r entry; do
      [ -n "$entry" ] && [ "$(basename "$entry")" != "$(basename "$FORKBENCH_JAR")" ] && class_path+=":$entry"
    done < <(sed -n 's/^ *"classPath" : \[ *\(.*\) *\],\{0,1\} *$/\1/p' "$metadata" | head -n 1 \
               | sed 's/^ *"//; s/" *$//; s/", *"/\n/g')
  fi
  exec_forkbench_java -cp "$class_path" forkbench.cli.Main --resume "$place"
}

# split_filters ARGUMENTS...: sets FILTERS to the benchmark filters among them (the words that are no option and no
# option's value) and OPTIONS to the rest, so that a script can narrow its own selection with them: JMH ORs its
# includes, so a filter passed on beside the script's own would widen the run instead.
split_filters() {
  FILTERS=()
  OPTIONS=()
  while [ $# -gt 0 ]; do
    case "$1" in
      -h|-l|-lp|-lprof|-lrf|--plan|--*=*) OPTIONS+=("$1") ;;
      -*) OPTIONS+=("$1"); [ $# -gt 1 ] && { OPTIONS+=("$2"); shift; } ;;
      *) FILTERS+=("$1") ;;
    esac
    shift
  done
}

# The JMH exclude that keeps only the benchmarks matching one of FILTERS (after split_filters); nothing without any.
narrowing_exclude() {
  if [ ${#FILTERS[@]} -gt 0 ]; then
    local joined
    joined=$(IFS='|'; echo "${FILTERS[*]}")
    NARROWING=(-e "^(?!.*(?:$joined))")
  else
    NARROWING=()
  fi
}

# The options that decide how many forks a run has: a user's one replaces a script's other (--precision 5 replaces a
# script's --interleave 3; -f 5 asks for JMH's own way instead of rounds).
rounds_key() {
  case "$1" in
    -f|--interleave|--precision|--verdict|--resume) echo "rounds" ;;
    --max-time|--min-rounds|--max-rounds|--margin) echo "rounds-$1" ;;
    *) echo "$1" ;;
  esac
}

# Options that take no value: --verdict, --plan.
is_flag() {
  case "$1" in
    --verdict|--plan) return 0 ;;
    *) return 1 ;;
  esac
}

# jmh_args DEFAULT_OPTIONS... -- USER_ARGUMENTS...: sets JMH_ARGS to the user's arguments followed by each default
# option (an option and its value, or a flag: see is_flag) the user did not give. JMH takes most options once, so a
# user's -i 5 has to replace a script's -i 3 rather than be added to it; for -p the parameter name decides; see
# rounds_key.
jmh_args() {
  local defaults=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do
    defaults+=("$1")
    shift
  done
  [ $# -gt 0 ] && shift
  JMH_ARGS=("$@")
  local given=" " previous="" arg
  for arg in "$@"; do
    case "$arg" in
      -*) given+="$(rounds_key "${arg%%=*}") " ;;
    esac
    # JMH's own forks (-f) replace rounds altogether, so no default of a run in rounds applies either.
    [ "$arg" = "-f" ] && given+="jmh-forks "
    if [ "$previous" = "-p" ]; then
      given+="-p:${arg%%=*} "
    fi
    previous=$arg
  done
  local i=0 option value key
  while [ "$i" -lt "${#defaults[@]}" ]; do
    option=${defaults[$i]}
    local pair=("$option")
    if is_flag "$option"; then
      i=$((i + 1))
    else
      value=${defaults[$((i + 1))]}
      pair+=("$value")
      i=$((i + 2))
    fi
    key=$(rounds_key "$option")
    [ "$option" = "-p" ] && key="-p:${value%%=*}"
    if [[ "$given" != *" $key "* ]] && ! [[ "$key" == rounds* && "$given" == *" jmh-forks "* ]]; then
      JMH_ARGS+=("${pair[@]}")
    fi
  done
}

# claim_run_folder LABEL: creates results/<label>-<date-time>-<host>/ (the creation is the claim: a folder that
# exists already, another run's, is bad usage, exit 2) and sets RUN_FOLDER to it; at exit, the empty files in it and
# the folder itself if it is empty are removed, so a run stopped before writing anything leaves nothing behind.
# RUN_FOLDER_ALSO_REMOVE may name one more path to remove at exit (a scratch folder).
claim_run_folder() {
  RUN_FOLDER=$(new_run_folder "$1")
  mkdir -p "$(dirname "$RUN_FOLDER")"
  if ! mkdir "$RUN_FOLDER" 2>/dev/null; then
    echo "forkbench: $RUN_FOLDER already exists; not overwriting it" >&2
    exit 2
  fi
  trap 'rm -rf "${RUN_FOLDER_ALSO_REMOVE:-}"; find "$RUN_FOLDER" -maxdepth 1 -type f -empty -delete; rmdir "$RUN_FOLDER" 2>/dev/null || true' EXIT
}

# The number of cores this machine has online (2 when it cannot tell).
core_count() {
  getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2
}

# A folder name for a run: results/<label>-<date-time>-<host>.
new_run_folder() {
  local host
  host=$(hostname 2>/dev/null | tr -c 'A-Za-z0-9._\n-' '_')
  echo "results/$1-$(date -u +%Y%m%d-%H%M%S)-${host:-unknown}"
}

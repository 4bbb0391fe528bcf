#!/usr/bin/env bash
# The logic of the GitHub Action in action.yml, kept in a script so that a test can run it with the variables the
# Actions runner sets (GITHUB_WORKSPACE, GITHUB_OUTPUT, RUNNER_TEMP, RUNNER_OS, GITHUB_ACTION_PATH) and the inputs
# as INPUT_* variables.
#
#   vpnlint-action.sh prepare   decides which vpnlint to run and where its build is kept (the cache key and
#                               directory for actions/cache), and whether Java 17 must be set up
#   vpnlint-action.sh run       builds vpnlint into that directory unless the cache restored it, then runs
#                               `vpnlint check` from the workspace root, so that SARIF's relative paths resolve
set -euo pipefail

die() { echo "vpnlint action: $*" >&2; exit 2; }
output() { echo "$1=$2" >> "${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set}"; }

action_path="${GITHUB_ACTION_PATH:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
runner_temp="${RUNNER_TEMP:?RUNNER_TEMP is not set}"
version="${INPUT_VERSION:-}"
# Where a `version` is fetched from; a test points it at a local repository.
repository="${VPNLINT_REPOSITORY:-https://github.com/vpnlint/vpnlint}"

# The major version of the java on PATH (or in JAVA_HOME), or 0 when there is none.
java_major() {
  local java="java"
  [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && java="$JAVA_HOME/bin/java"
  command -v "$java" >/dev/null 2>&1 || { echo 0; return; }
  # `java -version` prints e.g. `openjdk version "17.0.15" 2025-04-15` (or "1.8.0_402" before Java 9).
  "$java" -version 2>&1 | sed -n 's/.* version "\(1\.\)\{0,1\}\([0-9]*\).*/\2/p' | head -n 1
}

# The sources to build: the action's own checkout, or the tag or branch the `version` input names.
source_dir() {
  if [ -z "$version" ]; then echo "$action_path"; else echo "$runner_temp/vpnlint-source-$version"; fi
}

# A key that changes whenever the sources do: the version asked for, or a hash of the action's main sources.
cache_key() {
  if [ -n "$version" ]; then
    echo "vpnlint-${RUNNER_OS:-Linux}-$version"
  else
    local hash
    hash="$(cd "$action_path" && find . -path '*/target' -prune -o \( -path '*/src/main/*' -o -name pom.xml \) \
              -type f -print | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-16)"
    echo "vpnlint-${RUNNER_OS:-Linux}-source-$hash"
  fi
}

prepare() {
  local key major
  key="$(cache_key)"
  output cache-key "$key"
  output install-dir "$runner_temp/vpnlint-build/$key"
  major="$(java_major)"
  if [ "${major:-0}" -ge 17 ] 2>/dev/null; then output setup-java false; else output setup-java true; fi
}

build() {
  local install="$1" source
  source="$(source_dir)"
  if [ -n "$version" ] && [ ! -d "$source" ]; then
    git clone -q --depth 1 --branch "$version" "$repository" "$source" || die "cannot fetch vpnlint $version from $repository"
  fi
  command -v mvn >/dev/null 2>&1 || die "Maven (mvn) is needed to build vpnlint; GitHub's hosted runners have it"
  echo "vpnlint action: building vpnlint from $source" >&2
  (cd "$source" && mvn -B -q -ntp -Dmaven.test.skip=true package -pl cli -am) || die "the build failed"
  mkdir -p "$install"
  cp -R "$source/cli/target/vpnlint.jar" "$source/cli/target/lib" "$install/"
}

run() {
  local install="${VPNLINT_INSTALL_DIR:?run needs VPNLINT_INSTALL_DIR (the install-dir output of prepare)}"
  local format="${INPUT_FORMAT:-sarif}" fail_on="${INPUT_FAIL_ON:-error}" report="" java="java"
  [ -f "$install/vpnlint.jar" ] || build "$install"
  [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && java="$JAVA_HOME/bin/java"
  case "$format" in
    sarif) report="vpnlint.sarif" ;;
    gitlab) report="gl-code-quality-report.json" ;;
    json) report="vpnlint.json" ;;
    text|github) report="" ;;
    *) die "format must be sarif, gitlab, json, text or github, not '$format'" ;;
  esac
  # The paths input is split on white space, like a command line; no globbing.
  local paths=()
  set -f
  # shellcheck disable=SC2206
  paths=(${INPUT_PATHS:-.})
  set +f
  local arguments=(check --format "$format" --fail-on "$fail_on")
  [ -n "$report" ] && arguments+=(-o "$report")
  cd "${GITHUB_WORKSPACE:?GITHUB_WORKSPACE is not set}"
  local code=0
  "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss4m -jar "$install/vpnlint.jar" "${arguments[@]}" "${paths[@]}" \
    || code=$?
  output report "$report"
  output exit-code "$code"
  return "$code"
}

case "${1:-}" in
  prepare) prepare ;;
  run) run ;;
  *) die "usage: vpnlint-action.sh prepare|run" ;;
esac

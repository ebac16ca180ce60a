#!/usr/bin/env bash
# Gradescope runs this once, when it builds the autograder's image (as root, with network):
# it installs a JDK if the image has none of version 17 or newer, plus what the Maven Wrapper
# needs, then grades the untouched stubs once online so that every later grading runs offline.
# AUTOGRADER_ROOT (default /autograder) lets the kit's own tests run it in any folder.
set -euo pipefail
root="${AUTOGRADER_ROOT:-/autograder}"
kit="$root/source/kit"

jdk_version() {
  command -v javac >/dev/null 2>&1 || { echo 0; return; }
  java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

missing=()
version="$(jdk_version)"
if [ "${version:-0}" -lt 17 ]; then missing+=(openjdk-17-jdk-headless); fi
command -v unzip >/dev/null 2>&1 || missing+=(unzip)
command -v curl >/dev/null 2>&1 || command -v wget >/dev/null 2>&1 || missing+=(curl ca-certificates)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends "${missing[@]}"
fi
java -version

# Compile the tools, then fill the Maven repository (Maven itself, plugins, JUnit, ...).
bash "$kit/instructor/tool" Autograde "$root" --warm

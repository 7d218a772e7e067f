#!/bin/sh
# Proves that the baseline check refuses an incompatible API change without a major version bump.
#
# It copies bundles/api to a scratch directory, removes OptOutService.isOptedIn (an @ProviderType
# method: a MAJOR change) while io.tidings.api.consent keeps its version, and builds the copy against
# the baseline the last `mvn install` left in the local repository. The working tree is not touched.
# Extra arguments go to Maven, e.g.: -o -Dmaven.repo.local=/work/m2/base
#
#   mvn install -pl bundles/api "$@"      # once, so that there is a baseline
#   bundles/api/src/test/baseline/incompatible-change-fails.sh "$@"
set -eu
api=$(cd "$(dirname "$0")/../../.." && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp -r "$api/pom.xml" "$api/src" "$scratch/"
# the parent is found through the reactor's relative path
sed -i "s|<parent>\(.*\)</parent>|<parent>\1<relativePath>$api/../pom.xml</relativePath></parent>|" "$scratch/pom.xml"

service="$scratch/src/main/java/io/tidings/api/consent/OptOutService.java"
grep -q 'boolean isOptedIn(String address, Purpose purpose);' "$service"
sed -i '/boolean isOptedIn(String address, Purpose purpose);/d' "$service"

if mvn -B -f "$scratch/pom.xml" "$@" verify -DskipTests > "$scratch/build.log" 2>&1; then
    echo "FAIL: the build passed with an incompatible change (is there a baseline? run mvn install first)"
    grep -i baseline "$scratch/build.log" || true
    exit 1
fi
if ! grep -q '^\* io.tidings.api.consent  *PACKAGE  *MAJOR' "$scratch/target/baseline/"*.txt; then
    echo "FAIL: the build failed, but not with the baseline error expected"
    tail -40 "$scratch/build.log"
    exit 1
fi
grep -A12 'Baseline problems detected' "$scratch/build.log"
echo "ok: the baseline check refused removing OptOutService.isOptedIn without a major version bump"

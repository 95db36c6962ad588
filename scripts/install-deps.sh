#!/bin/sh
# Install the Debian packages listed in the given files that are missing.
# Only root can install; anyone else gets the list and exit status 1.
set -eu
want=$(cat "$@" | sed 's/#.*//' | tr -s ' \t' '\n' | sed '/^$/d' | sort -u)
missing=
for pkg in $want; do
	dpkg-query -W -f='${Status}\n' "$pkg" 2>/dev/null | grep -q '^install ok installed$' ||
		missing="$missing $pkg"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
	echo "install-deps: missing packages:$missing" >&2
	echo "install-deps: run 'sudo apt-get install$missing' or this target as root" >&2
	exit 1
fi
echo "install-deps: installing$missing"
# One flaky index must not stop us: the packages usually still resolve.
apt-get update -q >/dev/null 2>&1 || apt-get update -q >/dev/null 2>&1 || true
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing

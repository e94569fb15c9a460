#!/bin/sh
# Crash safety of `chorus ingest`: a real ingest is killed with SIGKILL at random
# moments, five times; after each kill the store must open and hold whole batches only
# (batches of 100 articles, so the count is a multiple of 100 and never shrinks).
# A last run then completes: exactly 3000 articles, none twice.
set -u
tmp=$(mktemp -d /tmp/chorus-crash-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
db="$tmp/c.db"

# 3000 articles of 300 stories; each text is unique.
awk 'BEGIN {
	split("storm flood fire strike vote trial deal crash rally quake", kind, " ")
	for (i = 1; i <= 3000; i++) {
		s = i % 300
		printf "{\"id\":\"a%d\",\"source\":\"outlet%d\",\"title\":\"The %s in town%d\",", i, i % 7, kind[s % 10 + 1], s
		printf "\"text\":\"Reports of the %s in town%d, number %d. Officials of town%d said the %s ", kind[s % 10 + 1], s, i, s, kind[s % 10 + 1]
		for (w = 0; w < 40; w++) printf "w%d ", (i * 7 + w * 13) % 997
		printf "ended.\"}\n"
	}
}' > "$tmp/in.jsonl"

count() {
	"$CHORUS" stories --db "$db" --format json 2>&1 |
		awk '/"articles":/ { gsub(/[^0-9]/, "", $2); n += $2 } END { print n + 0 }'
}

# How long a whole run takes here (sanitized builds are slower): kills land inside it.
t0=$(date +%s%N)
"$CHORUS" ingest "$tmp/in.jsonl" --db "$tmp/probe.db" --batch 100 -q
t1=$(date +%s%N)
span=$(( (t1 - t0) / 1000000 ))

prev=0
k=1
while [ $k -le 5 ]; do
	"$CHORUS" ingest "$tmp/in.jsonl" --db "$db" --batch 100 -q &
	pid=$!
	# a random moment within the time of a whole run
	sleep "$(awk -v s="$$$k" -v span="$span" 'BEGIN { srand(s); printf "%.3f", rand() * span / 1000 }')"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	# killed before the first commit: no file, or a file that holds nothing yet
	if ! "$CHORUS" stories --db "$db" --limit 1 >/dev/null 2>"$tmp/err" &&
	   ! grep -q "no such database\|holds nothing yet" "$tmp/err"; then
		echo "kill $k: the store does not open: $(cat "$tmp/err")"
		exit 1
	fi
	n=$(count)
	whole=no
	[ $((n % 100)) -eq 0 ] && [ "$n" -ge "$prev" ] && whole=yes
	[ -n "${CRASH_VERBOSE:-}" ] && echo "  ($n articles stored)"
	echo "kill $k: the store opens; whole batches only, nothing lost: $whole"
	prev=$n
	k=$((k + 1))
done
"$CHORUS" ingest "$tmp/in.jsonl" --db "$db" --batch 100 -q
echo "re-run: exit $?, $(count) articles"
"$CHORUS" ingest "$tmp/in.jsonl" --db "$db" --batch 100 2>&1 | sed 's/^ingest: //; s/; [^;]*holds/; the store holds/; s/in [0-9]* stor[a-z]*$/in N stories/'

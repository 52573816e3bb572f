#!/bin/sh
# A sharded `ccsim staff --per-interval` on one machine, round after round (docs/shards.md):
# each round runs SHARDS shards of the search's next day at once, then merges them into STUDY;
# the search goes on while STUDY/staff-progress.json exists. Exits as the unsharded command
# would: 0 with an answer, 1 without one, 2 when a shard or the merge refuses.
#
#   sh docs/examples/staff-curve/rounds.sh            # from a ccsim checkout
#   SHARDS=4 STUDY=reports/day-12h-curve sh docs/examples/staff-curve/rounds.sh
#
# To run the shards elsewhere, replace the `npx ccsim staff … &` line by whatever starts one
# shard on a machine and waits for it (every shard with the same arguments but --shard and --out).
set -u
SCENARIO=${SCENARIO:-test/fixtures/staff/three-intervals.yaml}
GROUP=${GROUP:-agent}
TARGET=${TARGET:-serviceLevel>=0.8}
SHARDS=${SHARDS:-3}
STUDY=${STUDY:-study}
WORK=${WORK:-shards}

while :; do
  # Round 1 starts the search; later rounds resume the study the last merge wrote.
  resume=""
  [ -f "$STUDY/staff-progress.json" ] && resume="--resume $STUDY"
  pids=""
  i=1
  while [ "$i" -le "$SHARDS" ]; do
    # shellcheck disable=SC2086 # $resume is two words or none
    npx ccsim staff "$SCENARIO" --group "$GROUP" --target "$TARGET" --per-interval \
      --no-progress --shard "$i/$SHARDS" $resume --out "$WORK/$i" &
    pids="$pids $!"
    i=$((i + 1))
  done
  for pid in $pids; do wait "$pid" || exit 2; done
  folders=""
  i=1
  while [ "$i" -le "$SHARDS" ]; do folders="$folders $WORK/$i"; i=$((i + 1)); done
  status=0
  # shellcheck disable=SC2086 # one word per shard folder
  npx ccsim merge $folders --out "$STUDY" || status=$?
  # Ended: the answer (0) or none (1) is in $STUDY/staffing-intervals.csv; 2: refused.
  [ -f "$STUDY/staff-progress.json" ] || exit "$status"
  [ "$status" -eq 0 ] || exit "$status"
done

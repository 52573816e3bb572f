#!/bin/sh
# Drives a sharded `ccsim staff --per-interval` on Kubernetes, one round per loop: the shards'
# Indexed Job, then the merge Job, re-created each round (a Job's pods cannot be run again),
# until the merge says the search has ended (docs/shards.md). Run from a ccsim checkout, with
# kubectl pointed at the cluster and the image of docs/examples/kubernetes/Dockerfile reachable.
# Exits as `ccsim staff --per-interval` would: 0 with an answer, 1 without one, 2 on a failure.
set -eu
here=$(dirname "$0")
while :; do
  kubectl delete job ccsim-curve-shards ccsim-curve-merge --ignore-not-found --wait=true
  kubectl apply -f "$here/ccsim-curve-shards-job.yaml"
  kubectl wait --for=condition=complete job/ccsim-curve-shards --timeout=2h || exit 2
  kubectl apply -f "$here/ccsim-curve-merge-job.yaml"
  kubectl wait --for=condition=complete job/ccsim-curve-merge --timeout=30m || exit 2
  state=$(kubectl logs job/ccsim-curve-merge | grep '^ccsim-curve: ' | tail -n 1)
  echo "$state"
  case "$state" in
    "ccsim-curve: next day") ;;
    "ccsim-curve: ended 0") exit 0 ;;
    "ccsim-curve: ended 1") exit 1 ;;
    *) exit 2 ;;
  esac
done

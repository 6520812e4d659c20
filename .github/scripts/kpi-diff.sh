#!/usr/bin/env bash
# The KPI diff of a pull request, computed by trusted code for pr-comment.yml.
#
# Runs in a checkout of this repository's own default branch (the code that defines the workflow),
# never in the pull request's tree: the PR's commits are fetched as git objects under
# refs/capaian/head and read as plain data by `capaian diff --head` (data/ and kpis/ files through
# `git cat-file`, see src/load/read-git.ts). Nothing from the PR is checked out, installed or run.
#
# Inputs (environment; all from GitHub's own run metadata and API, never from an artifact):
#   PR_NUMBER      the pull request, found by matching the run's head SHA against the API
#   HEAD_SHA       the commit CI ran on (workflow_run.head_sha)
#   BASE_SHA       the pull request's base commit (from the API)
#   CI_CONCLUSION  how CI ended for HEAD_SHA (success, failure, cancelled, ...)
#   RUN_URL        link to that CI run
#   REMOTE         where to fetch the PR from (default: origin)
#   OUT_DIR        where to write comment.md and full.md (default: kpi-diff)
#   CAPAIAN        how to run the trusted capaian (default: node bin/capaian.mjs)
# Output: OUT_DIR/comment.md (the sticky comment, within GitHub's size limit), OUT_DIR/full.md (the
# full report, for the job summary and the artifact). Exit 0 with OUT_DIR/skip when the PR has moved
# on since HEAD_SHA (the run for the newer commit will comment); exit 2 on bad inputs.
set -uo pipefail

REMOTE="${REMOTE:-origin}"
OUT_DIR="${OUT_DIR:-kpi-diff}"
CAPAIAN="${CAPAIAN:-node bin/capaian.mjs}"
CI_CONCLUSION="${CI_CONCLUSION:-unknown}"
RUN_URL="${RUN_URL:-}"
HEAD_REF="refs/capaian/head"

fail() { echo "kpi-diff: $*" >&2; exit 2; }
[[ "${PR_NUMBER:-}" =~ ^[1-9][0-9]{0,9}$ ]] || fail "PR_NUMBER must be a positive integer"
[[ "${HEAD_SHA:-}" =~ ^[0-9a-f]{40}$ ]] || fail "HEAD_SHA must be a full commit id"
[[ "${BASE_SHA:-}" =~ ^[0-9a-f]{40}$ ]] || fail "BASE_SHA must be a full commit id"
[[ "$CI_CONCLUSION" =~ ^[a-z_]+$ ]] || fail "CI_CONCLUSION must be a word"
[[ -z "$RUN_URL" || "$RUN_URL" =~ ^https://[A-Za-z0-9./_-]+$ ]] || fail "RUN_URL must be a plain https link"

mkdir -p "$OUT_DIR"
rm -f "$OUT_DIR/comment.md" "$OUT_DIR/full.md" "$OUT_DIR/skip"
short="${HEAD_SHA:0:7}"
run_link="CI run"
[[ -n "$RUN_URL" ]] && run_link="[CI run]($RUN_URL)"
footer="<sub>capaian KPI diff for \`$short\` · $run_link · computed by the base branch's capaian from the pull request's data files</sub>"

# The PR's commits, as objects only: no checkout, no work tree, no hooks.
git fetch --quiet --no-tags "$REMOTE" "+refs/pull/$PR_NUMBER/head:$HEAD_REF" || fail "could not fetch pull request $PR_NUMBER"
if [[ "$(git rev-parse "$HEAD_REF^{commit}")" != "$HEAD_SHA" ]]; then
  echo "kpi-diff: pull request $PR_NUMBER has moved on from $short; the run for its newer commit will comment" >&2
  touch "$OUT_DIR/skip"
  exit 0
fi
git cat-file -e "$BASE_SHA^{commit}" 2>/dev/null || git fetch --quiet --no-tags "$REMOTE" "$BASE_SHA" || fail "could not fetch the base commit"
merge_base="$(git merge-base "$BASE_SHA" "$HEAD_REF")" || fail "the pull request shares no history with its base"

# No chunk cache: entries restored from other runs are not trusted here.
status=0
CAPAIAN_CACHE=off $CAPAIAN diff --base "$merge_base" --head "$HEAD_REF" --out-full "$OUT_DIR/full.md" >"$OUT_DIR/body.md" 2>"$OUT_DIR/stderr.txt" || status=$?

{
  if [[ "$CI_CONCLUSION" != "success" ]]; then
    echo "> [!WARNING]"
    echo "> CI did not pass for \`$short\` ($CI_CONCLUSION): see the $run_link. The KPI diff below is computed from the data files all the same."
    echo
  fi
  if [[ $status -le 1 && -s "$OUT_DIR/body.md" ]]; then
    # 0: computed; 1: the head has validation problems, which the body lists first.
    cat "$OUT_DIR/body.md"
  else
    echo "**capaian**: ⚠️ the KPI diff could not be computed for \`$short\`; see the $run_link."
    [[ -s "$OUT_DIR/full.md" ]] || echo "The KPI diff could not be computed (capaian exited with $status)." >"$OUT_DIR/full.md"
  fi
  echo
  echo "$footer"
} >"$OUT_DIR/comment.md"
rm -f "$OUT_DIR/body.md"
[[ -s "$OUT_DIR/full.md" ]] || cp "$OUT_DIR/comment.md" "$OUT_DIR/full.md"
exit 0

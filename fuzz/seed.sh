#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ with the seed corpus: the example and broken profiles for
# profile_recommend; the shipped, minimal and broken rule files for knowledge_validate.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/profile_recommend corpus/knowledge_validate
for f in ../profiles/*.json; do cp "$f" "corpus/profile_recommend/example-$(basename "$f")"; done
for f in ../tests/fixtures/profiles-bad/*; do cp "$f" "corpus/profile_recommend/bad-$(basename "$f")"; done
for f in ../rules/*.json; do cp "$f" "corpus/knowledge_validate/shipped-$(basename "$f")"; done
for f in ../tests/fixtures/rules-bad/*.json; do cp "$f" "corpus/knowledge_validate/bad-$(basename "$f")"; done
cp ../tests/fixtures/kb-min/kb.json corpus/knowledge_validate/kb-min.json
cp ../tests/fixtures/kb-min/sources.json corpus/knowledge_validate/kb-min-sources.json

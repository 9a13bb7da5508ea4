#!/usr/bin/env bash
# Downloads DJL's build of the PyTorch native library for one flavor into LIB_DIR: the files DJL
# itself would fetch at run time, which it cannot do in an image that runs with
# ai.djl.offline=true. DJL lists them in https://publish.djl.ai/pytorch/VERSION/files.txt as
# FLAVOR/CLASSIFIER/native/lib/NAME.gz (NAME URL-encoded) and serves each beside that list.
#
# For a CUDA flavor, LINK_DIR gets libcudart.so pointing at the CUDA runtime in the bundle: DJL
# asks for the GPU count by loading "cudart" through JNA, and the bundle ships it only under a
# hashed name. The cpu flavor fetches nothing: the trainer jar carries it.
#
# Usage: fetch-djl-natives.sh VERSION FLAVOR LIB_DIR [LINK_DIR]
#   e.g. fetch-djl-natives.sh 2.7.1 cu128 /opt/djl/pytorch /opt/djl/cudart
# Environment: DJL_PUBLISH_URL (default https://publish.djl.ai/pytorch), DJL_CLASSIFIER
# (default linux-x86_64).
set -euo pipefail

if [ $# -lt 3 ]; then
  echo "usage: $0 VERSION FLAVOR LIB_DIR [LINK_DIR]" >&2
  exit 2
fi
version=$1
flavor=$2
lib_dir=$3
link_dir=${4:-}
base=${DJL_PUBLISH_URL:-https://publish.djl.ai/pytorch}
classifier=${DJL_CLASSIFIER:-linux-x86_64}

mkdir -p "$lib_dir"
if [ "$flavor" = cpu ]; then
  echo "flavor cpu: nothing to fetch, the jar carries PyTorch's CPU natives"
  exit 0
fi

index=$(mktemp)
trap 'rm -f "$index"' EXIT
curl -fsSL --retry 3 "$base/$version/files.txt" -o "$index"
prefix="$flavor/$classifier/"
count=0
while IFS= read -r line || [ -n "$line" ]; do
  line=${line%$'\r'}
  case "$line" in
    "$prefix"*.gz) ;;
    *) continue ;;
  esac
  encoded=${line##*/}
  encoded=${encoded%.gz}
  name=$(printf '%b' "${encoded//%/\\x}")
  echo "fetching $line"
  curl -fsSL --retry 3 "$base/$version/$line" | gunzip > "$lib_dir/$name"
  count=$((count + 1))
done < "$index"

if [ "$count" -eq 0 ]; then
  echo "no $prefix files for PyTorch $version in $base/$version/files.txt; flavors listed there:" >&2
  cut -d/ -f1-2 "$index" | sort -u >&2
  exit 1
fi
if [ ! -f "$lib_dir/libtorch.so" ]; then
  echo "$prefix for PyTorch $version has no libtorch.so" >&2
  exit 1
fi
echo "fetched $count files of PyTorch $version $flavor $classifier into $lib_dir"

if [ -n "$link_dir" ] && [[ "$flavor" == cu* ]]; then
  shopt -s nullglob
  runtimes=("$lib_dir"/libcudart*.so*)
  if [ ${#runtimes[@]} -ne 1 ]; then
    echo "expected one CUDA runtime (libcudart*.so*) in $lib_dir, found ${#runtimes[@]}: ${runtimes[*]}" >&2
    exit 1
  fi
  mkdir -p "$link_dir"
  ln -sf "${runtimes[0]}" "$link_dir/libcudart.so"
  echo "linked $link_dir/libcudart.so -> ${runtimes[0]}"
fi

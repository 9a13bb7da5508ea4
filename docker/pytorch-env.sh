#!/bin/sh
# Runs a command with DJL pointed at the CUDA build of PyTorch baked into the image, when the
# container has an NVIDIA GPU; otherwise DJL uses the CPU build inside the jar. The CUDA build
# cannot serve CPU-only machines: some of its libraries need the driver's libcuda.so.1.
#
# The jar's CPU natives would win DJL's own choice, so the CUDA folder is named explicitly
# (PYTORCH_LIBRARY_PATH), and its flavor with it (PYTORCH_FLAVOR), from which DJL picks the
# matching JNI library. The driver's libraries are where Vertex AI and Dataflow mount them.
set -eu
natives=${TUNEBEAM_CUDA_NATIVES:-/opt/djl/pytorch}
cudart=${TUNEBEAM_CUDART_DIR:-/opt/djl/cudart}
device=${TUNEBEAM_GPU_DEVICE:-/dev/nvidiactl}
if [ -e "$device" ] && [ -f "$natives/libtorch.so" ]; then
  export PYTORCH_LIBRARY_PATH="$natives"
  export PYTORCH_FLAVOR="${TUNEBEAM_CUDA_FLAVOR:?TUNEBEAM_CUDA_FLAVOR names the flavor in $natives, e.g. cu128}"
  export LD_LIBRARY_PATH="$cudart:/usr/local/nvidia/lib64:/usr/local/nvidia/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  export PATH="$PATH:/usr/local/nvidia/bin"
fi
exec "$@"

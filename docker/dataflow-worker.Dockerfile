# The Dataflow worker image for training on the workers' GPUs (--backend=local with
# --sdkContainerImage and the worker_accelerator service option; docs/cloud.md). Beam's Java 17
# SDK harness, unchanged, plus DJL's CUDA build of PyTorch and Fashion-MNIST. The pipeline's
# classes, DJL and its CPU natives arrive as the job's staged jar, as on any Dataflow worker.
#
# Trainer processes start from the harness JVM with its classpath and environment, so
# pytorch-env.sh wraps Beam's boot: on a GPU worker every trainer finds the CUDA build, on a CPU
# worker the jar's CPU build.
#
#   docker build -f docker/dataflow-worker.Dockerfile -t IMAGE .
# or docker/cloudbuild-dataflow-worker.yaml.

# Must match pytorch.version in pom.xml (DockerfilesTest checks it).
ARG PYTORCH_VERSION=2.7.1
ARG PYTORCH_FLAVOR=cu128

FROM debian:bookworm-slim AS assets
ARG PYTORCH_VERSION
ARG PYTORCH_FLAVOR
RUN apt-get update \
    && apt-get install -y --no-install-recommends bash ca-certificates curl gzip dataset-fashion-mnist \
    && rm -rf /var/lib/apt/lists/*
COPY docker/fetch-djl-natives.sh docker/pytorch-env.sh /opt/tunebeam/
# Modes set here, not taken from the checkout, which may have lost them.
RUN chmod 755 /opt/tunebeam/pytorch-env.sh \
    && bash /opt/tunebeam/fetch-djl-natives.sh "$PYTORCH_VERSION" "$PYTORCH_FLAVOR" /opt/djl/pytorch /opt/djl/cudart

# Must be the Beam version and Java release of pom.xml (beam.java.image; DockerfilesTest checks it).
FROM apache/beam_java17_sdk:2.73.0
ARG PYTORCH_FLAVOR
COPY --from=assets /usr/share/datasets/fashion-mnist /usr/share/datasets/fashion-mnist
COPY --from=assets /opt/djl /opt/djl
COPY --from=assets /opt/tunebeam/pytorch-env.sh /usr/local/bin/pytorch-env
ENV TUNEBEAM_CUDA_FLAVOR=${PYTORCH_FLAVOR}
ENTRYPOINT ["/usr/local/bin/pytorch-env", "/opt/apache/beam/boot"]

# The trainer image Vertex AI runs: one trial per CustomJob, its flags as the container's args
# (--activation relu --optimizer adam --batch-size 64 --num-epochs 2 ...), the trainer contract
# of TrainerMain (AIP_MODEL_DIR, AIP_TENSORBOARD_LOG_DIR, CLOUD_ML_HP_METRIC_FILE, ...).
#
# One image serves CPU and GPU machines: on a GPU, pytorch-env.sh points DJL at the CUDA build of
# PyTorch fetched below; elsewhere DJL uses the CPU build inside the jar.
#
# Build from the repository root after `mvn -pl trainer -am package -DskipTests`:
#   docker build -f docker/trainer.Dockerfile -t IMAGE .
# or with Cloud Build, which also builds the jar: docker/cloudbuild-trainer.yaml.

# Must match pytorch.version in pom.xml (DockerfilesTest checks it).
ARG PYTORCH_VERSION=2.7.1
# The CUDA flavor DJL builds for that version; its JNI library ships in pytorch-jni. "cpu" skips the fetch.
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

FROM eclipse-temurin:17-jre
ARG PYTORCH_FLAVOR
RUN useradd --system --create-home --home-dir /home/tunebeam --shell /usr/sbin/nologin tunebeam
COPY --from=assets /usr/share/datasets/fashion-mnist /usr/share/datasets/fashion-mnist
COPY --from=assets /opt/djl /opt/djl
COPY --from=assets /opt/tunebeam/pytorch-env.sh /usr/local/bin/pytorch-env
COPY trainer/target/tunebeam-trainer.jar /opt/tunebeam/tunebeam-trainer.jar
ENV TUNEBEAM_CUDA_FLAVOR=${PYTORCH_FLAVOR} \
    NVIDIA_VISIBLE_DEVICES=all \
    NVIDIA_DRIVER_CAPABILITIES=compute,utility
USER tunebeam
WORKDIR /home/tunebeam
ENTRYPOINT ["/usr/local/bin/pytorch-env", "java", "-Dai.djl.offline=true", "-cp", "/opt/tunebeam/tunebeam-trainer.jar", "dev.tunebeam.trainer.TrainerMain"]

#!/bin/sh
# Stands in for the docker CLI that Jib drives when quarkus-container-image-jib builds to a "Docker daemon", so the
# image is built without Docker and written to a tarball instead (the Maven profile image-tar in the parent pom):
#   docker load     -> the image tarball Jib streams in is saved to $VENTRACK_IMAGE_TAR
#   docker info     -> a linux/amd64 daemon, for Jib's platform check
#   docker inspect  -> image details for Jib's report (the real ones are in the tarball's manifest)
# The tarball is what `docker load -i` or `skopeo copy docker-archive:...` take.
set -eu
case "${1:-}" in
  load)
    : "${VENTRACK_IMAGE_TAR:?set quarkus.jib.docker-environment.VENTRACK_IMAGE_TAR}"
    mkdir -p "$(dirname "$VENTRACK_IMAGE_TAR")"
    cat > "$VENTRACK_IMAGE_TAR"
    echo "Loaded image to $VENTRACK_IMAGE_TAR"
    ;;
  info)
    echo '{"OSType":"linux","Architecture":"x86_64"}'
    ;;
  inspect)
    echo '{"Size":0,"Id":"sha256:0000000000000000000000000000000000000000000000000000000000000000","RootFS":{"Layers":[]}}'
    ;;
  *)
    echo "docker-cli-to-tar.sh: unsupported docker command: $*" >&2
    exit 1
    ;;
esac

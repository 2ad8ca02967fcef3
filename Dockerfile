# Lobby server image: build with the Swift toolchain, run on slim Debian with only the runtime libraries.
# (No Docker engine runs on the development machines; this file is kept in step with scripts/deps.sh.)
FROM swift:6.0-bookworm AS build
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        pkg-config libssl-dev libhiredis-dev libsqlite3-dev zlib1g-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift ./
COPY Sources ./Sources
COPY Tests ./Tests
RUN swift build -c release --product lobby-server --static-swift-stdlib \
 && install -D .build/release/lobby-server /out/bin/lobby-server

FROM debian:bookworm-slim
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        libssl3 libhiredis0.14 libsqlite3-0 zlib1g ca-certificates curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home /var/lib/lobby --create-home lobby
COPY --from=build /out/bin/lobby-server /usr/local/bin/lobby-server
# Migrations are found next to the executable's share dir (see docs/configuration.md).
COPY Migrations /usr/local/share/lobby/Migrations
USER lobby
WORKDIR /var/lib/lobby
ENV LOBBY_ENV=production PORT=3005
EXPOSE 3005
HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD curl -fsS "http://127.0.0.1:${PORT}/health" || exit 1
ENTRYPOINT ["/usr/local/bin/lobby-server"]

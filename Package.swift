// swift-tools-version:6.0
// Lobby: a realtime game-lobby server. No package dependencies: Foundation, Dispatch and Debian's C libraries only.
import PackageDescription

/// Release builds of the hot path skip exclusivity checks; debug builds keep them.
let fast: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "Lobby",
    products: [
        .executable(name: "lobby-server", targets: ["LobbyServer"]),
        .executable(name: "lobby-bench", targets: ["LobbyBench"]),
    ],
    targets: [
        // C libraries from Debian, as system-library targets (GRDB's shape: module.modulemap + shim.h).
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CHiredis", pkgConfig: "hiredis", providers: [.apt(["libhiredis-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // zlib for permessage-deflate (RFC 7692).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Linux syscalls Swift imports badly (packed epoll_event, variadic fcntl, macros).
        .target(name: "CLinux"),

        // Pure wire protocol shared by the server and its clients: HTTP/1.1 parsing, RFC 6455 framing, UTF-8,
        // permessage-deflate (RFC 7692).
        .target(name: "WebSocketCore", dependencies: ["COpenSSL", "CZlib"], swiftSettings: fast),
        // Pure event vocabulary: Foundation only, no I/O.
        .target(name: "GameEvents"),
        // SQLite storage.
        .target(name: "Persistence", dependencies: ["GameEvents", "CSQLite"]),
        // The server.
        .executableTarget(
            name: "LobbyServer",
            dependencies: ["WebSocketCore", "GameEvents", "Persistence", "CLinux", "COpenSSL"],
            swiftSettings: fast
        ),
        // Our own load tool (RFC 6455 client on epoll).
        .executableTarget(
            name: "LobbyBench", dependencies: ["WebSocketCore", "GameEvents", "CLinux", "COpenSSL"],
            swiftSettings: fast),

        .testTarget(name: "WebSocketCoreTests", dependencies: ["WebSocketCore"]),
        .testTarget(name: "GameEventsTests", dependencies: ["GameEvents"]),
        .testTarget(name: "PersistenceTests", dependencies: ["Persistence"]),
        .testTarget(name: "LobbyServerTests", dependencies: ["LobbyServer", "WebSocketCore", "CLinux", "COpenSSL"]),
    ]
)

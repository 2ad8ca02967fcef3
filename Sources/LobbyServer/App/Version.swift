/// The server's version, reported by `--version` and `/health`.
enum Version {
    static let string = "0.1.0"
}

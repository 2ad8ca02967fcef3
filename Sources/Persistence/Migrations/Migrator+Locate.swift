import Foundation

extension Migrator {
    /// The environment variable naming the migrations directory.
    public static let environmentVariable = "LOBBY_MIGRATIONS_DIR"

    /// Finds the migrations directory, trying in this order:
    /// 1. `explicit` (e.g. a `--migrations` flag or config value), when given;
    /// 2. the environment variable `LOBBY_MIGRATIONS_DIR`, when set and non-empty;
    /// 3. `Migrations` in the working directory (running from a checkout);
    /// 4. `<executable dir>/Migrations` (a build or tarball with the files beside the binary);
    /// 5. `<executable dir>/../share/lobby/Migrations` (an installed layout such as `/usr/local/bin` + `share`).
    /// An explicit path or variable that does not name a directory is an error rather than a fall-through, so a
    /// typo never silently picks another schema. Relative paths are resolved against `workingDirectory`.
    public static func locate(
        explicit: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        workingDirectory: String = FileManager.default.currentDirectoryPath,
        executablePath: String? = currentExecutablePath()
    ) throws -> URL {
        let base = URL(fileURLWithPath: workingDirectory, isDirectory: true)
        if let explicit {
            return try requireDirectory(URL(fileURLWithPath: explicit, relativeTo: base))
        }
        if let configured = environment[environmentVariable], !configured.isEmpty {
            return try requireDirectory(URL(fileURLWithPath: configured, relativeTo: base))
        }
        var candidates = [base.appendingPathComponent("Migrations", isDirectory: true)]
        if let executablePath {
            let binDir = URL(fileURLWithPath: executablePath, relativeTo: base).deletingLastPathComponent()
            candidates.append(binDir.appendingPathComponent("Migrations", isDirectory: true))
            candidates.append(
                binDir.deletingLastPathComponent().appendingPathComponent("share/lobby/Migrations", isDirectory: true))
        }
        for candidate in candidates where isDirectory(candidate) {
            return candidate.standardizedFileURL
        }
        throw MigrationError.directoryNotFound(searched: candidates.map(\.standardizedFileURL.path))
    }

    /// The running executable's path, from `/proc/self/exe` (nil when unavailable).
    public static func currentExecutablePath() -> String? {
        try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    }

    /// `url` standardized, or `directoryNotFound` when it is not a directory.
    private static func requireDirectory(_ url: URL) throws -> URL {
        guard isDirectory(url) else { throw MigrationError.directoryNotFound(searched: [url.standardizedFileURL.path]) }
        return url.standardizedFileURL
    }

    /// Whether `url` names an existing directory.
    private static func isDirectory(_ url: URL) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &flag) && flag.boolValue
    }
}

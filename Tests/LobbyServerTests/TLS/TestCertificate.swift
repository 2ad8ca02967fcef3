import Foundation

/// A throw-away self-signed certificate and RSA key for `localhost` (CN and subjectAltName DNS:localhost,
/// IP:127.0.0.1), made with the `openssl` command in a fresh temporary directory that is removed when the
/// value is released. Keep it alive for as long as a server or context needs the files.
final class TestCertificate: Sendable {
    /// The temporary directory holding both files.
    let directory: String
    /// PEM certificate (`c.pem`); also the CA file a client trusts.
    let certificatePath: String
    /// PEM private key, unencrypted (`k.pem`).
    let privateKeyPath: String

    /// Runs `openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=localhost -days 1 ...`; throws with openssl's
    /// output if it fails or is missing.
    init() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("lobby-tls-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        self.directory = directory
        certificatePath = directory + "/c.pem"
        privateKeyPath = directory + "/k.pem"
        do {
            try Self.run([
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-days", "1",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout", privateKeyPath, "-out", certificatePath,
            ])
        } catch {
            try? FileManager.default.removeItem(atPath: directory)
            throw error
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// Writes `contents` to a new file in the directory and returns its path (for malformed-file tests).
    func writeFile(named name: String, contents: String) throws -> String {
        let path = directory + "/" + name
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The failure of an `openssl` invocation.
    struct CommandFailed: Error, CustomStringConvertible {
        /// The arguments given to `openssl`.
        let arguments: [String]
        /// Exit status.
        let status: Int32
        /// What it wrote to stdout and stderr.
        let output: String
        var description: String { "openssl \(arguments.joined(separator: " ")) exited \(status): \(output)" }
    }

    private static func run(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandFailed(
                arguments: arguments, status: process.terminationStatus,
                output: String(decoding: output, as: UTF8.self))
        }
    }
}

import Foundation
import Testing

@testable import Persistence

/// `Migrator.locate` search order: explicit, environment, working directory, beside the executable, share/.
@Suite struct MigratorLocateTests {
    /// A fake install tree: `<root>/cwd/Migrations`, `<root>/bin/Migrations`, `<root>/share/lobby/Migrations`,
    /// `<root>/explicit`, `<root>/env`; `create` picks which exist.
    func withTree(_ create: Set<String>, _ body: (URL) throws -> Void) throws {
        try TemporaryDirectory.with { root throws in
            for path in ["cwd", "bin"] {
                try FileManager.default.createDirectory(
                    at: root.appendingPathComponent(path), withIntermediateDirectories: true)
            }
            for path in create {
                try FileManager.default.createDirectory(
                    at: root.appendingPathComponent(path), withIntermediateDirectories: true)
            }
            try body(root.standardizedFileURL)
        }
    }

    func locate(
        _ root: URL, explicit: String? = nil, env: [String: String] = [:]
    ) throws -> String {
        try Migrator.locate(
            explicit: explicit, environment: env, workingDirectory: root.appendingPathComponent("cwd").path,
            executablePath: root.appendingPathComponent("bin/lobby-server").path
        ).path
    }

    static let all: Set<String> = ["cwd/Migrations", "bin/Migrations", "share/lobby/Migrations", "explicit", "env"]

    @Test func explicitWinsThenEnvironmentThenWorkingDirectoryThenExecutable() throws {
        try withTree(Self.all) { root throws in
            let env = [Migrator.environmentVariable: root.appendingPathComponent("env").path]
            #expect(
                try locate(root, explicit: root.appendingPathComponent("explicit").path, env: env).hasSuffix(
                    "/explicit"))
            #expect(try locate(root, env: env).hasSuffix("/env"))
            #expect(try locate(root, env: [Migrator.environmentVariable: ""]).hasSuffix("/cwd/Migrations"))
            #expect(try locate(root).hasSuffix("/cwd/Migrations"))
            // Relative explicit paths resolve against the working directory.
            #expect(try locate(root, explicit: "../explicit").hasSuffix("/explicit"))
        }
        try withTree(["bin/Migrations", "share/lobby/Migrations"]) { root throws in
            #expect(try locate(root) == root.appendingPathComponent("bin/Migrations").path)
        }
        try withTree(["share/lobby/Migrations"]) { root throws in
            #expect(try locate(root) == root.appendingPathComponent("share/lobby/Migrations").path)
        }
    }

    @Test func missingExplicitOrEnvironmentDirectoryIsAnErrorNotAFallThrough() throws {
        try withTree(Self.all) { root throws in
            let explicit = #expect(throws: MigrationError.self) { try locate(root, explicit: "/no/such/dir") }
            guard case .directoryNotFound(["/no/such/dir"]) = explicit else {
                Issue.record("got \(String(describing: explicit))")
                return
            }
            #expect(throws: MigrationError.self) {
                try locate(root, env: [Migrator.environmentVariable: "/no/such/env"])
            }
        }
    }

    @Test func nothingFoundListsEverySearchedPath() throws {
        try withTree([]) { root throws in
            let error = #expect(throws: MigrationError.self) { try locate(root) }
            guard case .directoryNotFound(let searched) = error else {
                Issue.record("got \(String(describing: error))")
                return
            }
            #expect(
                searched == [
                    root.appendingPathComponent("cwd/Migrations").path,
                    root.appendingPathComponent("bin/Migrations").path,
                    root.appendingPathComponent("share/lobby/Migrations").path,
                ])
        }
    }

    @Test func currentExecutableIsKnownOnLinux() {
        #expect(Migrator.currentExecutablePath()?.hasPrefix("/") == true)
    }
}

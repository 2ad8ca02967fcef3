import Foundation
import Testing
@testable import LobbyServer

@Suite struct ConfigTests {
    @Test func defaultsMatchTheDeployment() throws {
        let config = try Config.load(arguments: [], environment: [:])
        #expect(config.port == 3005)
        #expect(config.wsPath == "/ws")
        #expect(config.healthPath == "/health")
        #expect(config.maxMessageSize == 1 << 20)
        #expect(config.isEchoEnabled)
    }

    @Test func flagsWinOverEnvironment() throws {
        let config = try Config.load(arguments: ["--port", "4000", "--log-level=debug", "--no-echo"],
                                     environment: ["PORT": "5000", "ECHO_ENABLED": "true", "WS_PATH": "/game"])
        #expect(config.port == 4000)
        #expect(config.logLevel == .debug)
        #expect(!config.isEchoEnabled)
        #expect(config.wsPath == "/game")
    }

    @Test func productionTurnsEchoOffUnlessAsked() throws {
        #expect(!(try Config.load(arguments: [], environment: ["LOBBY_ENV": "production"])).isEchoEnabled)
        #expect(try Config.load(arguments: ["--echo"], environment: ["LOBBY_ENV": "production"]).isEchoEnabled)
    }

    @Test(arguments: [
        ["--port", "70000"], ["--port", "abc"], ["--bogus"], ["--port"], ["--tls-cert", "c.pem"],
        ["--ws-path", "ws"], ["--ping-interval-ms", "5000", "--idle-timeout-ms", "1000"], ["--log-level", "loud"],
        ["stray"],
    ])
    func badSettingsAreRejectedWithAMessage(arguments: [String]) {
        #expect(throws: ConfigError.self) { try Config.load(arguments: arguments, environment: [:]) }
    }

    @Test func allowedOriginsParseAsASet() throws {
        let config = try Config.load(arguments: ["--allowed-origins", "https://a.example, https://b.example"], environment: [:])
        #expect(config.allowedOrigins == ["https://a.example", "https://b.example"])
    }

    @Test func helpAndDocsListEverySetting() throws {
        let docs = try String(contentsOfFile: #filePath.replacingOccurrences(of: "Tests/LobbyServerTests/ConfigTests.swift", with: "docs/configuration.md"), encoding: .utf8)
        for setting in Config.settings {
            #expect(Config.helpText.contains(setting.env), "\(setting.env) missing from --help")
            #expect(docs.contains("`\(setting.env)`"), "\(setting.env) missing from docs/configuration.md")
            #expect(docs.contains("`--\(setting.flag)"), "--\(setting.flag) missing from docs/configuration.md")
        }
    }
}

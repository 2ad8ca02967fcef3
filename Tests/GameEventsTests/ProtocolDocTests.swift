import Foundation
import Testing

@testable import GameEvents

/// docs/protocol.md cannot drift from the code: every JSON example on the page decodes, server examples are
/// exactly what the encoder writes, and every event and error code is documented.
@Suite struct ProtocolDocTests {
    /// One example line: its 1-based line number in the page and its text.
    struct Example: CustomStringConvertible {
        let line: Int
        let text: String
        var description: String { "protocol.md:\(line): \(text)" }
    }

    /// The page's text.
    static let page: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let path = root.appendingPathComponent("docs/protocol.md").path
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }()

    /// Every non-empty line inside a ```json block.
    static let examples: [Example] = {
        var examples: [Example] = []
        var inJSON = false
        for (number, line) in page.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("```") {
                inJSON = !inJSON && line == "```json"
                continue
            }
            if inJSON && !line.trimmingCharacters(in: .whitespaces).isEmpty {
                examples.append(Example(line: number + 1, text: String(line)))
            }
        }
        return examples
    }()

    /// Server messages always carry `timestamp`; the page's client examples never do.
    static func isServerMessage(_ example: Example) throws -> Bool {
        try JSONParser.parse(example.text)["timestamp"] != nil
    }

    static var clientExamples: [Example] { examples.filter { (try? isServerMessage($0)) == false } }
    static var serverExamples: [Example] { examples.filter { (try? isServerMessage($0)) == true } }

    @Test func thePageHasExamples() throws {
        #expect(Self.examples.count >= 30)
        for example in Self.examples {
            #expect(throws: Never.self, "\(example)") { try JSONParser.parse(example.text) }
        }
    }

    @Test(arguments: clientExamples.map(\.line))
    func clientExampleDecodesAndReencodes(_ line: Int) throws {
        let example = try #require(Self.examples.first { $0.line == line })
        let message = try EventCodec.decodeClient(bytes(example.text)).get()
        let again = try EventCodec.decodeClient(EventCodec.encode(message)).get()
        #expect(again == message, "\(example)")
    }

    @Test(arguments: serverExamples.map(\.line))
    func serverExampleIsExactlyWhatTheEncoderWrites(_ line: Int) throws {
        let example = try #require(Self.examples.first { $0.line == line })
        let message = try EventCodec.decodeServer(bytes(example.text)).get()
        let timestamp = try #require(message.timestamp)
        let encoded = EventCodec.encode(message.event, replyTo: message.replyTo, timestamp: timestamp)
        #expect(String(decoding: encoded, as: UTF8.self) == example.text)
        #expect(try EventCodec.decodeServer(encoded).get() == message)
    }

    @Test func everyEventHasAnExample() throws {
        let clientTypes = Set(try Self.clientExamples.map { try JSONParser.parse($0.text)["type"]?.stringValue })
        let serverTypes = Set(try Self.serverExamples.map { try JSONParser.parse($0.text)["type"]?.stringValue })
        for name in ClientEventName.allCases {
            #expect(clientTypes.contains(name.rawValue), "no client example of \(name.rawValue)")
        }
        for name in ServerEventName.allCases {
            #expect(serverTypes.contains(name.rawValue), "no server example of \(name.rawValue)")
        }
    }

    /// The first column of the table whose header starts with `header`, after `heading`.
    static func firstColumn(of header: String, after heading: String) throws -> [String] {
        let section = try #require(page.range(of: heading)).upperBound
        let rest = page[section...]
        let tableStart = try #require(rest.range(of: header)).lowerBound
        var cells: [String] = []
        for line in rest[tableStart...].split(separator: "\n").dropFirst(2) {
            guard line.hasPrefix("| `") else { break }
            cells.append(String(line.dropFirst(3).prefix { $0 != "`" }))
        }
        return cells
    }

    @Test func lobbyTableListsEveryLobbyClientEvent() throws {
        let documented = try Self.firstColumn(of: "| client event |", after: "## Lobbies")
        let lobbyEvents = ClientEventName.allCases.map(\.rawValue).filter { $0.hasPrefix("lobby:") }
        #expect(documented == lobbyEvents)
    }

    @Test func reasonTableListsExactlyTheLobbyErrorReasons() throws {
        let documented = try Self.firstColumn(of: "| `reason` |", after: "## Lobbies")
        #expect(documented == LobbyErrorReason.allCases.map(\.rawValue))
    }

    @Test func gameTableListsEveryGameClientEvent() throws {
        let documented = try Self.firstColumn(of: "| client event |", after: "## Games")
        let gameEvents = ClientEventName.allCases.map(\.rawValue).filter { $0.hasPrefix("game:") }
        #expect(documented == gameEvents)
    }

    @Test func gameReasonTableListsExactlyTheGameErrorReasons() throws {
        let documented = try Self.firstColumn(of: "| `reason` |", after: "## Games")
        #expect(documented == GameErrorReason.allCases.map(\.rawValue))
    }

    @Test func gameServerEventTableListsEveryGameServerEvent() throws {
        let documented = try Self.firstColumn(of: "| server event |", after: "## Games")
        let gameEvents = ServerEventName.allCases.map(\.rawValue).filter { $0.hasPrefix("game:") }
        #expect(documented == gameEvents)
    }

    @Test func errorTableListsExactlyTheWireErrorCodes() throws {
        let section = try #require(Self.page.range(of: "## Errors")).upperBound
        let rest = Self.page[section...]
        let tableStart = try #require(rest.range(of: "| `code` |")).lowerBound
        var documented: [String] = []
        for line in rest[tableStart...].split(separator: "\n").dropFirst(2) {
            guard line.hasPrefix("| `") else { break }
            documented.append(String(line.dropFirst(3).prefix { $0 != "`" }))
        }
        #expect(documented == WireErrorCode.allCases.map(\.rawValue))
    }
}

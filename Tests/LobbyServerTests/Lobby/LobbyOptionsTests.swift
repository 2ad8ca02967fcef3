import Testing

@testable import LobbyServer

/// Validation of `lobby:create` options: defaults, ranges and the sanitized name, each refusal naming its field.
@Suite struct LobbyOptionsTests {
    /// The field and reason `make` is refused with.
    func refusal(_ make: () throws(LobbyRejection) -> Lobby.Options) -> (String?, LobbyRejection.Reason)? {
        do {
            _ = try make()
            return nil
        } catch {
            #expect(error.code == .invalidPayload)
            #expect(error.message.hasPrefix(error.field ?? "?"))
            return (error.field, error.reason)
        }
    }

    @Test func absentFieldsTakeTheDefaults() throws {
        let options = try Lobby.Options(name: "Room")
        #expect(options.name == "Room")
        #expect(options.gameType == .pong)
        #expect(options.maxPlayers == 2)
        #expect(!options.isPrivate)
        #expect(options.settings.pointsToWin == 5)
    }

    @Test func everyFieldIsKept() throws {
        let options = try Lobby.Options(name: "R", gameType: "pong", maxPlayers: 8, isPrivate: true, pointsToWin: 21)
        #expect(options.maxPlayers == 8 && options.isPrivate && options.settings.pointsToWin == 21)
    }

    @Test func rangesAreInclusiveAndEnforced() {
        for seats in [2, 8] { #expect((try? Lobby.Options(name: "R", maxPlayers: seats)) != nil) }
        for seats in [Int.min, 0, 1, 9, 100] {
            let result = refusal { () throws(LobbyRejection) in try Lobby.Options(name: "R", maxPlayers: seats) }
            #expect(result?.0 == "payload.maxPlayers" && result?.1 == .invalidMaxPlayers)
        }
        for points in [1, 21] { #expect((try? Lobby.Options(name: "R", pointsToWin: points)) != nil) }
        for points in [0, 22, -5] {
            let result = refusal { () throws(LobbyRejection) in try Lobby.Options(name: "R", pointsToWin: points) }
            #expect(result?.0 == "payload.settings.pointsToWin" && result?.1 == .invalidPointsToWin)
        }
    }

    @Test func onlyPongIsAGame() {
        for game in ["chess", "Pong", ""] {
            let result = refusal { () throws(LobbyRejection) in try Lobby.Options(name: "R", gameType: game) }
            #expect(result?.0 == "payload.gameType" && result?.1 == .invalidGameType)
        }
    }

    @Test func namesAreSanitized() throws {
        #expect(Lobby.Options.sanitizeName("  Friday\u{0}\u{1B} pong\u{7F}\n ") == "Friday pong")
        #expect(Lobby.Options.sanitizeName("a\tb\u{85}c") == "abc")
        #expect(Lobby.Options.sanitizeName("\u{3000}日本\u{A0}") == "日本")
        #expect(try Lobby.Options(name: " \u{1}Room ").name == "Room")
    }

    @Test func namesAreOneToFortyEightScalars() throws {
        let longest = String(repeating: "é", count: 48)
        #expect(try Lobby.Options(name: longest).name == longest)
        // 48 scalars, but 96 UTF-8 bytes and 48 combining marks on one letter: scalars are what count.
        let combining = "e" + String(repeating: "\u{301}", count: 47)
        #expect(try Lobby.Options(name: combining).name.unicodeScalars.count == 48)
        for bad in [
            "", "   ", "\u{1}\u{2}", String(repeating: "x", count: 49), "  " + String(repeating: "y", count: 49),
        ] {
            let result = refusal { () throws(LobbyRejection) in try Lobby.Options(name: bad) }
            #expect(result?.0 == "payload.name" && result?.1 == .invalidName, "\(bad.debugDescription)")
        }
    }

    @Test func theFirstBadFieldIsReported() {
        let result = refusal { () throws(LobbyRejection) in
            try Lobby.Options(name: "", gameType: "chess", maxPlayers: 1)
        }
        #expect(result?.0 == "payload.name")
    }
}

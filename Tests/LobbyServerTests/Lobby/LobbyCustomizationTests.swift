import GameEvents
import Testing

@testable import LobbyServer

/// Paddle colours: validation, the default palette by seat, uniqueness and the `customize` event.
@Suite struct LobbyCustomizationTests {
    let host = LobbyFixture.host
    let bob = LobbyFixture.bob

    func color(_ text: String) -> Lobby.PaddleColor { Lobby.PaddleColor(validating: text)! }

    @Test func colorsAreHashRRGGBBNormalizedToUpperCase() {
        #expect(Lobby.PaddleColor(validating: "#a1b2c3")?.rawValue == "#A1B2C3")
        #expect(Lobby.PaddleColor(validating: "#A1B2C3") == Lobby.PaddleColor(validating: "#a1B2c3"))
        for bad in ["", "#", "A1B2C3", "#A1B2C", "#A1B2C3D", "#G1B2C3", "#a1b2c ", " #a1b2c3", "#ａ1b2c3", "red"] {
            #expect(Lobby.PaddleColor(validating: bad) == nil, "\(bad)")
        }
    }

    @Test func theWireTextIsValidatedWithTheFieldNamed() {
        #expect(
            throws: LobbyRejection.invalid(
                field: "payload.paddleColor", reason: .invalidColor, problem: "must be a colour written #RRGGBB")
        ) {
            try Lobby.Customization(paddleColor: "#12345")
        }
        #expect((try? Lobby.Customization(paddleColor: "#00ff00"))?.paddleColor == color("#00FF00"))
    }

    @Test func thePaletteHasEightDistinctColors() {
        #expect(Lobby.PaddleColor.palette.count == 8)
        #expect(Set(Lobby.PaddleColor.palette).count == 8)
    }

    @Test func defaultsFollowTheSeatAndStayUnique() {
        var machine = LobbyFixture.machine(maxPlayers: 8)
        let palette = Lobby.PaddleColor.palette
        var users = [host]
        for index in 1..<8 {
            let user = LobbyFixture.user("u-\(index)")
            _ = machine.join(user: user, username: "P\(index)", now: 0)
            users.append(user)
        }
        #expect(machine.lobby.players.map(\.customization.paddleColor) == palette)
        // Seat 2 leaves; the newcomer takes seat 7's number first, finds it in use, and wraps to the free one.
        _ = machine.leave(user: users[2], reason: .left, now: 1)
        _ = machine.join(user: LobbyFixture.user("u-new"), username: "New", now: 2)
        #expect(machine.lobby.player(LobbyFixture.user("u-new"))?.customization.paddleColor == palette[2])
        #expect(Set(machine.lobby.players.map(\.customization.paddleColor)).count == 8)
    }

    @Test func aDefaultSkipsAColorAPlayerChose() {
        var machine = LobbyFixture.machine()
        _ = machine.customize(user: host, Lobby.Customization(paddleColor: Lobby.PaddleColor.palette[1]))
        _ = machine.join(user: bob, username: "Bob", now: 0)
        #expect(machine.lobby.player(bob)?.customization.paddleColor == Lobby.PaddleColor.palette[2])
    }

    @Test func customizingChangesTheColorOnce() {
        var machine = LobbyFixture.machine(in: .waiting)
        let teal = Lobby.Customization(paddleColor: color("#008080"))
        #expect(machine.customize(user: bob, teal) == [.updated])
        #expect(machine.lobby.player(bob)?.customization == teal)
        #expect(machine.lobby.version == 3)
        #expect(machine.customize(user: bob, teal).isEmpty)
        #expect(machine.lobby.version == 3)
    }

    @Test func anotherPlayersColorIsTaken() {
        var machine = LobbyFixture.machine(in: .waiting)
        let before = machine
        let hostColor = machine.lobby.player(host)!.customization
        let lowerCase = try! Lobby.Customization(paddleColor: hostColor.paddleColor.rawValue.lowercased())
        let rejection = machine.customize(user: bob, lowerCase).rejection
        #expect(rejection?.code == .conflict && rejection?.reason == .colorTaken)
        #expect(machine == before)
    }

    @Test func customizingKeepsTheCountdownRunning() {
        var machine = LobbyFixture.machine(in: .countdown)
        _ = machine.customize(user: bob, Lobby.Customization(paddleColor: color("#000000")))
        #expect(machine.lobby.state == .countdown)
        #expect(machine.lobby.countdownEndsAt == 4000)
    }
}

import Testing

@testable import GameEvents

/// Game payloads: every client game event decodes (and every invalid field is named), every server game event
/// round-trips through `encode` and `decodeServer`, and positions travel rounded to hundredths.
@Suite struct GamePayloadTests {
    static let gameId = GameFixtures.gameId

    /// Decodes a client message's event, failing the test on error.
    func client(_ text: String) throws -> ClientEvent {
        try EventCodec.decodeClient(bytes(text)).get().event
    }

    /// The error a client message fails to decode with.
    func clientFailure(_ text: String) -> EventDecodingError? {
        if case .failure(let error) = EventCodec.decodeClient(bytes(text)) { return error }
        return nil
    }

    /// The text `event` encodes to, without `replyTo`, at timestamp 1.
    func encoded(_ event: ServerEvent) -> String {
        String(decoding: EventCodec.encode(event, replyTo: nil, timestamp: 1), as: UTF8.self)
    }

    // MARK: client events

    /// One message per client game event, with the value it stands for.
    static let clientExamples: [(String, ClientEvent)] = [
        (#"{"type":"game:input","payload":{"gameId":"g-q3x7k2m9ab","seq":1,"direction":"up"}}"#,
         .gameInput(try! GameInput(gameId: gameId, seq: 1, move: .direction(.up)))),
        (#"{"type":"game:input","payload":{"gameId":"g-q3x7k2m9ab","seq":9007199254740992,"direction":"stop","target":null}}"#,
         .gameInput(try! GameInput(gameId: gameId, seq: 1 << 53, move: .direction(.stop)))),
        (#"{"type":"game:input","payload":{"gameId":"g-q3x7k2m9ab","seq":42.0,"direction":null,"target":412.5}}"#,
         .gameInput(try! GameInput(gameId: gameId, seq: 42, move: .target(412.5)))),
        (#"{"type":"game:input","payload":{"gameId":"g-q3x7k2m9ab","seq":7,"target":0}}"#,
         .gameInput(try! GameInput(gameId: gameId, seq: 7, move: .target(0)))),
        (#"{"type":"game:input","payload":{"gameId":"g-q3x7k2m9ab","seq":8,"target":5e3}}"#,
         .gameInput(try! GameInput(gameId: gameId, seq: 8, move: .target(5000)))),
        (#"{"type":"game:leave"}"#, .leaveGame),
        (#"{"type":"game:leave","payload":{"gameId":"ignored"}}"#, .leaveGame),
        (#"{"type":"game:list"}"#, .listGames(try! GameListQuery())),
        (#"{"type":"game:list","payload":{"cursor":"g-q3x7k2m9ab","limit":50}}"#,
         .listGames(try! GameListQuery(cursor: "g-q3x7k2m9ab", limit: 50))),
        (#"{"type":"game:list","payload":{"cursor":null,"limit":1}}"#, .listGames(try! GameListQuery(limit: 1))),
        (#"{"type":"game:spectate","payload":{"gameId":"g-q3x7k2m9ab"}}"#,
         .spectateGame(GameTarget(gameId: gameId))),
        (#"{"type":"game:unspectate","payload":{"gameId":"g-q3x7k2m9ab"}}"#,
         .unspectateGame(GameTarget(gameId: gameId))),
        (#"{"type":"game:replay","payload":{"gameId":"g-q3x7k2m9ab"}}"#,
         .replayGame(try! ReplayGame(gameId: gameId))),
        (#"{"type":"game:replay","payload":{"gameId":"g-q3x7k2m9ab","speed":8}}"#,
         .replayGame(try! ReplayGame(gameId: gameId, speed: 8))),
    ]

    @Test(arguments: clientExamples.indices)
    func clientGameEventsDecodeAndRoundTrip(_ index: Int) throws {
        let (text, event) = Self.clientExamples[index]
        #expect(try client(text) == event)
        let message = ClientMessage(id: "g\(index)", event: event)
        #expect(try EventCodec.decodeClient(EventCodec.encode(message, timestamp: 3)).get() == message)
    }

    @Test func everyClientGameEventHasAnExample() {
        let games = Set(ClientEventName.allCases.filter { $0.rawValue.hasPrefix("game:") })
        #expect(games.count == 6)
        #expect(Set(Self.clientExamples.map(\.1.name)) == games)
    }

    @Test func defaultsAreWrittenOut() throws {
        #expect(try GameListQuery().limit == 20)
        #expect(try ReplayGame(gameId: Self.gameId).speed == 1)
        let replay = ClientMessage(event: .replayGame(try ReplayGame(gameId: Self.gameId)))
        #expect(String(decoding: EventCodec.encode(replay), as: UTF8.self)
            == #"{"type":"game:replay","payload":{"gameId":"g-q3x7k2m9ab","speed":1}}"#)
        let input = ClientMessage(id: "i", event: .gameInput(try GameInput(gameId: Self.gameId, seq: 3,
                                                                          move: .target(412.333))))
        #expect(String(decoding: EventCodec.encode(input), as: UTF8.self)
            == #"{"type":"game:input","payload":{"gameId":"g-q3x7k2m9ab","seq":3,"target":412.33},"id":"i"}"#)
        #expect(String(decoding: EventCodec.encode(ClientMessage(event: .leaveGame)), as: UTF8.self)
            == #"{"type":"game:leave","payload":{}}"#)
    }

    /// Invalid game requests: the field to blame and the message's start.
    static let invalidRequests: [(payload: String, type: String, field: String, message: String)] = [
        (#"{"seq":1,"direction":"up"}"#, "game:input", "payload.gameId", "is required"),
        (#"{"gameId":null,"seq":1,"direction":"up"}"#, "game:input", "payload.gameId", "is required"),
        (#"{"gameId":"g 1","seq":1,"direction":"up"}"#, "game:input", "payload.gameId", "must be a game id"),
        (#"{"gameId":7,"seq":1,"direction":"up"}"#, "game:input", "payload.gameId", "must be a string"),
        (#"{"gameId":"g-1","direction":"up"}"#, "game:input", "payload.seq", "is required"),
        (#"{"gameId":"g-1","seq":0,"direction":"up"}"#, "game:input", "payload.seq", "must be an integer from 1 to 9007199254740992"),
        (#"{"gameId":"g-1","seq":-1,"direction":"up"}"#, "game:input", "payload.seq", "must be an integer from 1"),
        (#"{"gameId":"g-1","seq":1.5,"direction":"up"}"#, "game:input", "payload.seq", "must be an integer from 1"),
        (#"{"gameId":"g-1","seq":9007199254740993,"direction":"up"}"#, "game:input", "payload.seq", "must be an integer from 1"),
        (#"{"gameId":"g-1","seq":1e300,"direction":"up"}"#, "game:input", "payload.seq", "must be an integer from 1"),
        (#"{"gameId":"g-1","seq":"1","direction":"up"}"#, "game:input", "payload.seq", "must be an integer from 1"),
        (#"{"gameId":"g-1","seq":1,"direction":"up","target":10}"#, "game:input", "payload.target", "cannot be combined with payload.direction"),
        (#"{"gameId":"g-1","seq":1}"#, "game:input", "payload.direction", "is required (or payload.target)"),
        (#"{"gameId":"g-1","seq":1,"direction":null,"target":null}"#, "game:input", "payload.direction", "is required"),
        (#"{"gameId":"g-1","seq":1,"direction":"left"}"#, "game:input", "payload.direction", "must be one of up, down, stop"),
        (#"{"gameId":"g-1","seq":1,"direction":true}"#, "game:input", "payload.direction", "must be one of up, down, stop"),
        (#"{"gameId":"g-1","seq":1,"target":-0.5}"#, "game:input", "payload.target", "must be a number of at least 0"),
        (#"{"gameId":"g-1","seq":1,"target":"300"}"#, "game:input", "payload.target", "must be a number of at least 0"),
        (#"{"gameId":"g-1","seq":1,"target":[300]}"#, "game:input", "payload.target", "must be a number of at least 0"),
        (#"{"limit":0}"#, "game:list", "payload.limit", "must be an integer from 1 to 50"),
        (#"{"limit":51}"#, "game:list", "payload.limit", "must be an integer from 1 to 50"),
        (#"{"limit":2.5}"#, "game:list", "payload.limit", "must be an integer from 1 to 50"),
        (#"{"cursor":""}"#, "game:list", "payload.cursor", "must be a nextCursor from game:list"),
        (#"{"cursor":5}"#, "game:list", "payload.cursor", "must be a string"),
        (#"{}"#, "game:spectate", "payload.gameId", "is required"),
        (#"{"gameId":""}"#, "game:spectate", "payload.gameId", "must be a game id"),
        (#"{"id":"g-1"}"#, "game:unspectate", "payload.gameId", "is required"),
        (#"{}"#, "game:replay", "payload.gameId", "is required"),
        (#"{"gameId":"g-1","speed":0}"#, "game:replay", "payload.speed", "must be an integer from 1 to 8"),
        (#"{"gameId":"g-1","speed":9}"#, "game:replay", "payload.speed", "must be an integer from 1 to 8"),
        (#"{"gameId":"g-1","speed":1.5}"#, "game:replay", "payload.speed", "must be an integer from 1 to 8"),
        (#"{"gameId":"g-1","speed":"2"}"#, "game:replay", "payload.speed", "must be an integer from 1 to 8"),
    ]

    @Test(arguments: invalidRequests.indices)
    func invalidFieldsAreNamed(_ index: Int) {
        let request = Self.invalidRequests[index]
        let error = clientFailure(#"{"type":"\#(request.type)","payload":\#(request.payload),"id":"q\#(index)"}"#)
        #expect(error?.code == .invalidPayload, "\(request)")
        #expect(error?.field == request.field, "\(request)")
        #expect(error?.message.hasPrefix("\(request.field): \(request.message)") == true, "\(error?.message ?? "")")
        #expect(error?.id == "q\(index)")
    }

    @Test func targetsCannotBeNaNOrInfinite() {
        // JSON has no NaN or infinity: such text is not JSON, and overflowing literals are refused by the parser.
        for target in ["NaN", "Infinity", "-Infinity", "1e400", "-1e400"] {
            let error = clientFailure(#"{"type":"game:input","payload":{"gameId":"g-1","seq":1,"target":\#(target)}}"#)
            #expect(error?.code == .invalidJSON, "\(target)")
        }
        // Built in code, the same rule holds.
        for target in [Double.nan, .infinity, -.infinity, -0.01, -Double.greatestFiniteMagnitude] {
            #expect(throws: EventDecodingError.self, "\(target)") {
                try GameInput(gameId: Self.gameId, seq: 1, move: .target(target))
            }
        }
        #expect(throws: EventDecodingError.self) { try GameInput(gameId: Self.gameId, seq: 0, move: .direction(.up)) }
        #expect(throws: EventDecodingError.self) {
            try GameInput(gameId: Self.gameId, seq: GameInput.maxSeq + 1, move: .direction(.up))
        }
        #expect(throws: EventDecodingError.self) { try GameListQuery(limit: 0) }
        #expect(throws: EventDecodingError.self) { try GameListQuery(cursor: "a b") }
        #expect(throws: EventDecodingError.self) { try ReplayGame(gameId: Self.gameId, speed: 9) }
    }

    @Test func targetsAreRoundedToHundredths() throws {
        #expect(try GameInput(gameId: Self.gameId, seq: 1, move: .target(-0.0)).move == .target(0))
        #expect(try GameInput(gameId: Self.gameId, seq: 1, move: .target(412.335_1)).move == .target(412.34))
        let decoded = try client(#"{"type":"game:input","payload":{"gameId":"g-1","seq":2,"target":299.996}}"#)
        guard case .gameInput(let input) = decoded else {
            Issue.record("decoded \(decoded)")
            return
        }
        #expect(input.move == .target(300))
        // Beyond the field is allowed (the server clamps): only the sign and finiteness are checked here.
        #expect(try GameInput(gameId: Self.gameId, seq: 1, move: .target(1e9)).move == .target(1e9))
    }

    // MARK: server events

    @Test(arguments: GameFixtures.serverEvents.indices)
    func serverGameEventsRoundTrip(_ index: Int) throws {
        let event = GameFixtures.serverEvents[index]
        for replyTo in [nil, "r\(index)"] {
            let bytes = EventCodec.encode(event, replyTo: replyTo, timestamp: 1_763_751_600_123)
            #expect(try EventCodec.decodeServer(bytes).get()
                == ServerMessage(event: event, replyTo: replyTo, timestamp: 1_763_751_600_123))
        }
    }

    @Test func everyServerGameEventIsCovered() {
        let games = Set(ServerEventName.allCases.filter { $0.rawValue.hasPrefix("game:") })
        #expect(games.count == 8)
        #expect(Set(GameFixtures.serverEvents.map(\.name)) == games)
    }

    @Test func stateIsWrittenCompactlyInDocumentedOrder() {
        #expect(encoded(.gameState(GameFixtures.state))
            == #"{"type":"game:state","payload":{"gameId":"g-q3x7k2m9ab","tick":1234,"phase":"playing","ball":{"x":412.33,"y":300.5,"vx":-361.2,"vy":118.75},"paddles":{"left":250,"right":310.46},"score":{"left":2,"right":3},"lastSeq":{"left":1187,"right":1203},"spectators":2},"timestamp":1}"#)
    }

    @Test func startAndEndOmitAbsentOptionals() {
        let start = GameStart(gameId: Self.gameId, role: .spectator, players: [], tickRate: 60, stateRate: 30,
                              field: GameField(), pointsToWin: 5, serveDelayMs: 1000, startedAt: 5, tick: 9,
                              spectatorDelayMs: 2000)
        #expect(encoded(.gameStart(start))
            == #"{"type":"game:start","payload":{"gameId":"g-q3x7k2m9ab","role":"spectator","players":[],"tickRate":60,"stateRate":30,"field":{"width":800,"height":600,"paddleHeight":100,"paddleWidth":10,"paddleMargin":20,"paddleSpeed":480,"ballRadius":8},"pointsToWin":5,"serveDelayMs":1000,"startedAt":5,"tick":9,"spectatorDelayMs":2000,"replay":false},"timestamp":1}"#)
        let end = GameEnd(gameId: Self.gameId, winnerId: nil, score: .zero, reason: .abandoned, durationMs: 10,
                          tick: 600, endedAt: 7)
        #expect(encoded(.gameEnd(end))
            == #"{"type":"game:end","payload":{"gameId":"g-q3x7k2m9ab","score":{"left":0,"right":0},"reason":"abandoned","durationMs":10,"tick":600,"endedAt":7,"replay":false},"timestamp":1}"#)
    }

    @Test func serverPositionsAreRoundedOnTheWayInAndOut() throws {
        let ball = GameBall(x: 412.333, y: 0.004, vx: -0.005, vy: 99.999)
        #expect(ball == GameBall(x: 412.33, y: 0, vx: -0.01, vy: 100))
        #expect(GamePaddles(left: 1.005_01, right: -3.3333) == GamePaddles(left: 1.01, right: -3.33))
        #expect(GameField(width: 800.004).width == 800)
        let text = #"{"type":"game:state","payload":{"gameId":"g-1","tick":1,"phase":"serving","ball":{"x":412.333,"y":1e2,"vx":-0.004,"vy":5},"paddles":{"left":2.675,"right":300},"score":{"left":0,"right":0},"lastSeq":{"left":0,"right":0},"spectators":0},"timestamp":1}"#
        guard case .gameState(let state) = try EventCodec.decodeServer(bytes(text)).get().event else {
            Issue.record("not a state")
            return
        }
        #expect(state.ball == GameBall(x: 412.33, y: 100, vx: 0, vy: 5))
        #expect(state.ball.vx.sign == .plus)
        // Rounding applies to `value * 100` as a Double: 2.675 is stored a little below 2.675, but times 100 it
        // is exactly 267.5, which rounds away from zero. What matters is that every side agrees.
        #expect(state.paddles.left == 2.68)
    }

    @Test func serverDecodingNamesGameFields() {
        func failure(_ payload: String, _ type: String = "game:state") -> String? {
            if case .failure(let error) = EventCodec.decodeServer(bytes(#"{"type":"\#(type)","payload":\#(payload),"timestamp":1}"#)) {
                return error.field
            }
            return nil
        }
        let ball = #""ball":{"x":1,"y":2,"vx":3,"vy":4}"#
        let rest = #""paddles":{"left":1,"right":2},"score":{"left":0,"right":0},"lastSeq":{"left":0,"right":0},"spectators":0"#
        #expect(failure(#"{"gameId":"g","tick":1,"phase":"playing",\#(ball),\#(rest)}"#) == nil)
        #expect(failure(#"{"gameId":"g","tick":-1,"phase":"playing",\#(ball),\#(rest)}"#) == "payload.tick")
        #expect(failure(#"{"gameId":"g","tick":1,"phase":"over",\#(ball),\#(rest)}"#) == "payload.phase")
        #expect(failure(#"{"gameId":"g","tick":1,"phase":"playing","ball":{"x":1,"y":"2","vx":3,"vy":4},\#(rest)}"#)
            == "payload.ball.y")
        let badSeq = rest.replacingOccurrences(of: #""lastSeq":{"left":0"#, with: #""lastSeq":{"left":-1"#)
        #expect(failure(#"{"gameId":"g","tick":1,"phase":"playing",\#(ball),\#(badSeq)}"#) == "payload.lastSeq.left")
        #expect(failure(#"{"gameId":"g","tick":1,"userId":"u","reason":"bored","forfeitAt":2}"#, "game:pause")
            == "payload.reason")
        #expect(failure(#"{"games":[{"gameId":"g","players":[{"userId":"u","username":"u","side":"top"}],"score":{"left":0,"right":0},"spectators":0,"startedAt":0}]}"#, "game:list")
            == "payload.games[0].players[0].side")
        #expect(failure(#"{"gameId":"g","winnerId":"","score":{"left":0,"right":0},"reason":"score","durationMs":1,"tick":1,"endedAt":1,"replay":false}"#, "game:end")
            == "payload.winnerId")
    }

    @Test func errorReasonsMatchTheProtocol() {
        #expect(GameErrorReason.allCases.map(\.rawValue) == [
            "game_not_found", "not_a_player", "game_over", "not_in_game", "private_game", "already_playing",
            "not_spectating", "game_in_progress",
        ])
        // Lobby and game reasons never share a name, so a client can switch on `reason` alone.
        let lobby = Set(LobbyErrorReason.allCases.map(\.rawValue))
        #expect(lobby.isDisjoint(with: GameErrorReason.allCases.map(\.rawValue)))
        let error = SystemError(code: .forbidden, message: "spectators cannot send input",
                                reason: GameErrorReason.notAPlayer.rawValue)
        #expect(encoded(.systemError(error))
            == #"{"type":"system.error","payload":{"code":"forbidden","message":"spectators cannot send input","reason":"not_a_player"},"timestamp":1}"#)
    }
}

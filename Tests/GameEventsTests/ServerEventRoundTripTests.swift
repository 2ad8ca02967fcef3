import Testing

@testable import GameEvents

/// Every server event encodes and decodes back to itself; the envelope's shape; decoding errors name nested fields.
@Suite struct ServerEventRoundTripTests {
    static let alice = UserID(validating: "u-alice")!
    static let bob = UserID(validating: "u-bob")!
    static let message = DirectMessage(messageId: MessageID(rawValue: 42)!, from: alice, fromUsername: "alice",
                                       to: bob, text: "gg \"wp\"\n😀", sentAt: 1_763_751_600_000)
    static let friend = FriendSummary(userId: bob, username: "bob", status: .inLobby,
                                      lobbyId: LobbyID(validating: "l-12"))
    static let lobbyId = LobbyID(validating: "l-7k2m9q4x1b")!
    static let invitation = InvitationID(validating: "i-4d9x2k7m1p")!
    static let green = PlayerCustomization(paddleColor: PaddleColor(validating: "#00ff7f")!)
    static let player = LobbyPlayer(userId: bob, username: "bob", ready: true, connected: false, customization: green,
                                    joinedAt: 1_763_751_605_000, unread: 3)
    static let waiting = LobbyState(id: lobbyId, name: "Friday \"pong\"", gameType: .pong, maxPlayers: 2,
                                    isPrivate: true, settings: .standard, hostId: alice, state: .waiting, version: 1,
                                    createdAt: 1_763_751_600_000, players: [player])
    static let finished = LobbyState(
        id: lobbyId, name: "x", gameType: .pong, maxPlayers: 8, isPrivate: false,
        settings: try! LobbySettings(pointsToWin: 1), hostId: bob, state: .finished, version: 99,
        createdAt: 1, countdownEndsAt: 2,
        result: LobbyResult(winnerId: nil, scores: [PlayerScore(userId: alice, score: 0)], reason: .abandoned,
                            endedAt: 3),
        players: [player, player])
    static let lobbyMessage = LobbyChatMessage(lobbyId: lobbyId, messageId: MessageID(rawValue: 1)!, userId: alice,
                                               username: "alice", text: "hi\n😀", sentAt: 4)

    /// At least one value of every case, with optionals both present and absent.
    static let events: [ServerEvent] = [
        .connectionAck(ConnectionAck(connectionId: "c-0-17-3", userId: alice, username: "alice", role: .runner,
                                     serverId: "lobby-1", heartbeatIntervalMs: 25_000, serverTime: 1_763_751_600_000)),
        .connectionAck(ConnectionAck(connectionId: "c", userId: alice, username: "alice", role: .player,
                                     serverId: "s", heartbeatIntervalMs: 1, serverTime: 0, resumeToken: "rt.x")),
        .connectionError(ConnectionError(code: "token_expired", message: "token expired")),
        .heartbeatAck(HeartbeatAck(serverTime: 2)),
        .heartbeatAck(HeartbeatAck(serverTime: 2, clientTime: -1)),
        .systemError(SystemError(code: .rateLimited, message: "slow down", retryAfterMs: 400)),
        .systemError(SystemError(code: .invalidPayload, message: "payload.x: is required", field: "payload.x")),
        .systemError(SystemError(code: .internal, message: "")),
        .systemError(SystemError(code: .forbidden, message: "private", reason: "private_lobby")),
        .userStatus(UserStatusChanged(userId: alice, username: "alice", status: .away)),
        .userStatus(UserStatusChanged(userId: alice, username: "alice", status: .spectating,
                                      gameId: GameID(validating: "g-1"))),
        .friendOnline(FriendSummary(userId: bob, username: "bob", status: .online)),
        .friendOffline(FriendOffline(userId: bob, username: "bob", lastSeen: 7)),
        .friendRequest(UserSummary(userId: alice, username: "alice")),
        .friendRequestSent(UserSummary(userId: bob, username: "bob")),
        .friendAdded(FriendAdded(friend: friend)),
        .friendRemoved(FriendRemoved(userId: bob)),
        .friendList(FriendList(friends: [], incoming: [], outgoing: [])),
        .friendList(FriendList(friends: [friend, FriendSummary(userId: alice, username: "a", status: .offline)],
                               incoming: [UserSummary(userId: alice, username: "alice")],
                               outgoing: [UserSummary(userId: bob, username: "bob")])),
        .receiveMessage(message),
        .typingStart(TypingNotice(from: alice)),
        .typingStop(TypingNotice(from: alice)),
        .messageRead(MessageReadReceipt(by: bob, messageId: MessageID(rawValue: 42)!, readAt: 9)),
        .history(History(with: bob, messages: [], hasMore: false)),
        .history(History(with: bob, messages: [message, message], hasMore: true)),
        .lobbyCreated(LobbySnapshot(lobby: waiting)),
        .lobbyList(LobbyList(lobbies: [])),
        .lobbyList(LobbyList(lobbies: [
            LobbySummary(id: lobbyId, name: "a", gameType: .pong, maxPlayers: 2, playerCount: 0, state: .closed,
                         hostUsername: "alice", createdAt: 5, settings: .standard),
        ], nextCursor: "MTc2Mzc1MTU5MDAwMA")),
        .lobbyJoined(LobbySnapshot(lobby: finished)),
        .lobbyLeft(LobbyLeft(lobbyId: lobbyId, reason: .kicked)),
        .lobbyUpdate(LobbySnapshot(lobby: waiting)),
        .lobbyUpdate(LobbySnapshot(lobby: finished)),
        .playerJoined(LobbyPlayerJoined(lobbyId: lobbyId, player: player)),
        .playerLeft(LobbyPlayerLeft(lobbyId: lobbyId, userId: bob, reason: .closed)),
        .invitation(LobbyInvitation(invitationId: invitation, lobbyId: lobbyId, lobbyName: "n",
                                    from: UserSummary(userId: alice, username: "alice"), expiresAt: 6)),
        .inviteSent(LobbyInviteSent(invitationId: invitation, to: bob, expiresAt: 7)),
        .invitationDeclined(InvitationDeclined(invitationId: invitation, by: bob)),
        .lobbyChat(lobbyMessage),
        .lobbyTyping(LobbyTypingNotice(lobbyId: lobbyId, userId: alice, typing: false)),
        .lobbyHistory(LobbyHistory(lobbyId: lobbyId, messages: [lobbyMessage, lobbyMessage], hasMore: false)),
        .lobbyChatRead(LobbyChatReadMarker(lobbyId: lobbyId, messageId: MessageID(rawValue: 9)!)),
        .lobbyClosed(LobbyClosed(lobbyId: lobbyId, reason: .empty)),
        .sessionResumed(SessionResumed(lobby: nil, streams: ResumeStreams(chat: .reset, lobbyEvents: .reset))),
        .sessionResumed(SessionResumed(lobby: finished, streams: ResumeStreams(
            chat: .recovered([]),
            lobbyEvents: .gap(missed: 4, rest: [])))),
        .sessionResumed(SessionResumed(lobby: waiting, streams: ResumeStreams(
            chat: .gap(missed: 40, rest: [lobbyMessage]),
            lobbyEvents: .recovered([
                .playerLeft(LobbyPlayerLeft(lobbyId: lobbyId, userId: bob, reason: .disconnected)),
                .lobbyUpdate(LobbySnapshot(lobby: waiting)),
                .lobbyClosed(LobbyClosed(lobbyId: lobbyId, reason: .hostClosed)),
            ])))),
        .sessionExpired(SessionExpired(reason: .graceExpired)),
        .sessionExpired(SessionExpired(reason: .unknownToken)),
    ] + GameFixtures.serverEvents

    @Test(arguments: events.indices)
    func roundTrips(_ index: Int) throws {
        let event = Self.events[index]
        for replyTo in [nil, "r-\(index)"] {
            let encoded = EventCodec.encode(event, replyTo: replyTo, timestamp: 1_763_751_600_123)
            let decoded = try EventCodec.decodeServer(encoded).get()
            #expect(decoded == ServerMessage(event: event, replyTo: replyTo, timestamp: 1_763_751_600_123))
            let json = try JSONParser.parse(encoded)
            #expect(json.objectValue?.keys == ["type", "payload"] + (replyTo == nil ? [] : ["replyTo"]) + ["timestamp"])
            #expect(json["type"]?.stringValue == event.name.rawValue)
        }
    }

    @Test func everyServerEventIsCovered() {
        #expect(Set(Self.events.map(\.name)) == Set(ServerEventName.allCases))
    }

    @Test func omitsAbsentOptionals() {
        let encoded = EventCodec.encode(.userStatus(UserStatusChanged(userId: Self.alice, username: "alice",
                                                                      status: .online)),
                                        replyTo: nil, timestamp: 5)
        #expect(String(decoding: encoded, as: UTF8.self)
            == #"{"type":"user:status","payload":{"userId":"u-alice","username":"alice","status":"online"},"timestamp":5}"#)
    }

    @Test func appendsToAReusedBuffer() throws {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1024)
        EventCodec.encode(.typingStart(TypingNotice(from: Self.alice)), replyTo: nil, timestamp: 1,
                          appendingTo: &buffer)
        let first = buffer.count
        EventCodec.encode(.typingStop(TypingNotice(from: Self.alice)), replyTo: "x", timestamp: 2, appendingTo: &buffer)
        #expect(Array(buffer[..<first]) == EventCodec.encode(.typingStart(TypingNotice(from: Self.alice)),
                                                            replyTo: nil, timestamp: 1))
        #expect(try EventCodec.decodeServer(Array(buffer[first...])).get().replyTo == "x")
        #expect(buffer.capacity >= 1024)
    }

    @Test func decodingErrorsNameNestedFields() {
        func failure(_ text: String) -> EventDecodingError? {
            if case .failure(let error) = EventCodec.decodeServer(bytes(text)) { return error }
            return nil
        }
        let badFriend = #"{"type":"friend:list","payload":{"friends":[{"userId":"u","username":"u","status":"online"},{"userId":"v","username":"v","status":"gone"}],"incoming":[],"outgoing":[]},"timestamp":1}"#
        #expect(failure(badFriend)?.field == "payload.friends[1].status")
        #expect(failure(#"{"type":"friend:list","payload":{"friends":[5],"incoming":[],"outgoing":[]}}"#)?.field
            == "payload.friends[0]")
        #expect(failure(#"{"type":"friend:added","payload":{"friend":{"userId":"u","username":"u"}}}"#)?.field
            == "payload.friend.status")
        #expect(failure(#"{"type":"chat:history","payload":{"with":"u","messages":{},"hasMore":true}}"#)?.field
            == "payload.messages")
        #expect(failure(#"{"type":"friend:add","payload":{"userId":"u"}}"#)?.code == .unknownEvent)
        #expect(failure(#"{"type":"system.error","payload":{"code":"teapot","message":""}}"#)?.field == "payload.code")
        #expect(failure(#"{"type":"system.heartbeat.ack","payload":{"serverTime":1},"replyTo":""}"#)?.field
            == "replyTo")
    }
}

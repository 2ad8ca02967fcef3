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

    /// At least one value of every case, with optionals both present and absent.
    static let events: [ServerEvent] = [
        .connectionAck(ConnectionAck(connectionId: "c-0-17-3", userId: alice, username: "alice", role: .runner,
                                     serverId: "lobby-1", heartbeatIntervalMs: 25_000, serverTime: 1_763_751_600_000)),
        .connectionError(ConnectionError(code: "token_expired", message: "token expired")),
        .heartbeatAck(HeartbeatAck(serverTime: 2)),
        .heartbeatAck(HeartbeatAck(serverTime: 2, clientTime: -1)),
        .systemError(SystemError(code: .rateLimited, message: "slow down", retryAfterMs: 400)),
        .systemError(SystemError(code: .invalidPayload, message: "payload.x: is required", field: "payload.x")),
        .systemError(SystemError(code: .internal, message: "")),
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
    ]

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

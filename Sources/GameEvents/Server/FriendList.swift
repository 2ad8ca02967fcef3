/// `friend:list` payload from the server: friends with their status, and pending requests both ways.
public struct FriendList: Equatable, Sendable {
    /// Friends.
    public var friends: [FriendSummary]
    /// Users who asked to be your friend.
    public var incoming: [UserSummary]
    /// Users you asked.
    public var outgoing: [UserSummary]

    /// A friend list.
    public init(friends: [FriendSummary], incoming: [UserSummary], outgoing: [UserSummary]) {
        self.friends = friends
        self.incoming = incoming
        self.outgoing = outgoing
    }
}

extension FriendList: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        friends = try payload.objects("friends") { (object) throws(EventDecodingError) in
            try FriendSummary(reading: object)
        }
        incoming = try payload.objects("incoming") { (object) throws(EventDecodingError) in
            try UserSummary(reading: object)
        }
        outgoing = try payload.objects("outgoing") { (object) throws(EventDecodingError) in
            try UserSummary(reading: object)
        }
    }

    func write(to writer: inout JSONWriter) {
        writer.writeArray("friends", of: friends)
        writer.writeArray("incoming", of: incoming)
        writer.writeArray("outgoing", of: outgoing)
    }
}

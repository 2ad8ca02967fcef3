/// `session.resumed` payload: the answer to `session.resume` within the grace period. The client's lobby seat (if
/// it has one) is kept; `lobby` is its current state and `streams` say what the client missed.
public struct SessionResumed: Equatable, Sendable {
    /// The lobby the user is in, if any.
    public var lobby: LobbyState?
    /// Where lobby chat and lobby events continue.
    public var streams: ResumeStreams

    /// A resumed session.
    public init(lobby: LobbyState?, streams: ResumeStreams) {
        self.lobby = lobby
        self.streams = streams
    }
}

extension SessionResumed: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        lobby = try payload.objectIfPresent("lobby").map { (object) throws(EventDecodingError) in
            try LobbyState(reading: object)
        }
        streams = try ResumeStreams(reading: payload.object("streams"))
    }

    func write(to writer: inout JSONWriter) {
        writer.writeObject("lobby", ifPresent: lobby)
        writer.writeObject("streams", streams)
    }
}

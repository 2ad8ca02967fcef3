/// `game:replay` payload: `{"gameId": string, "speed"?: 1-8}`. Streams a finished game to the requester as if
/// live, `speed` times faster (default 1).
public struct ReplayGame: Equatable, Sendable {
    /// The allowed speeds.
    public static let speedRange = 1...8
    /// The speed when the client gives none.
    public static let defaultSpeed = 1

    /// The finished game to replay.
    public let gameId: GameID
    /// How many times faster than real time, within ``speedRange``.
    public let speed: Int

    /// A replay request; refuses a `speed` outside ``speedRange`` (field `payload.speed`).
    public init(gameId: GameID, speed: Int = defaultSpeed) throws(EventDecodingError) {
        guard Self.speedRange.contains(speed) else {
            throw .invalidPayload("payload.speed", PayloadReader.integerRequirement(Self.speedBounds))
        }
        self.gameId = gameId
        self.speed = speed
    }

    /// ``speedRange`` as `Int64`, for the reader.
    static let speedBounds = Int64(speedRange.lowerBound)...Int64(speedRange.upperBound)
}

extension ReplayGame: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        let gameId = try payload.gameID("gameId")
        let speed = try payload.integerIfPresent("speed", in: Self.speedBounds)
        try self.init(gameId: gameId, speed: speed.map { Int($0) } ?? Self.defaultSpeed)
    }

    func write(to writer: inout JSONWriter) {
        writer.member("gameId", gameId.rawValue)
        writer.member("speed", Int64(speed))
    }
}

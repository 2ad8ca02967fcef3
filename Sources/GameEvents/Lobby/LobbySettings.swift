/// A lobby's game settings: `{"pointsToWin": 1-21}`, in `lobby:create` and in every lobby state.
public struct LobbySettings: Equatable, Sendable {
    /// The allowed values of ``pointsToWin``.
    public static let pointsToWinRange = 1...21
    /// ``pointsToWin`` when the creator gives none.
    public static let defaultPointsToWin = 5

    /// The default settings (``defaultPointsToWin`` points to win).
    public static let standard = LobbySettings(checked: defaultPointsToWin)

    /// The score that wins a game.
    public let pointsToWin: Int

    /// Settings; refuses `pointsToWin` outside ``pointsToWinRange`` (`invalid_payload`, field
    /// `payload.settings.pointsToWin`).
    public init(pointsToWin: Int = defaultPointsToWin) throws(EventDecodingError) {
        guard Self.pointsToWinRange.contains(pointsToWin) else {
            throw .invalidPayload("payload.settings.pointsToWin", PayloadReader.integerRequirement(Self.pointsBounds))
        }
        self.pointsToWin = pointsToWin
    }

    /// Settings whose value is already known to be in range.
    private init(checked pointsToWin: Int) {
        self.pointsToWin = pointsToWin
    }

    /// ``pointsToWinRange`` as `Int64`, for the reader.
    static let pointsBounds = Int64(pointsToWinRange.lowerBound)...Int64(pointsToWinRange.upperBound)
}

extension LobbySettings: WirePayload {
    /// Reads `settings`; every member is optional (an absent one takes its default).
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        let points = try payload.integerIfPresent("pointsToWin", in: Self.pointsBounds)
        pointsToWin = points.map { Int($0) } ?? Self.defaultPointsToWin
    }

    func write(to writer: inout JSONWriter) {
        writer.member("pointsToWin", Int64(pointsToWin))
    }
}

/// Why the lobby domain refused a request, in the shape of the `system.error` that answers it.
///
/// `code` is the wire error code, `reason` the stable machine-readable detail clients switch on (`lobby_full`),
/// `message` a human explanation that names the lobby's current state where it matters, and `field` the
/// offending payload field for `invalid_payload`.
struct LobbyRejection: Error, Equatable, Sendable, CustomStringConvertible {
    /// The wire error code. Raw values are the wire names.
    enum Code: String, Equatable, Sendable, CaseIterable {
        /// The request conflicts with the lobby's (or the user's) current state.
        case conflict
        /// The user may not do this (not the host, private lobby).
        case forbidden
        /// The lobby or invitation does not exist (or is not the user's).
        case notFound = "not_found"
        /// A field has the wrong value.
        case invalidPayload = "invalid_payload"
    }

    /// The wire error code.
    let code: Code
    /// The stable machine-readable detail.
    let reason: Reason
    /// A human explanation (not stable).
    let message: String
    /// The offending field (`payload.maxPlayers`), for `invalid_payload`.
    let field: String?

    /// A rejection with every detail given.
    init(_ code: Code, _ reason: Reason, _ message: String, field: String? = nil) {
        self.code = code
        self.reason = reason
        self.message = message
        self.field = field
    }

    /// `conflict` with `reason`.
    static func conflict(_ reason: Reason, _ message: String) -> LobbyRejection {
        LobbyRejection(.conflict, reason, message)
    }

    /// `forbidden` with `reason`.
    static func forbidden(_ reason: Reason, _ message: String) -> LobbyRejection {
        LobbyRejection(.forbidden, reason, message)
    }

    /// `not_found` with `reason`.
    static func notFound(_ reason: Reason, _ message: String) -> LobbyRejection {
        LobbyRejection(.notFound, reason, message)
    }

    /// `invalid_payload` for `field`, with the message `field: problem`.
    static func invalid(field: String, reason: Reason, problem: String) -> LobbyRejection {
        LobbyRejection(.invalidPayload, reason, "\(field): \(problem)", field: field)
    }

    /// `conflict` (`wrong_state`): `request` is not allowed in `state`; the message names the state.
    static func wrongState(_ request: String, in state: Lobby.State) -> LobbyRejection {
        conflict(.wrongState, "cannot \(request) while the lobby is \(state.rawValue)")
    }

    /// `code/reason: message`, for logs.
    var description: String { "\(code.rawValue)/\(reason.rawValue): \(message)" }
}

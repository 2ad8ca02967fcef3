/// Why a store refused an operation. Every other failure (I/O, a full disk, a busy database) arrives as the
/// back-end's own error, `SQLiteError` for SQLite. Both back-ends report these cases identically, so the shared
/// store tests hold them to the same contract.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A user id the server has never seen (no `UserStore.upsert` for it): maps to `not_found` on the wire.
    case unknownUser
    /// An operation between a user and themselves (befriending, messaging): maps to `conflict`.
    case sameUser
    /// A message id that is not part of the conversation named with it: maps to `not_found`.
    case unknownMessage

    /// A one-line explanation for logs.
    public var description: String {
        switch self {
        case .unknownUser: return "unknown user"
        case .sameUser: return "both sides are the same user"
        case .unknownMessage: return "no such message in this conversation"
        }
    }
}

/// GameEvents: the pure vocabulary of Lobby's JSON event protocol (see docs/protocol.md).
///
/// This module does no I/O and imports Foundation only. It grows with the sessions issue; for now it holds the
/// stable error codes every later event refers to.
public enum WireErrorCode: String, Sendable, CaseIterable {
    /// The message was not valid JSON.
    case invalidJSON = "invalid_json"
    /// The `type` names no known event.
    case unknownEvent = "unknown_event"
    /// The payload is missing a field or has one of the wrong type or range.
    case invalidPayload = "invalid_payload"
    /// No valid credentials.
    case unauthorized
    /// Valid credentials, but not allowed to do this.
    case forbidden
    /// The target (lobby, user, game) does not exist.
    case notFound = "not_found"
    /// The request conflicts with the current state.
    case conflict
    /// Too many requests of this kind; retry later.
    case rateLimited = "rate_limited"
    /// The message is larger than allowed.
    case payloadTooLarge = "payload_too_large"
    /// The server failed; the request may be retried.
    case `internal`
}

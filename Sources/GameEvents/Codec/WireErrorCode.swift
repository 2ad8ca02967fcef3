/// The stable error codes of `system.error` (docs/protocol.md, "Errors").
///
/// Clients switch on these strings, so a code is never renamed or reused; new failures get new codes.
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

/// How one stream of a resumed session continues: the `status` of `session.resumed`'s `streams.chat` and
/// `streams.lobbyEvents`.
public enum ResumeStatus: String, Sendable, CaseIterable {
    /// Everything the client missed follows; it misses nothing.
    case recovered
    /// Some of what the client missed is gone (`missed` says how much); what is left follows.
    case gap
    /// The client's position means nothing here (another lobby, no position given, or the server restarted):
    /// it starts over from the state in the message.
    case reset
}

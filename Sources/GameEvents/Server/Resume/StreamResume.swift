/// One stream of a resumed session (lobby chat messages, or lobby events), as seen from the client's last
/// position: `{"status": "recovered", <elements>: [...]}`, `{"status": "gap", "missed": n, <elements>: [...]}`
/// or `{"status": "reset"}`. The elements are what the client missed, oldest first.
public enum StreamResume<Element: Equatable & Sendable>: Equatable, Sendable {
    /// Everything after the client's position, nothing lost.
    case recovered([Element])
    /// `missed` elements after the client's position are gone; `rest` are the ones after them.
    case gap(missed: Int, rest: [Element])
    /// The client must start over.
    case reset

    /// The wire status.
    public var status: ResumeStatus {
        switch self {
        case .recovered: return .recovered
        case .gap: return .gap
        case .reset: return .reset
        }
    }

    /// The elements that follow (none for `reset`).
    public var elements: [Element] {
        switch self {
        case .recovered(let elements), .gap(_, let elements): return elements
        case .reset: return []
        }
    }
}

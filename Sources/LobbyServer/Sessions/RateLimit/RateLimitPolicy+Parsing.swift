/// A `RATE_LIMITS` value that could not be parsed; `description` says which entry and why.
struct RateLimitPolicyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The message for the operator.
    let description: String

    /// Creates an error with a message.
    init(_ description: String) { self.description = description }
}

extension RateLimitPolicy {
    /// Largest capacity or refill rate accepted for one limit.
    static let maxParsedValue = 1_000_000.0

    /// Parses `RATE_LIMITS`: comma-separated `name=capacity/refillPerSecond` entries over the defaults, e.g.
    /// `chat=5/2,gameInput=120/70,connectionsPerIp=20/20`. Names: a `RateLimitKind` (per connection; the
    /// per-user limit follows at `userMultiplier` times unless given too), `user.<kind>` (per user), and
    /// `connectionsPerIp`; matched case-insensitively. Capacity is 1 to 1,000,000 and the refill rate above 0
    /// and at most 1,000,000, both plain decimals. An empty value means the defaults.
    init(parsing text: String) throws(RateLimitPolicyError) {
        self = .defaults
        var seen = Set<String>()
        var userOverrides = Set<RateLimitKind>()
        for entry in text.split(separator: ",") {
            let trimmed = entry.trimmingSpaces
            if trimmed.isEmpty { continue }  // an empty value, or a stray comma
            let (name, limit) = try Self.parseEntry(trimmed)
            guard seen.insert(name.lowercased()).inserted else {
                throw RateLimitPolicyError("RATE_LIMITS names '\(name)' twice")
            }
            try apply(name: name, limit: limit, userOverrides: &userOverrides)
        }
        for kind in RateLimitKind.allCases where !userOverrides.contains(kind) {
            perUser[kind] = perConnection[kind].scaled(by: Self.userMultiplier)
        }
    }

    /// Sets the limit an entry names.
    private mutating func apply(name: String, limit: RateLimit,
                                userOverrides: inout Set<RateLimitKind>) throws(RateLimitPolicyError) {
        let lower = name.lowercased()
        if lower == "connectionsperip" {
            connectionsPerIP = limit
        } else if let kind = Self.kind(named: lower) {
            perConnection[kind] = limit
        } else if lower.hasPrefix("user."), let kind = Self.kind(named: String(lower.dropFirst(5))) {
            perUser[kind] = limit
            userOverrides.insert(kind)
        } else {
            let kinds = RateLimitKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw RateLimitPolicyError(
                "RATE_LIMITS: unknown name '\(name)' (expected \(kinds), user.<kind> or connectionsPerIp)")
        }
    }

    /// The kind whose name matches `lowercased`.
    private static func kind(named lowercased: String) -> RateLimitKind? {
        RateLimitKind.allCases.first { $0.rawValue.lowercased() == lowercased }
    }

    /// Splits `name=capacity/refill` and checks both numbers.
    private static func parseEntry(_ entry: Substring) throws(RateLimitPolicyError) -> (String, RateLimit) {
        let sides = entry.split(separator: "=", omittingEmptySubsequences: false)
        let numbers = sides.count == 2 ? sides[1].split(separator: "/", omittingEmptySubsequences: false) : []
        guard sides.count == 2, numbers.count == 2, !sides[0].trimmingSpaces.isEmpty,
              let capacity = number(numbers[0].trimmingSpaces), let refill = number(numbers[1].trimmingSpaces)
        else {
            throw RateLimitPolicyError("RATE_LIMITS entry '\(entry)' is not name=capacity/refillPerSecond")
        }
        guard (1...maxParsedValue).contains(capacity), refill > 0, refill <= maxParsedValue else {
            throw RateLimitPolicyError(
                "RATE_LIMITS entry '\(entry)': capacity must be 1...1000000 and refill above 0 and at most 1000000")
        }
        return (String(sides[0].trimmingSpaces), RateLimit(capacity: capacity, refillPerSecond: refill))
    }

    /// A plain decimal (`12`, `0.5`): digits with at most one point; no sign, exponent, hex, `inf` or `nan`.
    private static func number(_ text: Substring) -> Double? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              text.filter({ $0 == "." }).count <= 1, text != "."
        else { return nil }
        return Double(text)
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    fileprivate var trimmingSpaces: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}

/// The members of a JSON object: unique names, kept in insertion order.
///
/// Names are compared code unit by code unit (RFC 8259 section 8.3), not by Unicode canonical equivalence as
/// `String ==` does: `"é"` precomposed and decomposed are two different names. Lookups scan linearly: event
/// payloads have a handful of members, where a scan over fingerprints (``MemberName``) beats hashing. ``JSONParser``
/// rejects input that names a member twice (section 4 leaves duplicates to the implementation; two readers
/// picking different duplicates is a classic smuggling bug, so we refuse them), which keeps the names unique for
/// every object that exists.
public struct JSONObject: Sendable, RandomAccessCollection {
    /// One member: its name and value.
    public typealias Element = (key: String, value: JSONValue)

    /// A stored member (a struct rather than a tuple: arrays of tuples are destroyed through slow generic code).
    struct Member: Sendable {
        /// The name, fingerprinted.
        var name: MemberName
        /// The value.
        var value: JSONValue
        /// The name as a string.
        var key: String { name.text }
    }

    /// The members in order.
    private var members: [Member]

    /// An empty object.
    public init() { members = [] }

    /// An object with these members, in this order. The names must be unique (checked: a duplicate traps).
    public init(uniqueKeysWithValues elements: some Sequence<(String, JSONValue)>) {
        members = []
        for (key, value) in elements {
            precondition(index(forKey: key) == nil, "duplicate JSON member name \(key)")
            members.append(Member(name: MemberName(key), value: value))
        }
    }

    /// Members the caller already knows to be unique (the parser checks as it reads).
    init(uncheckedMembers: [Member]) { members = uncheckedMembers }

    /// The position of the first member.
    public var startIndex: Int { 0 }

    /// One past the position of the last member.
    public var endIndex: Int { members.count }

    /// The member at `position`.
    public subscript(position: Int) -> Element { (members[position].key, members[position].value) }

    /// The value of the member named `key`; setting replaces it in place, appends a new member, or (with nil)
    /// removes it.
    public subscript(key: String) -> JSONValue? {
        get { index(forKey: key).map { members[$0].value } }
        set {
            switch (index(forKey: key), newValue) {
            case (let position?, let value?): members[position].value = value
            case (let position?, nil): members.remove(at: position)
            case (nil, let value?): members.append(Member(name: MemberName(key), value: value))
            case (nil, nil): break
            }
        }
    }

    /// The member names, in order.
    public var keys: [String] { members.map(\.key) }

    /// The position of the member named `key`.
    public func index(forKey key: String) -> Int? {
        index(forName: MemberName(key))
    }

    /// The position of the member called `name`.
    func index(forName name: MemberName) -> Int? {
        members.firstIndex { $0.name == name }
    }
}

extension JSONObject: Equatable {
    /// Objects are equal when they have the same names with equal values, in any order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        if lhs.count <= 16 {
            return lhs.members.allSatisfy { member in
                rhs.index(forName: member.name).map { rhs.members[$0].value == member.value } ?? false
            }
        }
        var positions: [MemberName: Int] = [:]
        positions.reserveCapacity(rhs.count)
        for (position, member) in rhs.members.enumerated() { positions[member.name] = position }
        return lhs.members.allSatisfy { member in
            positions[member.name].map { rhs.members[$0].value == member.value } ?? false
        }
    }
}

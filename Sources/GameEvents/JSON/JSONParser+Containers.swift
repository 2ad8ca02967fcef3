/// Arrays and objects (RFC 8259 sections 4 and 5).
extension JSONParser {
    /// Objects with more members than this check for duplicate names with a hash set instead of a scan, so that a
    /// large object cannot make the check quadratic.
    static let linearDuplicateCheckLimit = 12

    /// Reads an array; the current byte is `[`.
    mutating func parseArray() throws(JSONError) -> JSONValue {
        try enterContainer()
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < count && byte(index) == UInt8(ascii: "]") {
            index &+= 1
            depth &-= 1
            return .array(elements)
        }
        elements.reserveCapacity(4)
        while true {
            elements.append(try parseValue())
            skipWhitespace()
            guard index < count else { throw error(.unexpectedEnd) }
            switch byte(index) {
            case UInt8(ascii: ","): index &+= 1
            case UInt8(ascii: "]"): index &+= 1; depth &-= 1; return .array(elements)
            default: throw error(.expectedCommaOrArrayEnd)
            }
        }
    }

    /// Reads an object; the current byte is `{`. Duplicate member names are refused.
    mutating func parseObject() throws(JSONError) -> JSONValue {
        try enterContainer()
        var members: [JSONObject.Member] = []
        var names: Set<MemberName> = []
        skipWhitespace()
        if index < count && byte(index) == UInt8(ascii: "}") {
            index &+= 1
            depth &-= 1
            return .object(JSONObject(uncheckedMembers: members))
        }
        // Event objects have a handful of members: one allocation instead of growing 1, 2, 4, 8.
        members.reserveCapacity(8)
        while true {
            guard index < count else { throw error(.unexpectedEnd) }
            guard byte(index) == UInt8(ascii: "\"") else { throw error(.expectedMemberName) }
            let nameOffset = index
            let name = MemberName(try parseString())
            if Self.isDuplicate(name, in: members, names: &names) {
                throw JSONError(offset: nameOffset, reason: .duplicateMemberName(name.text))
            }
            skipWhitespace()
            guard index < count else { throw error(.unexpectedEnd) }
            guard byte(index) == UInt8(ascii: ":") else { throw error(.expectedColon) }
            index &+= 1
            members.append(JSONObject.Member(name: name, value: try parseValue()))
            skipWhitespace()
            guard index < count else { throw error(.unexpectedEnd) }
            switch byte(index) {
            case UInt8(ascii: ","): index &+= 1; skipWhitespace()
            case UInt8(ascii: "}"):
                index &+= 1
                depth &-= 1
                return .object(JSONObject(uncheckedMembers: members))
            default: throw error(.expectedCommaOrObjectEnd)
            }
        }
    }

    /// Steps over the opening bracket, refusing to go deeper than `maxDepth`.
    private mutating func enterContainer() throws(JSONError) {
        guard depth < maxDepth else { throw error(.tooDeep(limit: maxDepth)) }
        depth &+= 1
        index &+= 1
    }

    /// Whether `name` is already among `members`: a scan while the object is small, then a set holding every name.
    private static func isDuplicate(_ name: MemberName, in members: [JSONObject.Member], names: inout Set<MemberName>)
        -> Bool
    {
        if members.count < linearDuplicateCheckLimit {
            return members.contains { $0.name == name }
        }
        if names.isEmpty {
            names.reserveCapacity(members.count * 2)
            for member in members { names.insert(member.name) }
        }
        return !names.insert(name).inserted
    }
}

/// The opaque `cursor` of `lobby:list`: the creation serial of the last lobby on the previous page.
///
/// Lobbies are listed in creation order and serials only grow, so "after serial N" stays exact whatever is
/// created or closed between two pages: new lobbies come later, closed ones simply vanish, and nothing shifts.
/// On the wire it is `p` followed by the serial in lower-case hexadecimal; clients must treat it as opaque.
struct LobbyListCursor: Equatable, Sendable {
    /// The creation serial of the last lobby already returned.
    let serial: UInt64

    /// The cursor after `serial`.
    init(serial: UInt64) {
        self.serial = serial
    }

    /// The cursor `text`, or nil unless it is one this server made.
    init?(encoded text: String) {
        let utf8 = text.utf8
        guard utf8.count >= 2, utf8.count <= 17, utf8.first == UInt8(ascii: "p") else { return nil }
        var value: UInt64 = 0
        for byte in utf8.dropFirst() {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            default: return nil
            }
            value = value << 4 | UInt64(digit)
        }
        serial = value
    }

    /// The wire text.
    var encoded: String { "p" + String(serial, radix: 16) }
}

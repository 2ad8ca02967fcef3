/// The text every sender sends, split around its marker: `prefix + marker + padding + suffix`, one pair per sender,
/// all in one arena so composing a message is two copies and a marker write. Padding ('.') brings the payload up to
/// `minimumSize` (echo `--size`).
final class MessageTemplates {
    /// Payloads shorter than this are padded.
    let minimumSize: Int
    private let arena: UnsafeMutableRawPointer
    /// Per sender: prefix offset, prefix length, suffix offset, suffix length.
    private let layout: [(Int, Int, Int, Int)]

    /// Templates for senders `0..<parts.count`.
    init(parts: [(prefix: [UInt8], suffix: [UInt8])], minimumSize: Int) {
        self.minimumSize = minimumSize
        let total = parts.reduce(0) { $0 + $1.prefix.count + $1.suffix.count }
        let arena = UnsafeMutableRawPointer.allocate(byteCount: Swift.max(1, total), alignment: 8)
        self.arena = arena
        var layout: [(Int, Int, Int, Int)] = []
        var at = 0
        for part in parts {
            part.prefix.withUnsafeBytes {
                arena.advanced(by: at).copyMemory(from: $0.baseAddress!, byteCount: $0.count)
            }
            let prefixAt = at
            at += part.prefix.count
            part.suffix.withUnsafeBytes {
                arena.advanced(by: at).copyMemory(from: $0.baseAddress!, byteCount: $0.count)
            }
            layout.append((prefixAt, part.prefix.count, at, part.suffix.count))
            at += part.suffix.count
        }
        self.layout = layout
    }

    deinit { arena.deallocate() }

    /// Number of senders with a template.
    var count: Int { layout.count }

    /// Payload length of `sender`'s message with a marker of `markerLength` bytes.
    @inline(__always)
    func payloadLength(_ sender: Int, markerLength: Int) -> Int {
        let (_, prefixLength, _, suffixLength) = layout[sender]
        return Swift.max(minimumSize, prefixLength + markerLength + suffixLength)
    }

    /// Writes `sender`'s message (payloadLength bytes) with the marker for `ns`/`seq` at `dst`.
    @inline(__always)
    func write(_ sender: Int, to dst: UnsafeMutableRawPointer, payloadLength: Int, ns: UInt64, seq: UInt64) {
        let (prefixAt, prefixLength, suffixAt, suffixLength) = layout[sender]
        dst.copyMemory(from: arena + prefixAt, byteCount: prefixLength)
        var at = prefixLength
        at += Marker.write(dst + at, ns: ns, seq: seq)
        let padding = payloadLength - at - suffixLength
        if padding > 0 {
            (dst + at).initializeMemory(as: UInt8.self, repeating: UInt8(ascii: "."), count: padding)
            at += padding
        }
        (dst + at).copyMemory(from: arena + suffixAt, byteCount: suffixLength)
    }

    /// Splits a template at its first `{mark}` after substituting `{i}` and `{room}` for `sender`. Text with no
    /// `{mark}` gets the marker at the end.
    static func split(_ template: String, sender: Int, room: String) -> (prefix: [UInt8], suffix: [UInt8]) {
        let text = template.replacingPlaceholder("{i}", with: String(sender))
            .replacingPlaceholder("{room}", with: room)
        let bytes = Array(text.utf8)
        let mark = Array("{mark}".utf8)
        var at = 0
        while at + mark.count <= bytes.count {
            if Array(bytes[at..<at + mark.count]) == mark {
                return (Array(bytes[..<at]), Array(bytes[(at + mark.count)...]))
            }
            at += 1
        }
        return (bytes, [])
    }
}

extension String {
    /// Every occurrence of `placeholder` replaced by `value` (no Foundation needed).
    func replacingPlaceholder(_ placeholder: String, with value: String) -> String {
        guard !placeholder.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: placeholder) {
            result += rest[..<range.lowerBound]
            result += value
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}

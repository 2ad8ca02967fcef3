/// The text every sender sends, split around its marker: `prefix + marker + padding + suffix`, one pair per sender,
/// all in one arena so composing a message is two copies and a marker write. Padding ('.') brings the payload up to
/// `minimumSize` (echo `--size`). A suffix may hold the message's sequence number once more (`{seq}`: the lobby
/// scenario's envelope `id`, unique per message), as `middle + seq + tail`.
final class MessageTemplates {
    /// Where one sender's pieces are in the arena.
    private struct Layout {
        var prefixAt: Int
        var prefixLength: Int
        var middleAt: Int
        var middleLength: Int
        /// -1 when the template has no `{seq}`.
        var tailAt: Int
        var tailLength: Int
    }

    /// Payloads shorter than this are padded.
    let minimumSize: Int
    private let arena: UnsafeMutableRawPointer
    private let layout: [Layout]

    /// Templates for senders `0..<parts.count`; a suffix's first `{seq}` becomes the message's sequence number.
    init(parts: [(prefix: [UInt8], suffix: [UInt8])], minimumSize: Int) {
        self.minimumSize = minimumSize
        let total = parts.reduce(0) { $0 + $1.prefix.count + $1.suffix.count }
        let arena = UnsafeMutableRawPointer.allocate(byteCount: Swift.max(1, total), alignment: 8)
        self.arena = arena
        var at = 0
        /// Copies `bytes` to the arena; returns where they went.
        func store(_ bytes: ArraySlice<UInt8>) -> Int {
            let stored = at
            bytes.withUnsafeBytes { source in
                if let base = source.baseAddress { (arena + at).copyMemory(from: base, byteCount: source.count) }
            }
            at += bytes.count
            return stored
        }
        var layout: [Layout] = []
        for part in parts {
            let prefixAt = store(part.prefix[...])
            let (middle, tail) = Self.cut(part.suffix, at: "{seq}")
            let middleAt = store(middle)
            let tailAt = tail.map { store($0) } ?? -1
            layout.append(
                Layout(
                    prefixAt: prefixAt, prefixLength: part.prefix.count, middleAt: middleAt, middleLength: middle.count,
                    tailAt: tailAt, tailLength: tail?.count ?? 0))
        }
        self.layout = layout
    }

    deinit { arena.deallocate() }

    /// Number of senders with a template.
    var count: Int { layout.count }

    /// Payload length of `sender`'s message with the marker for `ns` and `seq`.
    @inline(__always)
    func payloadLength(_ sender: Int, ns: UInt64, seq: UInt64) -> Int {
        let parts = layout[sender]
        let fixed = parts.prefixLength + Marker.length(ns: ns, seq: seq) + parts.middleLength
        let numbered = parts.tailAt < 0 ? 0 : parts.tailLength + Marker.digitCount(seq)
        return Swift.max(minimumSize, fixed + numbered)
    }

    /// Writes `sender`'s message (payloadLength bytes) with the marker for `ns`/`seq` at `dst`.
    @inline(__always)
    func write(_ sender: Int, to dst: UnsafeMutableRawPointer, payloadLength: Int, ns: UInt64, seq: UInt64) {
        let parts = layout[sender]
        dst.copyMemory(from: arena + parts.prefixAt, byteCount: parts.prefixLength)
        var at = parts.prefixLength
        at += Marker.write(dst + at, ns: ns, seq: seq)
        let numbered = parts.tailAt < 0 ? 0 : parts.tailLength + Marker.digitCount(seq)
        let padding = payloadLength - at - parts.middleLength - numbered
        if padding > 0 {
            (dst + at).initializeMemory(as: UInt8.self, repeating: UInt8(ascii: "."), count: padding)
            at += padding
        }
        (dst + at).copyMemory(from: arena + parts.middleAt, byteCount: parts.middleLength)
        guard parts.tailAt >= 0 else { return }
        at += parts.middleLength
        at += Marker.writeDecimal(dst + at, seq)
        (dst + at).copyMemory(from: arena + parts.tailAt, byteCount: parts.tailLength)
    }

    /// Splits a template at its first `{mark}` after substituting `{i}` and `{room}` for `sender`. Text with no
    /// `{mark}` gets the marker at the end.
    static func split(_ template: String, sender: Int, room: String) -> (prefix: [UInt8], suffix: [UInt8]) {
        let text = template.replacingPlaceholder("{i}", with: String(sender))
            .replacingPlaceholder("{room}", with: room)
        let (prefix, suffix) = cut(Array(text.utf8), at: "{mark}")
        return (Array(prefix), suffix.map(Array.init) ?? [])
    }

    /// `bytes` before and after the first `placeholder`; nil after when there is none.
    private static func cut(_ bytes: [UInt8], at placeholder: String) -> (ArraySlice<UInt8>, ArraySlice<UInt8>?) {
        let mark = Array(placeholder.utf8)
        var at = 0
        while at + mark.count <= bytes.count {
            if bytes[at..<at + mark.count].elementsEqual(mark) { return (bytes[..<at], bytes[(at + mark.count)...]) }
            at += 1
        }
        return (bytes[...], nil)
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

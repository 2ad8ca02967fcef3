import CZlib

extension DeflateCodec {
    /// The inflation of one message: feeds the payload, then the appended trailer, into the reset inflater and
    /// grows the output geometrically, never past `limit + 1` bytes.
    struct Inflation {
        /// The inflater (reset, raw, window 15).
        let stream: UnsafeMutablePointer<z_stream>
        /// The message size limit.
        let limit: Int
        /// Bytes inflated so far.
        var produced = 0

        /// Output never grows beyond this: one byte more than the limit proves the message too big.
        var capacityLimit: Int { limit == Int.max ? limit : limit + 1 }

        /// A fresh inflation.
        init(stream: UnsafeMutablePointer<z_stream>, limit: Int) {
            self.stream = stream
            self.limit = limit
        }

        /// Inflates all of `input`; nil when it was consumed and the message may go on, else the final outcome.
        ///
        /// A block with BFINAL set ends the zlib stream (RFC 7692 7.2.3.4 allows senders to flush that way). If
        /// nothing but our trailer follows, the message is complete. If more of the payload follows, RFC 7692 7.2.1
        /// says the next block follows the padded data, so inflation resumes with the output so far as the
        /// dictionary (it may be referred to: the window belongs to the message, not to the block).
        mutating func run(_ input: UnsafeRawBufferPointer, into output: inout DeflateScratch, isTrailer: Bool)
            -> Decompressed?
        {
            stream.pointee.next_in = UnsafeMutablePointer(
                mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.pointee.avail_in = uInt(input.count)
            while true {
                if produced == output.capacity {
                    if output.capacity >= capacityLimit { return .tooBig }
                    output.reserve(min(capacityLimit, max(output.capacity * 2, 1024)))
                }
                stream.pointee.next_out = (output.base! + produced).assumingMemoryBound(to: Bytef.self)
                stream.pointee.avail_out = uInt(min(output.capacity - produced, Int(UInt32.max)))
                let before = Int(stream.pointee.avail_out)
                let status = inflate(stream, Z_SYNC_FLUSH)
                produced += before - Int(stream.pointee.avail_out)
                if produced > limit { return .tooBig }
                let inputLeft = Int(stream.pointee.avail_in)
                switch status {
                case Z_OK, Z_BUF_ERROR:
                    // Out of input with room to spare: all of it is inflated. Out of room: grow and go on.
                    if stream.pointee.avail_out != 0 {
                        return inputLeft == 0 ? nil : .corrupt
                    }
                case Z_STREAM_END:
                    if inputLeft == 0 && !isTrailer { return nil }
                    if inputLeft == 0 || (isTrailer && inputLeft == input.count) {
                        return .message(UnsafeRawBufferPointer(start: output.base, count: produced))
                    }
                    guard resume(after: output) else { return .corrupt }
                default:
                    return .corrupt  // Z_DATA_ERROR (bad block, distance too far back), Z_MEM_ERROR
                }
            }
        }

        /// Starts a new DEFLATE stream within the same message, the last 32 KiB of output as its window.
        private func resume(after output: DeflateScratch) -> Bool {
            guard inflateReset(stream) == Z_OK else { return false }
            let window = min(produced, 1 << 15)
            guard window > 0 else { return true }
            let start = (output.base! + produced - window).assumingMemoryBound(to: Bytef.self)
            return inflateSetDictionary(stream, start, uInt(window)) == Z_OK
        }
    }
}

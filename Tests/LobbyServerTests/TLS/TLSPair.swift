@testable import LobbyServer

/// A server and a client `TLSSession` wired back to back in memory: `pump` plays both sockets, moving ciphertext
/// each way in chunks of a chosen size and collecting the plaintext each side decrypts.
final class TLSPair {
    /// The accepting side.
    let server: TLSSession
    /// The connecting side.
    let client: TLSSession
    /// Plaintext the server decrypted, in order.
    private(set) var serverReceived: [UInt8] = []
    /// Plaintext the client decrypted, in order.
    private(set) var clientReceived: [UInt8] = []
    /// The last non-`.bytes` read result on the server (`.wantMore` until something else happens).
    private(set) var serverLast = TLSReadResult.wantMore
    /// The last non-`.bytes` read result on the client.
    private(set) var clientLast = TLSReadResult.wantMore

    /// Creates both sessions; the client sends `serverName` (SNI and verification name).
    init(server: TLSContext, client: TLSContext, serverName: String? = "localhost") throws {
        self.server = try TLSSession(context: server)
        self.client = try TLSSession(context: client, serverName: serverName)
    }

    /// Starts the client's handshake if needed, then moves ciphertext both ways, at most `chunk` bytes per feed,
    /// reading plaintext after every feed, until neither side has anything left to send.
    func pump(chunk: Int = 1 << 20) {
        precondition(chunk > 0)
        clientLast = drain(client, into: &clientReceived)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 1)
        defer { buffer.deallocate() }
        var rounds = 0
        while true {
            let toServer = move(from: client, to: server, buffer: buffer, into: &serverReceived, last: &serverLast)
            let toClient = move(from: server, to: client, buffer: buffer, into: &clientReceived, last: &clientLast)
            if !toServer && !toClient { return }
            rounds += 1
            precondition(rounds < 10_000_000, "TLS pump does not converge")
        }
    }

    /// Sends `bytes` from the client (`fromClient`) or the server, then pumps.
    func send(_ bytes: [UInt8], fromClient: Bool, chunk: Int = 1 << 20) -> Bool {
        let ok = bytes.withUnsafeBytes { (fromClient ? client : server).writePlaintext($0) }
        pump(chunk: chunk)
        return ok
    }

    private func move(
        from source: TLSSession, to sink: TLSSession, buffer: UnsafeMutableRawBufferPointer,
        into received: inout [UInt8], last: inout TLSReadResult
    ) -> Bool {
        var moved = false
        while source.pendingCiphertext > 0 {
            let n = source.takeCiphertext(into: buffer)
            precondition(n > 0, "pendingCiphertext > 0 but takeCiphertext returned 0")
            sink.receiveCiphertext(UnsafeRawBufferPointer(rebasing: buffer[..<n]))
            last = drain(sink, into: &received)
            moved = true
        }
        return moved
    }

    /// Reads plaintext until the session returns something other than `.bytes`, and returns that.
    private func drain(_ session: TLSSession, into received: inout [UInt8]) -> TLSReadResult {
        var scratch = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let result = scratch.withUnsafeMutableBytes { session.readPlaintext(into: $0) }
            guard case .bytes(let n) = result else { return result }
            precondition(n > 0 && n <= scratch.count)
            received += scratch[..<n]
        }
    }
}

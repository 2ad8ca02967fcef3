import WebSocketCore

/// The broadcast benchmark's test path (`/room?room=R`, on with `--bench-rooms`): a connection joins room R and
/// every text message a member sends is delivered to every member of R, the sender included. It exercises the
/// same delivery path lobbies and games use: one encoded frame, shared by every recipient on every loop.
final class BenchRoomHandler: WebSocketHandler {
    /// A connection's seat in its room (its index in the member list, for O(1) removal).
    final class Membership {
        let room: String
        var index: Int
        init(room: String, index: Int) {
            self.room = room
            self.index = index
        }
    }

    private unowned(unsafe) let loop: EventLoop
    private let fanout: Fanout
    private let path: String
    /// This loop's members of each room.
    private var rooms: [String: [Connection]] = [:]

    init(loop: EventLoop, fanout: Fanout, path: String) {
        self.loop = loop
        self.fanout = fanout
        self.path = path
    }

    func webSocketDidOpen(_ connection: Connection, request: HTTPRequestHead) {
        let room = request.queryItem("room") ?? ""
        var members = rooms[room] ?? []
        connection.context = Membership(room: room, index: members.count)
        members.append(connection)
        rooms[room] = members
    }

    func webSocket(_ connection: Connection, didReceiveText text: UnsafeRawBufferPointer) {
        guard let membership = connection.context as? Membership else { return }
        let frame = SharedFrame.webSocket(.text, payload: text)
        deliver(room: membership.room, frame: frame)
        let path = self.path
        let room = membership.room
        fanout.toOtherLoops(from: loop, frame: frame) { other, frame in
            (other.webSocketHandlers[path] as? BenchRoomHandler)?.deliver(room: room, frame: frame)
        }
    }

    func webSocket(_ connection: Connection, didReceiveBinary data: UnsafeRawBufferPointer) {
        connection.close(.unsupportedData, reason: "rooms carry text messages only")
    }

    func webSocketDidClose(_ connection: Connection, code: CloseCode) {
        guard let membership = connection.context as? Membership, var members = rooms[membership.room] else { return }
        let last = members.removeLast()
        if last !== connection {
            members[membership.index] = last
            (last.context as? Membership)?.index = membership.index
        }
        rooms[membership.room] = members.isEmpty ? nil : members
    }

    /// Queues `frame` on every local member of `room`.
    func deliver(room: String, frame: SharedFrame) {
        guard let members = rooms[room] else { return }
        for member in members { member.sendMessage(frame) }
    }

    /// The route.
    static func route(config: Config, fanout: Fanout) -> WebSocketRoute {
        let path = config.benchRoomsPath
        return WebSocketRoute(path: path, maxMessageSize: config.maxMessageSize) { loop in
            BenchRoomHandler(loop: loop, fanout: fanout, path: path)
        }
    }
}

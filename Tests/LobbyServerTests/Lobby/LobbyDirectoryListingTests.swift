import GameEvents
import Testing

@testable import LobbyServer

/// `lobby:list`: public lobbies only, in creation order, filtered, and pages that stay exact while lobbies are
/// created and closed between requests.
@Suite struct LobbyDirectoryListingTests {
    typealias Directory = LobbyDirectory<LobbyTestRandom>

    /// A directory with lobbies hosted by `u-0` ... `u-<count-1>`; `privateOnes` are private.
    func directory(count: Int, privateOnes: Set<Int> = []) -> (Directory, [LobbyID]) {
        var directory = Directory(random: LobbyTestRandom(state: 7))
        var ids: [LobbyID] = []
        for index in 0..<count {
            let options = LobbyFixture.options(maxPlayers: 2, isPrivate: privateOnes.contains(index))
            ids.append(directory.create(host: host(index), username: "H\(index)", options: options, now: 0).lobby!.id)
        }
        return (directory, ids)
    }

    func host(_ index: Int) -> UserID { LobbyFixture.user("u-\(index)") }

    /// Every page from the start, following `nextCursor`.
    func allPages(_ directory: Directory, limit: Int, state: Lobby.State? = nil) throws -> [[LobbyID]] {
        var pages: [[LobbyID]] = []
        var cursor: String?
        repeat {
            let page = try directory.list(state: state, cursor: cursor, limit: limit)
            pages.append(page.lobbies.map(\.id))
            cursor = page.nextCursor
        } while cursor != nil
        return pages
    }

    @Test func publicLobbiesInCreationOrderPageByPage() throws {
        let (directory, ids) = directory(count: 7, privateOnes: [1, 4])
        let publicIds = [ids[0], ids[2], ids[3], ids[5], ids[6]]
        #expect(try allPages(directory, limit: 2) == [[ids[0], ids[2]], [ids[3], ids[5]], [ids[6]]])
        #expect(try allPages(directory, limit: 5) == [publicIds])
        #expect(try allPages(directory, limit: 50) == [publicIds])
        let first = try directory.list()
        #expect(first.lobbies.map(\.id) == publicIds && first.nextCursor == nil)
    }

    @Test func aFullLastPageHasNoCursor() throws {
        let (directory, _) = directory(count: 4)
        let page = try directory.list(limit: 4)
        #expect(page.lobbies.count == 4 && page.nextCursor == nil)
        let empty = try Directory(random: LobbyTestRandom(state: 1)).list()
        #expect(empty.lobbies.isEmpty && empty.nextCursor == nil)
    }

    @Test func pagesStayExactWhenLobbiesComeAndGoBetweenThem() throws {
        var (directory, ids) = directory(count: 6)
        let first = try directory.list(limit: 2)
        #expect(first.lobbies.map(\.id) == [ids[0], ids[1]])
        // Between pages: the last lobby of page one and the first of page two close; two new lobbies appear.
        _ = directory.close(user: host(1))
        _ = directory.leave(user: host(2), reason: .left, now: 1)
        let late = [
            directory.create(host: host(10), username: "L", options: LobbyFixture.options(), now: 2).lobby!.id,
            directory.create(host: host(11), username: "L", options: LobbyFixture.options(), now: 2).lobby!.id,
        ]
        let second = try directory.list(cursor: first.nextCursor, limit: 2)
        #expect(second.lobbies.map(\.id) == [ids[3], ids[4]])
        _ = directory.close(user: host(5))
        let third = try directory.list(cursor: second.nextCursor, limit: 2)
        #expect(third.lobbies.map(\.id) == late)
        #expect(third.nextCursor == nil)
        // Every lobby open at the end was seen exactly once.
        let seen = first.lobbies.map(\.id) + second.lobbies.map(\.id) + third.lobbies.map(\.id)
        #expect(Set(seen).count == seen.count)
        #expect(Set(try directory.list(limit: 50).lobbies.map(\.id)).isSubset(of: Set(seen)))
    }

    @Test func aCursorOutlivesItsLobby() throws {
        var (directory, ids) = directory(count: 3)
        let first = try directory.list(limit: 1)
        _ = directory.close(user: host(0))
        #expect(try directory.list(cursor: first.nextCursor, limit: 5).lobbies.map(\.id) == [ids[1], ids[2]])
    }

    @Test func filtersCombineAndTheCursorRespectsThem() throws {
        var (directory, ids) = directory(count: 6)
        // Lobbies 1 and 4 fill up (2 seats); lobby 4 then goes to countdown.
        _ = directory.join(user: LobbyFixture.user("u-x"), username: "X", lobby: ids[1], now: 0)
        _ = directory.join(user: LobbyFixture.user("u-y"), username: "Y", lobby: ids[4], now: 0)
        _ = directory.ready(user: host(4), true, now: 0)
        _ = directory.ready(user: LobbyFixture.user("u-y"), true, now: 0)
        #expect(try directory.list(hasSpace: false).lobbies.map(\.id) == [ids[1], ids[4]])
        #expect(try directory.list(hasSpace: true).lobbies.map(\.id) == [ids[0], ids[2], ids[3], ids[5]])
        #expect(try directory.list(state: .countdown).lobbies.map(\.id) == [ids[4]])
        #expect(try directory.list(hasSpace: false, state: .waiting).lobbies.map(\.id) == [ids[1]])
        #expect(try directory.list(gameType: .pong).lobbies.count == 6)
        // Three matches, limit three: no next page even though more lobbies follow.
        let spaced = try directory.list(hasSpace: true, limit: 3)
        #expect(spaced.lobbies.map(\.id) == [ids[0], ids[2], ids[3]])
        let rest = try directory.list(hasSpace: true, cursor: spaced.nextCursor, limit: 3)
        #expect(rest.lobbies.map(\.id) == [ids[5]] && rest.nextCursor == nil)
        let full = try directory.list(hasSpace: false, limit: 2)
        #expect(full.nextCursor == nil)
        #expect(try allPages(directory, limit: 1, state: .waiting).count == 5)
    }

    @Test func badCursorsAndLimitsNameTheirField() {
        let (directory, _) = directory(count: 1)
        for cursor in ["", "p", "x1", "p-1", "pG", "P1", "p11111111111111111", "12"] {
            #expect(throws: LobbyRejection.self) { try directory.list(cursor: cursor) }
            do {
                _ = try directory.list(cursor: cursor)
            } catch {
                #expect(
                    error.field == "payload.cursor" && error.reason == .invalidCursor && error.code == .invalidPayload)
            }
        }
        for limit in [0, 51, -1] {
            do {
                _ = try directory.list(limit: limit)
                Issue.record("limit \(limit) accepted")
            } catch {
                #expect(error.field == "payload.limit" && error.reason == .invalidLimit)
            }
        }
    }

    @Test func cursorsRoundTrip() {
        for serial: UInt64 in [0, 1, 15, 16, 255, 1 << 40, UInt64.max] {
            let cursor = LobbyListCursor(serial: serial)
            #expect(LobbyListCursor(encoded: cursor.encoded) == cursor)
        }
        #expect(LobbyListCursor(serial: 255).encoded == "pff")
    }
}

import GameEvents
import Testing
@testable import LobbyServer

/// The presence state machine, event by event, with explicit times.
@Suite struct PresenceTrackerTests {
    typealias Tracker = PresenceTracker<Int>
    let second: UInt64 = 1_000_000_000

    @Test func firstConnectionComesOnlineLaterOnesDoNot() {
        var tracker = Tracker(graceNs: 5 * second)
        let first = tracker.connectionOpened(user: "a", username: "A", conn: 1)
        let second = tracker.connectionOpened(user: "a", username: "A", conn: 2)
        #expect(first == .cameOnline)
        #expect(second == .alreadyOnline)
        #expect(tracker.connections(of: "a") == [1, 2])
    }

    @Test func lastConnectionStartsTheGraceAndOnlyItsEndGoesOffline() {
        var tracker = Tracker(graceNs: 5 * second)
        _ = tracker.connectionOpened(user: "a", username: "A", conn: 1)
        _ = tracker.connectionOpened(user: "a", username: "A", conn: 2)
        let notLast = tracker.connectionClosed(user: "a", conn: 1, now: 10 * second)
        let last = tracker.connectionClosed(user: "a", conn: 2, now: 10 * second)
        #expect(notLast == nil)
        #expect(last == 15 * second)
        #expect(tracker.isOnline("a"))
        let early = tracker.graceElapsed(user: "a", now: 14 * second)
        #expect(!early)
        let due = tracker.graceElapsed(user: "a", now: 15 * second)
        #expect(due)
        #expect(!tracker.isOnline("a"))
    }

    @Test func reconnectWithinGraceCancelsGoingOffline() {
        var tracker = Tracker(graceNs: 5 * second)
        _ = tracker.connectionOpened(user: "a", username: "A", conn: 1)
        _ = tracker.connectionClosed(user: "a", conn: 1, now: 0)
        let back = tracker.connectionOpened(user: "a", username: "A", conn: 3)
        #expect(back == .alreadyOnline)
        let offline = tracker.graceElapsed(user: "a", now: 6 * second)
        #expect(!offline)
        #expect(tracker.isOnline("a"))
    }

    @Test func statusIsPerUserAndActivityOverridesTheChoice() {
        var tracker = Tracker(graceNs: 0)
        _ = tracker.connectionOpened(user: "a", username: "A", conn: 1)
        let changed = tracker.chose(.away, user: "a")
        let unchanged = tracker.chose(.away, user: "a")
        #expect(changed && !unchanged)
        #expect(tracker.entry("a")?.visibleStatus == .away)
        let lobby = Tracker.Activity(status: .inLobby, lobbyId: LobbyID(validating: "l-1"), gameId: nil)
        let entered = tracker.setActivity(lobby, user: "a")
        #expect(entered)
        #expect(tracker.entry("a")?.visibleStatus == .inLobby)
        let left = tracker.setActivity(nil, user: "a")
        #expect(left)
        #expect(tracker.entry("a")?.visibleStatus == .away)
        let unknown = tracker.chose(.busy, user: "nobody")
        #expect(!unknown)
    }
}

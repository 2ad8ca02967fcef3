import GameEvents
import Testing

@testable import LobbyServer

/// Every request in every state (the lobby of the host and Bob from ``LobbyFixture/machine(in:)``): what is
/// allowed, what changes nothing, and the reason of every refusal. A refusal leaves the lobby exactly as it was,
/// except a join attempt during the countdown, which cancels it.
@Suite struct LobbyStateMachineRequestTableTests {
    /// A request, made by the fixture's users.
    enum Request: String, CaseIterable, Sendable {
        case joinByStranger, leaveByBob, readyByBob, unreadyByBob, readyByStranger, startByHost, startByBob
        case closeByBob, closeByHost, customizeByBob, customizeByStranger, inviteByBob, gameEnded

        /// Performs the request at time 1500.
        func perform(on machine: inout LobbyStateMachine) -> [LobbyAction] {
            let bob = LobbyFixture.bob
            let stranger = LobbyFixture.stranger
            let teal = Lobby.Customization(paddleColor: Lobby.PaddleColor(validating: "#008080")!)
            switch self {
            case .joinByStranger: return machine.join(user: stranger, username: "S", now: 1500)
            case .leaveByBob: return machine.leave(user: bob, reason: .left, now: 1500)
            case .readyByBob: return machine.ready(user: bob, true, now: 1500)
            case .unreadyByBob: return machine.ready(user: bob, false, now: 1500)
            case .readyByStranger: return machine.ready(user: stranger, true, now: 1500)
            case .startByHost: return machine.start(user: LobbyFixture.host)
            case .startByBob: return machine.start(user: bob)
            case .closeByBob: return machine.close(user: bob)
            case .closeByHost: return machine.close(user: LobbyFixture.host)
            case .customizeByBob: return machine.customize(user: bob, teal)
            case .customizeByStranger: return machine.customize(user: stranger, teal)
            case .inviteByBob:
                return machine.invite(from: bob, to: stranger, id: Lobby.InvitationID(rawValue: "i-t")!, now: 1500)
            case .gameEnded: return machine.gameEnded(LobbyFixture.result)
            }
        }
    }

    /// What a request does in a state.
    enum Expected: Equatable, Sendable {
        /// Accepted, with a visible change (version + 1) or an invitation.
        case allowed
        /// Accepted, nothing changes.
        case nothing
        /// Refused for this reason, lobby untouched.
        case refused(LobbyRejection.Reason)
    }

    /// The table: state -> request -> expected.
    static let table: [Lobby.State: [Request: Expected]] = [
        .waiting: [
            .joinByStranger: .allowed, .leaveByBob: .allowed, .readyByBob: .allowed, .unreadyByBob: .nothing,
            .readyByStranger: .refused(.notMember), .startByHost: .refused(.notReady), .startByBob: .refused(.notHost),
            .closeByBob: .refused(.notHost), .closeByHost: .allowed, .customizeByBob: .allowed,
            .customizeByStranger: .refused(.notMember), .inviteByBob: .allowed, .gameEnded: .refused(.wrongState),
        ],
        .countdown: [
            .joinByStranger: .refused(.wrongState), .leaveByBob: .allowed, .readyByBob: .nothing,
            .unreadyByBob: .allowed, .readyByStranger: .refused(.notMember), .startByHost: .allowed,
            .startByBob: .refused(.notHost), .closeByBob: .refused(.notHost), .closeByHost: .allowed,
            .customizeByBob: .allowed, .customizeByStranger: .refused(.notMember), .inviteByBob: .allowed,
            .gameEnded: .refused(.wrongState),
        ],
        .inGame: [
            .joinByStranger: .refused(.wrongState), .leaveByBob: .allowed, .readyByBob: .refused(.wrongState),
            .unreadyByBob: .refused(.wrongState), .readyByStranger: .refused(.notMember),
            .startByHost: .refused(.wrongState), .startByBob: .refused(.notHost), .closeByBob: .refused(.notHost),
            .closeByHost: .allowed, .customizeByBob: .refused(.wrongState),
            .customizeByStranger: .refused(.notMember), .inviteByBob: .allowed, .gameEnded: .allowed,
        ],
        .finished: [
            .joinByStranger: .allowed, .leaveByBob: .allowed, .readyByBob: .allowed, .unreadyByBob: .nothing,
            .readyByStranger: .refused(.notMember), .startByHost: .refused(.wrongState),
            .startByBob: .refused(.notHost), .closeByBob: .refused(.notHost), .closeByHost: .allowed,
            .customizeByBob: .allowed, .customizeByStranger: .refused(.notMember), .inviteByBob: .allowed,
            .gameEnded: .refused(.wrongState),
        ],
        .closed: Dictionary(uniqueKeysWithValues: Request.allCases.map { ($0, Expected.refused(.wrongState)) }),
    ]

    @Test(arguments: Lobby.State.allCases)
    func everyRequestInState(_ state: Lobby.State) throws {
        let row = try #require(Self.table[state])
        #expect(Set(row.keys) == Set(Request.allCases), "the table covers every request in \(state)")
        for request in Request.allCases {
            var machine = LobbyFixture.machine(in: state)
            let before = machine
            let actions = request.perform(on: &machine)
            let context = "\(request) in \(state)"
            switch row[request]! {
            case .allowed:
                #expect(actions.rejection == nil, "\(context)")
                #expect(!actions.isEmpty, "\(context)")
                if case .invitationCreated = actions.first {
                    #expect(machine.lobby == before.lobby, "\(context): invitations are not visible")
                } else {
                    #expect(machine.lobby.version == before.lobby.version + 1, "\(context)")
                }
            case .nothing:
                #expect(actions.isEmpty, "\(context)")
                #expect(machine == before, "\(context)")
            case .refused(let reason):
                #expect(actions.rejectionReason == reason, "\(context)")
                if state == .countdown && request == .joinByStranger {
                    #expect(machine.lobby.state == .waiting, "\(context) cancels the countdown")
                } else {
                    #expect(actions.count == 1, "\(context)")
                    #expect(machine == before, "\(context)")
                }
                if reason == .wrongState {
                    #expect(actions.rejection?.message.contains(state.rawValue) == true, "\(context) names the state")
                }
            }
        }
    }

    @Test func refusalsCarryTheirWireCodes() {
        var machine = LobbyFixture.machine(in: .waiting)
        #expect(Request.startByBob.perform(on: &machine).rejection?.code == .forbidden)
        #expect(Request.closeByBob.perform(on: &machine).rejection?.code == .forbidden)
        #expect(Request.startByHost.perform(on: &machine).rejection?.code == .conflict)
        #expect(Request.readyByStranger.perform(on: &machine).rejection?.code == .conflict)
        #expect(Request.gameEnded.perform(on: &machine).rejection?.code == .conflict)
    }
}

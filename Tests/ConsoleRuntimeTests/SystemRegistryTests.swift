import Console
import ConsoleRuntime
import MembershipKit
import Testing

/// The registry of systems and the models they declare: what the core and the view rely on
/// without knowing a system's name.
@Suite("System registry")
struct SystemRegistryTests {
    @Test("every endpoint kind is served by exactly one system", arguments: EndpointKind.allCases)
    func oneSystemPerKind(kind: EndpointKind) {
        let serving = SystemRegistry.systems.filter { $0.kinds.contains(kind) }
        #expect(serving.count == 1, "\(kind.rawValue) is served by \(serving.map { $0.model.name })")
        #expect(SystemRegistry.system(for: kind).map { $0.model.name } == serving.first.map { $0.model.name })
    }

    @Test("no two systems share a name")
    func namesAreDistinct() {
        let names = SystemRegistry.systems.map { $0.model.name }
        #expect(Set(names).count == names.count)
    }

    @Test("each system's model has a name and three panes, each with a title and columns",
          arguments: SystemRegistry.systems.map { $0.model })
    func modelsAreComplete(model: SystemModel) {
        #expect(!model.name.isEmpty)
        #expect(Set(model.panes.keys) == Set(PaneID.allCases), "\(model.name)")
        for pane in PaneID.allCases {
            let declared = model.pane(pane)
            #expect(!declared.title.isEmpty, "\(model.name) \(pane)")
            #expect(!declared.columns.isEmpty && declared.columns.allSatisfy { !$0.title.isEmpty }, "\(model.name) \(pane)")
        }
    }

    @Test("each action a pane lists is a capability, listed once", arguments: SystemRegistry.systems.map { $0.model })
    func paneActionsAreCapabilities(model: SystemModel) {
        for (pane, declared) in model.panes {
            for action in declared.actions {
                #expect(action.isCapability, "\(model.name) \(pane) lists \(action), which every system has")
            }
            #expect(Set(declared.actions).count == declared.actions.count, "\(model.name) \(pane)")
        }
    }

    @Test("the detail pane of each system says what to select while nothing is", arguments: SystemRegistry.systems.map { $0.model })
    func detailPaneHasASelectHint(model: SystemModel) {
        #expect(model.pane(.members).selectHint?.isEmpty == false, "\(model.name)")
    }
}

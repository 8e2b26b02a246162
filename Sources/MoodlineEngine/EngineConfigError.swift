/// A configuration value the engine cannot run with.
public struct EngineConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The offending key, as written in the config file (`rules.customer_anger.exit`).
    public var key: String
    /// What is wrong with it.
    public var problem: String

    public init(key: String, problem: String) {
        self.key = key
        self.problem = problem
    }

    public var description: String { "\(key): \(problem)" }
}

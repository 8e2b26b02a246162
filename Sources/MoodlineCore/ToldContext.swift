/// What a customer's line tells of that explains later lines of the same conversation: a death
/// (then 我就去找老伴了 is a disclosure), a move away (then goodbyes are its business), a jump
/// for sport booked (then 從飛機上跳下去 is the sport's).
public struct ToldContext: OptionSet, Sendable, Hashable {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The death of someone close ("since my wife passed", 老伴走了以后).
    public static let death = ToldContext(rawValue: 1 << 0)
    /// A move away or a long stay abroad ("I'm moving to Lisbon at the end of the month", 移民).
    public static let move = ToldContext(rawValue: 1 << 1)
    /// A jump for sport (a skydive, a bungee, 高空跳傘).
    public static let sportJump = ToldContext(rawValue: 1 << 2)
}

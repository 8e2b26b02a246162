import CZeroMQ

extension ZMQSocket {
    /// Socket options Moodline sets. Set them before `bind`/`connect`: libzmq applies
    /// high-water marks and `immediate` only to connections made afterwards.
    public enum Option: Sendable, Equatable {
        /// Messages queued for sending per peer before `send` blocks or drops (PUB drops).
        case sendHighWaterMark(Int32)
        /// Messages queued on receipt per peer before the sender is pushed back.
        case receiveHighWaterMark(Int32)
        /// How long unsent messages are kept after close, in milliseconds; -1 forever, 0 drop.
        case linger(milliseconds: Int32)
        /// How long `receive` waits before returning nil, in milliseconds; -1 forever.
        case receiveTimeout(milliseconds: Int32)
        /// How long `send` waits before returning false, in milliseconds; -1 forever.
        case sendTimeout(milliseconds: Int32)
        /// Queue messages only to completed connections (not to peers still connecting).
        case immediate(Bool)
        /// SUB: receive messages whose first frame starts with these bytes (empty: everything).
        case subscribe([UInt8])
        /// SUB: undo one earlier `subscribe` of the same bytes.
        case unsubscribe([UInt8])
        /// ROUTER/DEALER/REQ: this socket's identity as its peers' ROUTER sees it.
        case routingID([UInt8])
        /// The largest message accepted, in bytes; a peer that sends a larger one is
        /// disconnected before the message is read into memory. -1: no limit.
        case maxMessageSize(Int64)
        /// Be the CURVE server: peers must complete a CURVE handshake (see ``curveSecretKey(_:)``).
        case curveServer(Bool)
        /// This side's CURVE secret key, Z85 text (40 characters).
        case curveSecretKey(String)
        /// This side's CURVE public key, Z85 text (40 characters); clients set it with their secret key.
        case curvePublicKey(String)
        /// Client: the server's CURVE public key, Z85 text. Setting it makes the socket a CURVE client.
        case curveServerKey(String)
        /// The domain this socket names in its ZAP requests, so one handler can tell sockets apart.
        case zapDomain(String)
    }

    /// Sets one option.
    public func set(_ option: Option) throws(ZMQError) {
        let handle = try checkedHandle("setsockopt \(option)")
        let status: Int32
        switch option {
        case .sendHighWaterMark(let value): status = Self.setInt(handle, ZMQ_SNDHWM, value)
        case .receiveHighWaterMark(let value): status = Self.setInt(handle, ZMQ_RCVHWM, value)
        case .linger(let value): status = Self.setInt(handle, ZMQ_LINGER, value)
        case .receiveTimeout(let value): status = Self.setInt(handle, ZMQ_RCVTIMEO, value)
        case .sendTimeout(let value): status = Self.setInt(handle, ZMQ_SNDTIMEO, value)
        case .immediate(let value): status = Self.setInt(handle, ZMQ_IMMEDIATE, value ? 1 : 0)
        case .subscribe(let bytes): status = Self.setBytes(handle, ZMQ_SUBSCRIBE, bytes)
        case .unsubscribe(let bytes): status = Self.setBytes(handle, ZMQ_UNSUBSCRIBE, bytes)
        case .routingID(let bytes): status = Self.setBytes(handle, ZMQ_ROUTING_ID, bytes)
        case .maxMessageSize(var value): status = zmq_setsockopt(handle, ZMQ_MAXMSGSIZE, &value, MemoryLayout<Int64>.size)
        case .curveServer(let value): status = Self.setInt(handle, ZMQ_CURVE_SERVER, value ? 1 : 0)
        case .curveSecretKey(let key): status = Self.setBytes(handle, ZMQ_CURVE_SECRETKEY, Array(key.utf8))
        case .curvePublicKey(let key): status = Self.setBytes(handle, ZMQ_CURVE_PUBLICKEY, Array(key.utf8))
        case .curveServerKey(let key): status = Self.setBytes(handle, ZMQ_CURVE_SERVERKEY, Array(key.utf8))
        case .zapDomain(let domain): status = Self.setBytes(handle, ZMQ_ZAP_DOMAIN, Array(domain.utf8))
        }
        guard status == 0 else { throw ZMQError.last("setsockopt \(option)") }
    }

    /// SUB: receive messages whose topic frame starts with `prefix`.
    public func subscribe(_ prefix: String) throws(ZMQError) {
        try set(.subscribe(Array(prefix.utf8)))
    }

    /// SUB: receive messages on `topic` (and every topic it is a prefix of).
    public func subscribe(_ topic: Topic) throws(ZMQError) {
        try set(.subscribe(topic.bytes))
    }

    /// SUB: undo `subscribe(prefix)`.
    public func unsubscribe(_ prefix: String) throws(ZMQError) {
        try set(.unsubscribe(Array(prefix.utf8)))
    }

    /// Reads an integer option, such as `ZMQ_SNDHWM` (for options this wrapper does not name).
    public func intOption(_ name: Int32) throws(ZMQError) -> Int32 {
        let handle = try checkedHandle("getsockopt \(name)")
        var value: Int32 = 0
        var size = MemoryLayout<Int32>.size
        guard zmq_getsockopt(handle, name, &value, &size) == 0 else { throw ZMQError.last("getsockopt \(name)") }
        return value
    }

    /// Sets an integer option this wrapper does not name (see `zmq_setsockopt(3)`).
    public func setIntOption(_ name: Int32, _ value: Int32) throws(ZMQError) {
        let handle = try checkedHandle("setsockopt \(name)")
        guard Self.setInt(handle, name, value) == 0 else { throw ZMQError.last("setsockopt \(name)") }
    }

    private static func setInt(_ handle: UnsafeMutableRawPointer, _ name: Int32, _ value: Int32) -> Int32 {
        var value = value
        return zmq_setsockopt(handle, name, &value, MemoryLayout<Int32>.size)
    }

    private static func setBytes(_ handle: UnsafeMutableRawPointer, _ name: Int32, _ bytes: [UInt8]) -> Int32 {
        bytes.withUnsafeBytes { zmq_setsockopt(handle, name, $0.baseAddress, $0.count) }
    }
}

/// An optional that JSON writes as `null` when nil, where a synthesised `Encodable` leaves the key out: every key
/// of a report is always present, so scripts can rely on it.
@propertyWrapper
public struct Nullable<Value: Encodable & Hashable & Sendable>: Encodable, Hashable, Sendable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }
}

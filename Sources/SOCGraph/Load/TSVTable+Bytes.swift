/// Byte-level access to the fields of a row, for the loader: checking a code or a number, or comparing fields,
/// without making a `String`.
extension TSVTable.Row {
    /// Calls `body` with the unescaped bytes of field `index` (valid only during the call).
    @inline(__always)
    func withBytes<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        precondition(index >= 0 && index < storage.width, "field index out of range")
        let start = Int(storage.starts[first + index]), end = Int(storage.starts[first + index + 1]) - 1
        return try body(UnsafeBufferPointer(start: storage.bytes + start, count: end - start))
    }

    /// The length of field `index` in bytes.
    func byteCount(_ index: Int) -> Int {
        precondition(index >= 0 && index < storage.width, "field index out of range")
        return Int(storage.starts[first + index + 1] - storage.starts[first + index]) - 1
    }

    /// True when field `index` is empty (an absent value).
    func isEmpty(_ index: Int) -> Bool { byteCount(index) == 0 }

    /// True when field `index` is exactly `text`.
    func field(_ index: Int, is text: StaticString) -> Bool {
        withBytes(index) { bytes in
            bytes.count == text.utf8CodeUnitCount && IDIndex.equal(bytes.baseAddress!, text.utf8Start, bytes.count)
        }
    }

    /// True when field `index` ends with `suffix`.
    func field(_ index: Int, hasSuffix suffix: StaticString) -> Bool {
        withBytes(index) { bytes in
            let length = suffix.utf8CodeUnitCount
            return bytes.count >= length
                && IDIndex.equal(bytes.baseAddress! + bytes.count - length, suffix.utf8Start, length)
        }
    }

    /// True when the first `columns` fields of this row and of the row of the same table whose fields start at
    /// `otherFirst` (its `first`) are equal.
    func hasSameFields(_ columns: Int, asRowAt otherFirst: Int) -> Bool {
        precondition(columns <= storage.width, "field index out of range")
        let starts = storage.starts
        for column in 0..<columns {
            let a = Int(starts[first + column]), aEnd = Int(starts[first + column + 1]) - 1
            let b = Int(starts[otherFirst + column]), bEnd = Int(starts[otherFirst + column + 1]) - 1
            guard aEnd - a == bEnd - b, IDIndex.equal(storage.bytes + a, storage.bytes + b, aEnd - a) else {
                return false
            }
        }
        return true
    }
}

/// The raw values of an enum's cases as bytes, to read a TSV field as a case without making a `String`.
struct RawValueTable<Value: CaseIterable & RawRepresentable> where Value.RawValue == String {
    private let entries: [(bytes: [UInt8], value: Value)]

    init(_ type: Value.Type = Value.self) {
        entries = Value.allCases.map { (Array($0.rawValue.utf8), $0) }
    }

    /// The case whose raw value is field `index` of `row`; nil if none (like `init(rawValue:)`).
    func value(_ row: TSVTable.Row, _ index: Int) -> Value? {
        row.withBytes(index) { bytes in
            for entry in entries where entry.bytes.count == bytes.count {
                let equal = entry.bytes.withUnsafeBufferPointer {
                    bytes.isEmpty || IDIndex.equal($0.baseAddress!, bytes.baseAddress!, bytes.count)
                }
                if equal { return entry.value }
            }
            return nil
        }
    }
}

/// Numbers in plain decimal notation, read from bytes with the same results as `Int(_:)` and `Double(_:)`.
enum DecimalText {
    /// `-?[0-9]+` that fits an `Int`; nil otherwise.
    static func int(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        let negative = !bytes.isEmpty && bytes[0] == UInt8(ascii: "-")
        if negative { index = 1 }
        guard index < bytes.count else { return nil }
        // Accumulated as a negative number so that Int.min fits.
        var value = 0
        while index < bytes.count {
            let digit = Int(bytes[index]) - 48
            guard digit >= 0 && digit <= 9 else { return nil }
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = times.subtractingReportingOverflow(digit)
            guard !overflow1 && !overflow2 else { return nil }
            value = next
            index += 1
        }
        if negative { return value }
        return value == Int.min ? nil : -value
    }

    /// `-?[0-9]+(\.[0-9]+)?` as a finite `Double`, correctly rounded; nil otherwise.
    ///
    /// Up to 15 significant digits the value is `digits / 10^decimals`, both exact in a `Double`, so one
    /// correctly rounded division gives the correctly rounded result (as `Double(_:)` does); longer text goes
    /// through `Double(_:)`.
    static func decimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var index = 0
        let negative = !bytes.isEmpty && bytes[0] == UInt8(ascii: "-")
        if negative { index = 1 }
        var mantissa: UInt64 = 0
        var digits = 0, integerDigits = 0, decimals = 0
        var sawPoint = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else if byte >= 48 && byte <= 57 {
                if sawPoint { decimals += 1 } else { integerDigits += 1 }
                digits += 1
                if digits <= 15 { mantissa = mantissa * 10 + UInt64(byte - 48) }
            } else {
                return nil
            }
            index += 1
        }
        guard integerDigits > 0, !sawPoint || decimals > 0 else { return nil }
        guard digits <= 15 else {
            let text = String(decoding: bytes, as: UTF8.self)
            guard let value = Double(text), value.isFinite else { return nil }
            return value
        }
        let magnitude = Double(mantissa) / powersOfTen[decimals]
        return negative ? -magnitude : magnitude
    }

    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ]
}

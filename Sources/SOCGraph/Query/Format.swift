import Foundation

/// Number formatting shared by reports and renderers.
public enum Format {
    /// `245.9`, `10`, `33.5`: the shortest decimal that round-trips, without a trailing `.0`.
    public static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// `262,440`.
    public static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return value < 0 ? "-" + out : out
    }

    /// `$120,230`.
    public static func dollars(_ value: Int) -> String { "$" + grouped(value) }

    /// `0.83`, `1.00`: an alignment strength with two places.
    public static func strength(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    /// `0.62`, `2.50`: `value` with `places` decimals, rounded as C's `printf("%.2f")` rounds the binary value
    /// (`0.125` gives `0.12`). Non-finite values print as `nan`, `inf`.
    public static func fixed(_ value: Double, places: Int) -> String {
        String(format: "%.\(places)f", value)
    }

    /// `+33.5%`, `-2%`: a change in percent with its sign.
    public static func signedPercent(_ value: Double) -> String {
        (value >= 0 ? "+" : "") + number(value) + "%"
    }
}

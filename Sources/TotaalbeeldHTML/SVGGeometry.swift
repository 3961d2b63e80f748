/// Plain geometry for the inline SVG charts: scales, ticks and colour steps. No markup here.

/// A number as an SVG coordinate: at most one decimal, locale-free, so output is byte-stable.
func coordinate(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return tenths % 10 == 0 ? String(tenths / 10) : (tenths < 0 && tenths > -10 ? "-" : "") + "\(tenths / 10).\(abs(tenths % 10))"
}

/// A linear scale from 0…`maximum` onto `length` pixels, with round ticks.
struct LinearScale {
    let maximum: Double
    let length: Double

    /// The maximum is rounded up to a whole number so ticks land on integers.
    init(covering values: [Double], length: Double) {
        self.maximum = max(1, (values.max() ?? 1).rounded(.up))
        self.length = length
    }

    func callAsFunction(_ value: Double) -> Double { max(0, min(value, maximum)) / maximum * length }

    /// Integer ticks, at most about eight of them.
    var ticks: [Double] {
        let step = max(1, (maximum / 8).rounded(.up))
        return stride(from: 0, through: maximum, by: step).map { $0 }
    }
}

/// Five ordered shades for the agreement heat map, light (agreement) to dark (divergence).
/// Each carries the text colour that keeps a contrast ratio of at least 4.5:1 on it.
enum AgreementShade: Int, CaseIterable {
    case full, high, middle, low, none

    init(divergence: Double) {
        switch divergence {
        case ..<0.001: self = .full
        case ..<0.25: self = .high
        case ..<0.5: self = .middle
        case ..<0.75: self = .low
        default: self = .none
        }
    }

    var fill: String { ["#f2f0f7", "#cbc9e2", "#9e9ac8", "#6a51a3", "#3f007d"][rawValue] }
    var text: String { rawValue < 3 ? "#1a1a1a" : "#ffffff" }
}

import Foundation

/// Case- and diacritics-insensitive folding of single Unicode scalars, the basis of every token key.
///
/// Dutch text mixes "ziekte", "ZIEKTE" and "ziekté", "cliënt" and "client", "ĳ" and "ij";
/// all fold to the same lowercase ASCII-like spelling so a term matches each of them.
/// ```swift
/// var key = ""
/// for scalar in "Cliënt".unicodeScalars { Folding.append(scalar, to: &key) }
/// key // "client"
/// ```
enum Folding {
    /// Precomputed folds of the Latin blocks Dutch text uses. Built once: Foundation's decomposition
    /// is far too slow to call per character while analysing, and a table keeps the hot path in Swift.
    private static let latinTable: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        let ranges: [ClosedRange<UInt32>] = [0x00C0...0x024F, 0x1E00...0x1EFF]
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                table[value] = fold(slowly: scalar)
            }
        }
        return table
    }()

    /// Compatibility decomposition (so "ĳ" becomes "ij"), combining marks dropped, lowercased.
    private static func fold(slowly scalar: Unicode.Scalar) -> String {
        let decomposed = String(scalar).decomposedStringWithCompatibilityMapping
        var result = ""
        for part in decomposed.unicodeScalars where !isCombiningMark(part) {
            result += String(part).lowercased()
        }
        return result
    }

    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// ``append(_:to:)`` into the UTF-8 bytes of a key being built: the same scalars, without the cost of
    /// String's append per scalar (the tokenizer folds every letter of every text this way).
    static func append(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        let value = scalar.value
        if value < 0x80 {
            bytes.append(UInt8(value >= 0x41 && value <= 0x5A ? value + 0x20 : value))
        } else {
            var folded = ""
            append(scalar, to: &folded)
            bytes.append(contentsOf: folded.utf8)
        }
    }

    /// Appends the folded form of `scalar` to `key`; combining marks fold to nothing.
    static func append(_ scalar: Unicode.Scalar, to key: inout String) {
        let value = scalar.value
        if value < 0x80 {
            if value >= 0x41 && value <= 0x5A {
                key.unicodeScalars.append(Unicode.Scalar(value + 0x20)!)
            } else {
                key.unicodeScalars.append(scalar)
            }
        } else if let folded = latinTable[value] {
            key += folded
        } else if !isCombiningMark(scalar) {
            key += String(scalar).lowercased()
        }
    }
}

@testable import TotaalbeeldText
import XCTest

/// The tokenizer builds its keys as UTF-8 bytes (issue 18): every scalar must fold to the same bytes as
/// the String folding gives.
final class FoldingBytesTests: XCTestCase {
    func testFoldingIntoBytesGivesTheStringFoldingsBytes() {
        var scalars = (0...0x2FFF).compactMap(Unicode.Scalar.init)
        scalars += ["\u{1E9E}", "\u{FB01}", "\u{FF21}", "\u{1F600}", "\u{10400}", "\u{0130}"]
        for scalar in scalars {
            var string = ""
            Folding.append(scalar, to: &string)
            var bytes: [UInt8] = []
            Folding.append(scalar, to: &bytes)
            XCTAssertEqual(bytes, Array(string.utf8), "U+\(String(scalar.value, radix: 16))")
        }
        XCTAssertEqual(Tokenizer.tokenize("Cliënt ZIEKTÉ 1,5 ĳs").map(\.key), ["client", "ziekte", "1,5", "ijs"])
    }
}

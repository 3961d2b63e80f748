import XCTest
import TotaalbeeldAgreement

final class CSVParsingTests: XCTestCase {
    private func parse(_ text: String, categorical: Bool = false, header: Bool? = nil,
                       raterLabels: Bool? = nil) throws -> ReliabilityMatrix {
        try ReliabilityMatrix.parseCSV(text, categorical: categorical, header: header, raterLabels: raterLabels)
    }

    /// Asserts that parsing fails with the given error.
    private func assertError(_ text: String, categorical: Bool = false, _ expected: ReliabilityInputError,
                             file: StaticString = #filePath, line: UInt = #line) {
        do {
            let parsed = try ReliabilityMatrix.parseCSV(text, categorical: categorical)
            XCTFail("expected \(expected), parsed \(parsed)", file: file, line: line)
        } catch {
            XCTAssertEqual(error, expected, file: file, line: line)
        }
    }

    // MARK: - Layouts

    func testBareMatrix() throws {
        let parsed = try parse("1,2,3\n1,2,4\n")
        XCTAssertEqual(parsed, ReliabilityMatrix(raters: ["1", "2"], units: ["1", "2", "3"],
                                                 values: [[1, 2, 3], [1, 2, 4]]))
    }

    func testHeaderWithRaterCornerAndLabels() throws {
        let parsed = try parse("rater,case 1,case 2,case 3\nAnna,1,2,\nBram,1,3,NA\n")
        XCTAssertEqual(parsed.raters, ["Anna", "Bram"])
        XCTAssertEqual(parsed.units, ["case 1", "case 2", "case 3"])
        XCTAssertEqual(parsed.values, [[1, 2, nil], [1, 3, nil]])
    }

    func testHeaderWithEmptyCorner() throws {
        let parsed = try parse(",u1,u2\nA,1,2\nB,2,2\n")
        XCTAssertEqual(parsed.raters, ["A", "B"])
        XCTAssertEqual(parsed.units, ["u1", "u2"])
    }

    func testHeaderWithoutCornerCell() throws {
        let parsed = try parse("u1,u2\nA,1,2\nB,2,2\n")
        XCTAssertEqual(parsed.raters, ["A", "B"])
        XCTAssertEqual(parsed.units, ["u1", "u2"])
        XCTAssertEqual(parsed.values, [[1, 2], [2, 2]])
    }

    func testHeaderWithoutRaterLabels() throws {
        let parsed = try parse("u1,u2,u3\n1,2,3\n1,,3\n")
        XCTAssertEqual(parsed.raters, ["1", "2"])
        XCTAssertEqual(parsed.units, ["u1", "u2", "u3"])
        XCTAssertEqual(parsed.values, [[1, 2, 3], [1, nil, 3]])
    }

    func testRaterLabelsWithoutHeader() throws {
        // "A,1,2" is not a header: only its first cell is text.
        let parsed = try parse("A,1,2\nB,1,3\n")
        XCTAssertEqual(parsed.raters, ["A", "B"])
        XCTAssertEqual(parsed.units, ["1", "2"])
        XCTAssertEqual(parsed.values, [[1, 2], [1, 3]])
    }

    func testNumericFirstRowStartingWithMissingIsData() throws {
        let parsed = try parse(",2,3\n1,2,3\n")
        XCTAssertEqual(parsed.values, [[nil, 2, 3], [1, 2, 3]])
    }

    func testExplicitOverrides() throws {
        let numericHeader = try parse("rater,1,2\n101,1,2\n102,1,3\n")
        XCTAssertEqual(numericHeader.raters, ["101", "102"])
        XCTAssertEqual(numericHeader.units, ["1", "2"])

        let forced = try parse("10,20,30\n1,2,3\n1,2,4\n", header: true)
        XCTAssertEqual(forced.units, ["10", "20", "30"])
        XCTAssertEqual(forced.values.count, 2)

        let ids = try parse("101,1,2\n102,1,3\n", raterLabels: true)
        XCTAssertEqual(ids.raters, ["101", "102"])
        XCTAssertEqual(ids.values, [[1, 2], [1, 3]])
    }

    func testMissingMarkers() throws {
        let parsed = try parse("1,*,.,NA,na,,2\n1,1,1,1,1,1,2\n")
        XCTAssertEqual(parsed.values[0], [1, nil, nil, nil, nil, nil, 2])
    }

    func testSemicolonSeparatorWithDecimalComma() throws {
        let parsed = try parse("beoordelaar;casus 1;casus 2\nAnna;1,5;2\nBram;2;NA\n")
        XCTAssertEqual(parsed.raters, ["Anna", "Bram"])
        XCTAssertEqual(parsed.units, ["casus 1", "casus 2"])
        XCTAssertEqual(parsed.values, [[1.5, 2], [2, nil]])
    }

    func testQuotedCells() throws {
        let text = "\"rater\",\"case, one\",\"case \"\"2\"\"\"\n\"Anna, sr.\", \"1\" ,2\n"
        let parsed = try parse(text)
        XCTAssertEqual(parsed.units, ["case, one", "case \"2\""])
        XCTAssertEqual(parsed.raters, ["Anna, sr."])
        XCTAssertEqual(parsed.values, [[1, 2]])
    }

    func testCRLFBlankLinesWhitespaceAndBOM() throws {
        let parsed = try parse("\u{FEFF}rater, u1 , u2\r\n\r\n A , 1 , 2 \r\n   \r\nB,2,2")
        XCTAssertEqual(parsed.raters, ["A", "B"])
        XCTAssertEqual(parsed.units, ["u1", "u2"])
        XCTAssertEqual(parsed.values, [[1, 2], [2, 2]])
    }

    func testWorkedExampleFromCSV() throws {
        let csv = """
            coder,1,2,3,4,5,6,7,8,9,10,11,12
            A,1,2,3,3,2,1,4,1,2,.,.,.
            B,1,2,3,3,2,2,4,1,2,5,.,3
            C,.,3,3,3,2,3,4,2,2,5,1,.
            D,1,2,3,3,2,4,4,1,2,5,1,.
            """
        let parsed = try parse(csv)
        XCTAssertEqual(parsed.raters, ["A", "B", "C", "D"])
        XCTAssertEqual(parsed.values, workedExample.values)
        XCTAssertEqual(KrippendorffAlpha.compute(parsed, level: .interval).alpha!, 0.8491071428571428, accuracy: 1e-12)
    }

    // MARK: - Categorical

    func testCategoricalLabels() throws {
        let csv = "rater,u1,u2,u3\nA,onwil,bereid,\nB,onwil,onwil,NA\nC,\"bereid\",bereid,twijfel\n"
        let parsed = try parse(csv, categorical: true)
        XCTAssertEqual(parsed.raters, ["A", "B", "C"])
        XCTAssertEqual(parsed.units, ["u1", "u2", "u3"])
        XCTAssertEqual(parsed.categories, ["onwil", "bereid", "twijfel"])
        XCTAssertEqual(parsed.values, [[0, 1, nil], [0, 0, nil], [1, 1, 2]])
        XCTAssertEqual(parsed.category(of: 2), "twijfel")
        XCTAssertNil(parsed.category(of: 3))
        XCTAssertNil(parsed.category(of: 0.5))

        let numeric = matrix([[0, 1, nil], [0, 0, nil], [1, 1, 2]])
        XCTAssertEqual(KrippendorffAlpha.compute(parsed, level: .nominal).alpha,
                       KrippendorffAlpha.compute(numeric, level: .nominal).alpha)
    }

    func testCategoricalWithoutHeader() throws {
        let parsed = try parse("onwil;bereid\nonwil;onwil\n", categorical: true)
        XCTAssertEqual(parsed.categories, ["onwil", "bereid"])
        XCTAssertEqual(parsed.values, [[0, 1], [0, 0]])
        XCTAssertEqual(parsed.raters, ["1", "2"])
    }

    func testCategoricalEmptyCornerHeaderAndExplicitLabels() throws {
        let corner = try parse(",u1,u2\nA,ja,nee\nB,ja,ja\n", categorical: true)
        XCTAssertEqual(corner.units, ["u1", "u2"])
        XCTAssertEqual(corner.raters, ["A", "B"])
        XCTAssertEqual(corner.categories, ["ja", "nee"])

        let labelled = try parse("A,ja,nee\nB,ja,ja\n", categorical: true, raterLabels: true)
        XCTAssertEqual(labelled.raters, ["A", "B"])
        XCTAssertEqual(labelled.categories, ["ja", "nee"])

        let numbersAsLabels = try parse("1,2\n2,10\n", categorical: true)
        XCTAssertEqual(numbersAsLabels.categories, ["1", "2", "10"])
    }

    // MARK: - Errors

    func testNonNumericCellIsLocated() {
        assertError("1,2,3\n1,x,3\n", ReliabilityInputError(.nonNumeric("x"), line: 2, column: 2))
        // The column counts the rater-label column; blank lines still count as lines.
        assertError("rater,u1,u2\nA,1,2\n\nB,1,zz\n", ReliabilityInputError(.nonNumeric("zz"), line: 4, column: 3))
        assertError("1,2\n1,inf\n", ReliabilityInputError(.nonNumeric("inf"), line: 2, column: 2))
        assertError("1,2\n1,nan\n", ReliabilityInputError(.nonNumeric("nan"), line: 2, column: 2))
        assertError("1,2\n1,0x10\n", ReliabilityInputError(.nonNumeric("0x10"), line: 2, column: 2))
        // A decimal comma is only valid with the semicolon separator.
        assertError("1,2\n1,\"2,5\"\n", ReliabilityInputError(.nonNumeric("2,5"), line: 2, column: 2))
    }

    func testRaggedRowsAreLocated() {
        assertError("1,2,3\n1,2\n", ReliabilityInputError(.raggedRow(expected: 3, found: 2), line: 2, column: 3))
        assertError("1,2\n1,2,3\n", ReliabilityInputError(.raggedRow(expected: 2, found: 3), line: 2, column: 3))
        assertError("u1,u2,u3,u4\n1,2\n1,2\n", ReliabilityInputError(.raggedRow(expected: 2, found: 4), line: 1, column: 3))
    }

    func testLineNumbersAfterMultiLineQuotedCell() {
        assertError("rater,\"unit\none\",u2\nA,1,2\nB,1,?\n",
                    ReliabilityInputError(.nonNumeric("?"), line: 4, column: 3))
    }

    func testUnterminatedQuote() {
        assertError("1,2\n1,\"2\n3,4\n", ReliabilityInputError(.unterminatedQuote, line: 2, column: 2))
    }

    func testNoData() {
        assertError("", ReliabilityInputError(.noData, line: 1, column: 1))
        assertError("\n  \n", ReliabilityInputError(.noData, line: 1, column: 1))
        assertError("rater,u1,u2\n", ReliabilityInputError(.noData, line: 2, column: 1))
    }

    func testErrorDescriptionNamesLocation() {
        let error = ReliabilityInputError(.nonNumeric("x"), line: 2, column: 3)
        XCTAssertTrue(error.description.hasPrefix("line 2, column 3: \"x\" is not a number"), error.description)
    }
}

import XCTest
final class TextPlaceholderTests: XCTestCase { func testNothing() {} }

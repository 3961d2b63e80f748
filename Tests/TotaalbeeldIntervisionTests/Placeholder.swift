import XCTest
final class IntervisionPlaceholderTests: XCTestCase { func testNothing() {} }

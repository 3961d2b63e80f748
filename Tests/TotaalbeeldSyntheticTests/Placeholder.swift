import XCTest
final class SyntheticPlaceholderTests: XCTestCase { func testNothing() {} }

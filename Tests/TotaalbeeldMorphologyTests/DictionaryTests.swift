import Foundation
import TotaalbeeldMorphology
import XCTest

final class DictionaryTests: XCTestCase {
    func testMissingDictionaryIsAnErrorNotACrash() throws {
        let empty = try temporaryDirectory()
        XCTAssertThrowsError(try HunspellDictionary.dutch(searching: [empty])) { error in
            XCTAssertEqual(error as? MorphologyError, .dictionaryNotFound(searched: [empty]))
            XCTAssertTrue("\(error)".contains("hunspell-nl"), "\(error)")
        }
        XCTAssertThrowsError(try CompoundSplitter(searching: [empty, empty + "/nowhere"])) { error in
            XCTAssertEqual(error as? MorphologyError, .dictionaryNotFound(searched: [empty, empty + "/nowhere"]))
        }
    }

    func testUnreadableFilesAreNamed() throws {
        let directory = try temporaryDirectory()
        let missing = directory + "/nl.aff"
        XCTAssertThrowsError(try CompoundSplitter(affixPath: missing, dictionaryPath: Shared.dictionary.dictionaryPath)) { error in
            XCTAssertEqual(error as? MorphologyError, .dictionaryUnreadable(path: missing))
        }
        // A directory is no file.
        XCTAssertThrowsError(try HunspellDictionary(affixPath: Shared.dictionary.affixPath, dictionaryPath: directory)) { error in
            XCTAssertEqual(error as? MorphologyError, .dictionaryUnreadable(path: directory))
        }
    }

    func testNonUTF8DictionaryIsRefused() throws {
        let directory = try temporaryDirectory()
        try "SET ISO8859-1\n".write(toFile: directory + "/latin.aff", atomically: true, encoding: .utf8)
        try "1\nhuis\n".write(toFile: directory + "/latin.dic", atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try HunspellDictionary(affixPath: directory + "/latin.aff", dictionaryPath: directory + "/latin.dic")) { error in
            XCTAssertEqual(error as? MorphologyError, .unsupportedDictionaryEncoding("ISO8859-1"))
        }
    }

    /// The search path is an argument: a directory holding `nl_NL.aff`/`nl_NL.dic` is found
    /// before the standard places.
    func testDictionaryLocationCanBeOverridden() throws {
        let directory = try temporaryDirectory()
        try FileManager.default.createSymbolicLink(atPath: directory + "/nl_NL.aff", withDestinationPath: Shared.dictionary.affixPath)
        try FileManager.default.createSymbolicLink(atPath: directory + "/nl_NL.dic", withDestinationPath: Shared.dictionary.dictionaryPath)
        let dictionary = try HunspellDictionary.dutch(searching: [directory] + HunspellDictionary.standardDirectories)
        XCTAssertEqual(dictionary.affixPath, directory + "/nl_NL.aff")
        XCTAssertEqual(dictionary.dictionaryPath, directory + "/nl_NL.dic")
        XCTAssertEqual(CompoundSplitter(dictionary: dictionary).split("huurschuld").head, "schuld")
    }

    func testStandardLocation() {
        XCTAssertTrue(HunspellDictionary.standardDirectories.contains((Shared.dictionary.affixPath as NSString).deletingLastPathComponent))
    }

    /// What OpenTaal's dictionary gives through Hunspell's own analysis, and why the splitter does
    /// not rely on it: compound parts (`pa:`) appear only for compounds Hunspell builds from its
    /// rules, one reading each, nothing for compounds the word list holds whole or for compounds
    /// it rejects; and the stem of a compound is the stem of its first part.
    func testWhatHunspellAnalysisGives() {
        let dictionary = Shared.dictionary
        XCTAssertTrue(dictionary.spell("klachten"))
        XCTAssertTrue(dictionary.spell("huurschuld"))
        // The probes the splitter uses: "schuld" may end a compound, "laving" may not.
        XCTAssertTrue(dictionary.spell("museumschuld"))
        XCTAssertFalse(dictionary.spell("museumlaving"))
        XCTAssertEqual(dictionary.stems(of: "klachten"), ["klacht"])
        XCTAssertEqual(dictionary.analyses(of: "klachten"), [" st:klacht ts:NN2"])

        // Built by Hunspell's compounding rules: parts, but the "stem" is the first part.
        XCTAssertEqual(dictionary.analyses(of: "huurschuld"), [" pa:huur st:huur pa:schuld"])
        XCTAssertEqual(dictionary.stems(of: "huurschuld"), ["huur"])
        XCTAssertEqual(dictionary.analyses(of: "schuldhulpverlening"), [" pa:schuld st:schuld pa:hulpverlening"])
        XCTAssertEqual(dictionary.analyses(of: "drankenhandel"), [" pa:dranken st:drank ts:NN2 pa:handel"])
        // Held whole by the word list: no parts.
        XCTAssertEqual(dictionary.analyses(of: "alcoholvrij"), [" st:alcoholvrij"])
        XCTAssertEqual(dictionary.analyses(of: "arbeidsongeschikt"), [" st:arbeidsongeschikt"])
        XCTAssertEqual(dictionary.analyses(of: "koffiedrinken"), [" st:koffiedrinken"])
        // Rejected whole: nothing at all, though the splitter finds rug+pijn+klachten.
        XCTAssertFalse(dictionary.spell("rugpijnklachten"))
        XCTAssertEqual(dictionary.analyses(of: "rugpijnklachten"), [])
        XCTAssertEqual(dictionary.stems(of: "rugpijnklachten"), [])
        // Diminutives carry the tag the splitter's noun test reads.
        XCTAssertEqual(dictionary.analyses(of: "rugje"), [" st:rug ts:NN1r"])
    }
}

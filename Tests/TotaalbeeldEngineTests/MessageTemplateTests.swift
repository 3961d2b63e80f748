@testable import TotaalbeeldEngine
import TotaalbeeldModel
import TotaalbeeldTestSupport
import XCTest

/// Compiled `{item}` templates give exactly what `String.replacing` gave, for the ruleset's own texts and for
/// the edge cases a ruleset author could write.
final class MessageTemplateTests: XCTestCase {
    private let texts = [
        "", "geen plaatshouder", "{item}", "{item}{item}", "Over {item}: {item}.", "{{item}}", "{item", "item}", "{ item }",
        "{item}\u{301} met accent erna", "é{item}é", "Thema {question} — {item}", "👩🏽‍⚕️{item}👩🏽‍⚕️",
    ]
    private let values = ["", "Financiën", "{item}", "a{b}c", "e\u{301}", "👩🏽‍⚕️"]

    func testFilledEqualsReplacing() {
        for text in texts {
            let template = MessageTemplate(text)
            for value in values {
                XCTAssertEqual(template.filled(with: value), text.replacing("{item}", with: value), "\(text) ← \(value)")
            }
        }
    }

    func testEveryRuleOfTheShippedRulesetForEveryThemeAndLabel() {
        let ruleset = Fixtures.defaultRuleset
        let labels = ruleset.domains.map(\.label) + ruleset.themes.map(\.label) + [LocalizedText(nl: "", en: ""), LocalizedText(nl: "bron {item}")]
        for rule in ruleset.rules {
            let templates = RuleTemplates(rule, themes: ruleset.themes)
            for label in labels {
                XCTAssertEqual(templates.message.filled(with: label), Self.replacing(rule.message, with: label), rule.id)
                XCTAssertEqual(templates.question.filled(with: label), Self.replacing(rule.question, with: label), rule.id)
                for theme in ruleset.themes where RuleTemplates.embedsThemeQuestion(rule.question) {
                    let before = LocalizedText(
                        nl: rule.question.nl.replacing("{question}", with: theme.question.nl),
                        en: rule.question.en.map { $0.replacing("{question}", with: theme.question[.en]) })
                    XCTAssertEqual(templates.questionPerTheme[theme.id]?.filled(with: label), Self.replacing(before, with: label), "\(rule.id) \(theme.id)")
                }
            }
        }
    }

    /// What the engine did before templates were compiled.
    private static func replacing(_ text: LocalizedText, with value: LocalizedText) -> LocalizedText {
        LocalizedText(nl: text.nl.replacing("{item}", with: value.nl), en: text.en.map { $0.replacing("{item}", with: value[.en]) })
    }
}

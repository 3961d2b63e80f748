import Foundation
import Hummingbird
import TotaalbeeldEngine
import TotaalbeeldHTML
import TotaalbeeldImport
import TotaalbeeldIntervision
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldXML

extension Workbench {
    // MARK: List

    func listPage() async throws -> Response {
        let names = await store.names(suffix: ".dossier.xml")
        var rows = ""
        for name in names {
            let loaded = try await load(name)
            let status: String
            if let result = loaded.result {
                let serious = result.flags.filter { $0.severity == .serious }.count
                let warnings = result.flags.filter { $0.severity == .warning }.count
                let weighed = result.flags.filter(\.isWeighed).count
                let reweigh = result.flags.filter { $0.weighing?.state == .reweigh }.count
                status = "\(result.flags.count) signalen (\(serious) ernstig, \(warnings) waarschuwing)\(weighed > 0 ? ", \(weighed) gewogen" : "")\(reweigh > 0 ? ", \(reweigh) opnieuw te wegen" : ""); \(result.gaps.count) lacunes; proefplaatsing \(result.trialAndError.indicated ? "aangewezen" : "niet aangewezen")"
            } else {
                status = "<strong>ongeldig</strong> (\(loaded.problems.count) probleem\(loaded.problems.count == 1 ? "" : "en"))"
            }
            let evaluations = await evaluationNames(for: loaded.dossier?.id).count
            rows += "<tr><td><a href=\"/dossier/\(esc(name))\">\(esc(name))</a></td><td>\(loaded.dossier.map { esc($0.date.description) } ?? "–")</td><td>\(status)</td><td>\(evaluations)</td></tr>\n"
        }
        let body = """
        <h1>Dossiers</h1>
        <p class="hint">Map: de map waarmee de werkbank is gestart. Een dossier is een bestand <code>NAAM.dossier.xml</code>.</p>
        \(names.isEmpty ? "<p class=\"notice\">Nog geen dossiers. <a href=\"/nieuw\">Maak een nieuw dossier</a> van een intakeverslag of met het formulier.</p>" : """
        <table class="list">
        <caption class="hint" style="text-align:left">Dossiers met de stand van hun screening</caption>
        <thead><tr><th scope="col">Dossier</th><th scope="col">Datum</th><th scope="col">Screening</th><th scope="col">Evaluaties</th></tr></thead>
        <tbody>
        \(rows)</tbody>
        </table>
        """)
        <p class="actions"><a href="/nieuw">Nieuw dossier</a></p>
        """
        return Pages.response(Pages.html("Dossiers", body: body))
    }

    // MARK: New

    func newPage(message: String?, status: HTTPResponse.Status = .ok) -> Response {
        let ruleset = configuration.ruleset
        let regimes = ["", "wajong", "wia", "wao", "ziektewet", "ww", "letselschade", "participatiewet", "geen", "anders"]
        var themes = ""
        for theme in ruleset.themes {
            themes += """
            <fieldset>
            <legend>\(esc(theme.label.nl))</legend>
            <p class="hint" id="q-\(theme.id)">\(esc(theme.question.nl))</p>
            <label for="t-\(theme.id)">Tekst</label>
            <textarea id="t-\(theme.id)" name="text:\(theme.id)" aria-describedby="q-\(theme.id)"></textarea>
            <label for="k-\(theme.id)">Bron</label>
            \(sourceKindSelect("kind:" + theme.id, id: "k-" + theme.id))
            <label for="d-\(theme.id)">Datum van de informatie</label>
            <input type="date" id="d-\(theme.id)" name="date:\(theme.id)"/>
            </fieldset>
            """
        }
        let body = """
        <h1>Nieuw dossier</h1>
        \(message.map { "<p class=\"notice error\" role=\"alert\">\($0)</p>" } ?? "")
        <div class="wb-cols">
        <section aria-labelledby="import-title">
        <h2 id="import-title">Van een intakeverslag</h2>
        <p class="hint">Word (.docx), OpenDocument (.odt), Markdown (.md) of tekst (.txt). Koppen worden aan de thema’s van het gespreksmodel gekoppeld; tekst onder een onbekende kop blijft bewaard als ‘niet toegewezen’.</p>
        <form method="post" action="/importeren" enctype="multipart/form-data">
        \(Pages.csrfField(csrfToken))
        <label for="upload">Bestand</label>
        <input type="file" id="upload" name="file" accept=".docx,.odt,.md,.markdown,.txt"/>
        <label for="pasted">Of plak de tekst van het verslag</label>
        <textarea id="pasted" name="pasted" rows="10"></textarea>
        <label for="pasted-format">Opmaak van geplakte tekst</label>
        \(Pages.select("format", id: "pasted-format", options: [("markdown", "Markdown (koppen met #)"), ("text", "Platte tekst")], selected: "markdown"))
        <label for="imp-date">Dossierdatum (als het verslag er geen noemt)</label>
        <input type="date" id="imp-date" name="date" value="\(esc(today))"/>
        <p class="actions"><button type="submit">Importeren</button></p>
        </form>
        </section>
        <section aria-labelledby="form-title">
        <h2 id="form-title">Met het formulier</h2>
        <form method="post" action="/nieuw">
        \(Pages.csrfField(csrfToken))
        <fieldset><legend>Dossier</legend>
        <label for="f-id">Kenmerk (kleine letters, cijfers, streepjes; geen naam)</label>
        <input type="text" id="f-id" name="id" required="required" pattern="[a-z0-9][a-z0-9.\\-]*"/>
        <label for="f-date">Dossierdatum</label>
        <input type="date" id="f-date" name="date" value="\(esc(today))" required="required"/>
        <label for="f-regime">Regeling</label>
        \(Pages.select("regime", id: "f-regime", options: regimes.map { ($0, $0.isEmpty ? "onbekend (anders)" : $0) }, selected: ""))
        <label for="f-age">Leeftijdsklasse</label>
        <input type="text" id="f-age" name="ageBand" value="18-65" pattern="\\d{1,2}-\\d{1,2}|\\d{2}\\+"/>
        </fieldset>
        \(themes)
        <fieldset><legend>Beoordeling</legend>
        <label for="f-concl">Conclusie</label>
        <textarea id="f-concl" name="conclusion"></textarea>
        <label for="f-dir">Richting</label>
        <textarea id="f-dir" name="direction"></textarea>
        <label for="f-shared">Gedeeld met de cliënt</label>
        \(Pages.select("shared", id: "f-shared", options: [("", "niet vastgelegd"), ("yes", "ja"), ("no", "nee"), ("unclear", "onduidelijk")], selected: ""))
        </fieldset>
        <p class="actions"><button type="submit">Dossier aanmaken</button></p>
        </form>
        </section>
        </div>
        """
        return Pages.response(Pages.html("Nieuw dossier", body: body), status: status)
    }

    private func sourceKindSelect(_ name: String, id: String) -> String {
        let kinds = configuration.ruleset.sourceKinds.map { ($0.id, $0.label.nl) }
        return Pages.select(name, id: id, options: kinds, selected: "client")
    }

    func importIntake(_ form: FormFields) async throws -> Response {
        let importer = IntakeImporter(ruleset: configuration.ruleset, schemas: configuration.schemas)
        let bytes: [UInt8]
        let fileName: String
        var format: IntakeImporter.Format?
        if let file = form.files["file"], !file.bytes.isEmpty {
            bytes = file.bytes
            fileName = file.name.split(separator: "/").last.map(String.init) ?? "intake"
            format = IntakeImporter.format(forFileName: fileName)
            guard format != nil else { return newPage(message: "Dit bestandstype wordt niet gelezen; gebruik .docx, .odt, .md of .txt.", status: .unprocessableContent) }
        } else if !form.value("pasted").isEmpty {
            bytes = Array(form.value("pasted").utf8)
            format = form.value("format") == "text" ? .text : .markdown
            fileName = "geplakt-verslag." + (format == .text ? "txt" : "md")
        } else {
            return newPage(message: "Kies een bestand of plak de tekst van het verslag.", status: .unprocessableContent)
        }
        // The form's date only fills in when the intake names none.
        var result: ImportResult
        do {
            result = try importer.importIntake(bytes: bytes, fileName: fileName, format: format)
        } catch {
            do {
                result = try importer.importIntake(bytes: bytes, fileName: fileName, format: format, options: ImportOptions(date: form.value("date").isEmpty ? nil : form.value("date")))
            } catch {
                return newPage(message: "Het verslag kon niet worden ingelezen: " + esc(Self.shortReason(error.description, fileName: fileName)), status: .unprocessableContent)
            }
        }
        let id = result.dossier.root.attribute("id") ?? "intake"
        let name = await store.freeName(stem: id)
        do {
            _ = try await validatedSave(result.xml, name: name, version: nil)
        } catch {
            return newPage(message: "Het ingelezen dossier kon niet worden opgeslagen.", status: .internalServerError)
        }
        try await writeImportReport(result, name: name, fileName: fileName)
        return Pages.redirect("/dossier/\(name)?geimporteerd=1")
    }

    static func shortReason(_ description: String, fileName: String) -> String {
        description.hasPrefix(fileName + ": ") ? String(description.dropFirst(fileName.count + 2)) : description
    }

    /// The import report sits beside the dossier (`NAME.import.txt`): headings, ids and positions, never text.
    private func writeImportReport(_ result: ImportResult, name: String, fileName: String) async throws {
        let lines = IntakeImporter.reportLines(result, fileName: fileName)
        let reportName = String(name.dropLast(".dossier.xml".count)) + ".import.txt"
        _ = try? await store.write(lines.joined(separator: "\n") + "\n", to: reportName, suffix: ".import.txt", expected: nil)
    }

    func createFromForm(_ form: FormFields) async throws -> Response {
        let ruleset = configuration.ruleset
        let id = form.value("id").lowercased()
        guard DossierStore.isSafeName(id + ".dossier.xml", suffix: ".dossier.xml") else {
            return newPage(message: "Geef een kenmerk van kleine letters, cijfers en streepjes (geen naam van de cliënt).", status: .unprocessableContent)
        }
        let date = form.value("date")
        guard SimpleDate(date) != nil, date.count == 10 else { return newPage(message: "Geef de dossierdatum.", status: .unprocessableContent) }
        // The form is written as a small Markdown intake and imported: one path from text to dossier.
        var markdown = "---\ndossier: \(id)\ndatum: \(date)\n"
        if !form.value("regime").isEmpty { markdown += "regeling: \(form.value("regime"))\n" }
        if !form.value("ageBand").isEmpty { markdown += "leeftijdsklasse: \(form.value("ageBand"))\n" }
        var sourceLines: [String: String] = [:]
        for theme in ruleset.themes where !form.value("text:" + theme.id).isEmpty {
            let kind = form.value("kind:" + theme.id)
            let themeDate = form.value("date:" + theme.id)
            let key = kind + "|" + themeDate
            if sourceLines[key] == nil, let label = ruleset.sourceKind(id: kind)?.label.nl {
                sourceLines[key] = "bron: \(kind); \(label); \(themeDate)\n"
            }
        }
        for line in sourceLines.values.sorted() { markdown += line }
        markdown += "---\n\n"
        for theme in ruleset.themes {
            let text = form.value("text:" + theme.id)
            guard !text.isEmpty else { continue }
            let kind = form.value("kind:" + theme.id)
            let label = ruleset.sourceKind(id: kind)?.label.nl ?? kind
            markdown += "## \(theme.label.nl)\n\n"
            markdown += kind == "client" ? "" : "Volgens \(kind):\n\n"
            _ = label
            markdown += text.replacingOccurrences(of: "\n#", with: "\n\\#") + "\n\n"
        }
        if !form.value("conclusion").isEmpty || !form.value("direction").isEmpty {
            markdown += "## Beoordeling\n\n### Conclusies\n\n\(form.value("conclusion"))\n\n"
            if !form.value("direction").isEmpty {
                markdown += "### Richting\n\n\(form.value("direction"))\n\n"
                let shared = ["yes": "ja", "no": "nee", "unclear": "onduidelijk"][form.value("shared")]
                if let shared { markdown += "Gedeeld met cliënt: \(shared)\n" }
            }
        }
        let importer = IntakeImporter(ruleset: ruleset, schemas: configuration.schemas)
        let result: ImportResult
        do {
            result = try importer.importIntake(bytes: Array(markdown.utf8), fileName: id + ".md", format: .markdown)
        } catch {
            return newPage(message: "Het dossier kon niet worden gemaakt: " + esc(Self.shortReason(error.description, fileName: id + ".md")), status: .unprocessableContent)
        }
        let name = await store.freeName(stem: id)
        do {
            _ = try await validatedSave(result.xml, name: name, version: nil)
        } catch {
            return newPage(message: "Het dossier kon niet worden opgeslagen.", status: .internalServerError)
        }
        return Pages.redirect("/dossier/\(name)")
    }

    // MARK: Dossier page

    func dossierPage(_ name: String, message: String?, status: HTTPResponse.Status, submitted: FormFields? = nil) async throws -> Response {
        let loaded = try await load(name)
        guard let dossier = loaded.dossier, let result = loaded.result else {
            let body = """
            <h1>\(esc(name))</h1>
            <p class="notice error">Dit bestand is geen geldig dossier; de werkbank toont en bewerkt het niet. Los eerst deze problemen op (met <code>totaalbeeld validate</code>):</p>
            <ul>\(loaded.problems.prefix(20).map { "<li><code>\(esc($0))</code></li>" }.joined())</ul>
            """
            return Pages.response(Pages.html(name, body: body), status: .unprocessableContent, etag: loaded.version)
        }
        let ruleset = configuration.ruleset
        let sources = dossier.sources.map { ($0.id, "\($0.role) (\(ruleset.sourceKind(id: $0.kind)?.label.nl ?? $0.kind)\($0.date.map { ", \($0)" } ?? ""))") }
        var themes = ""
        for theme in ruleset.themes {
            let narratives = dossier.narratives.filter { ($0.theme ?? "") == theme.id || ($0.theme == nil && $0.domain == theme.domain && ruleset.themes.filter { $0.domain == theme.domain }.first?.id == theme.id) }
            var fields = ""
            for n in narratives {
                let text = submitted?["n:" + n.id] ?? n.text
                fields += """
                <label for="n-\(esc(n.id))">Tekst <code>\(esc(n.id))</code></label>
                <textarea id="n-\(esc(n.id))" name="n:\(esc(n.id))">\(esc(text))</textarea>
                <label for="ns-\(esc(n.id))">Bron van <code>\(esc(n.id))</code></label>
                \(Pages.select("ns:" + n.id, id: "ns-" + n.id, options: sources, selected: n.source))
                """
            }
            let defaultSource = (dossier.sources.first { $0.kind == "client" } ?? dossier.sources.first)?.id
            themes += """
            <fieldset id="thema-\(theme.id)">
            <legend>\(esc(theme.label.nl))</legend>
            <p class="hint" id="q-\(theme.id)">\(esc(theme.question.nl))</p>
            \(fields)
            <details\(narratives.isEmpty ? " open=\"open\"" : "")><summary>Tekst toevoegen</summary>
            <label for="new-\(theme.id)">Nieuwe tekst bij dit thema</label>
            <textarea id="new-\(theme.id)" name="new:\(theme.id)" aria-describedby="q-\(theme.id)">\(esc(submitted?["new:" + theme.id] ?? ""))</textarea>
            <label for="newsrc-\(theme.id)">Bron</label>
            \(Pages.select("newsrc:" + theme.id, id: "newsrc-" + theme.id, options: sources, selected: defaultSource))
            <label for="newdate-\(theme.id)">Datum van de informatie</label>
            <input type="date" id="newdate-\(theme.id)" name="newdate:\(theme.id)"/>
            </details>
            </fieldset>
            """
        }
        var unassigned = ""
        if !dossier.unassigned.isEmpty {
            let options = [("", "niet toewijzen")] + ruleset.themes.map { ($0.id, $0.label.nl) }
            for u in dossier.unassigned {
                unassigned += """
                <div class="flagbox"><p><strong>\(esc(u.heading ?? "Tekst vóór de eerste kop"))</strong> <span class="meta">(\(esc(u.origin ?? "")))</span></p>
                <p>\(esc(u.text))</p>
                <label for="u-\(esc(u.id))">Onderbrengen bij thema</label>
                \(Pages.select("u:" + u.id, id: "u-" + u.id, options: options, selected: submitted?["u:" + u.id] ?? ""))
                </div>
                """
            }
            unassigned = "<fieldset><legend>Niet toegewezen tekst</legend><p class=\"hint\">Tekst onder een kop die bij geen thema hoort. De screening leest hem wel, maar hij telt pas als informatie over een thema als u hem daar onderbrengt.</p>\(unassigned)</fieldset>"
        }
        var assessment = ""
        if let a = dossier.assessment {
            for c in a.conclusions {
                assessment += """
                <label for="c-\(esc(c.id))">Conclusie <code>\(esc(c.id))</code></label>
                <textarea id="c-\(esc(c.id))" name="c:\(esc(c.id))">\(esc(submitted?["c:" + c.id] ?? c.text))</textarea>
                <label for="cc-\(esc(c.id))">Berust op (kenmerken, gescheiden door spaties)</label>
                <input type="text" id="cc-\(esc(c.id))" name="cc:\(esc(c.id))" value="\(esc(submitted?["cc:" + c.id] ?? c.cites.joined(separator: " ")))"/>
                """
            }
        }
        let direction = dossier.assessment?.direction
        assessment += """
        <label for="c-new">Nieuwe conclusie</label>
        <textarea id="c-new" name="c:new">\(esc(submitted?["c:new"] ?? ""))</textarea>
        <label for="cc-new">Berust op (kenmerken, zoals <code>\(esc(dossier.narratives.first?.id ?? "n-prive-1"))</code>)</label>
        <input type="text" id="cc-new" name="cc:new" value="\(esc(submitted?["cc:new"] ?? ""))"/>
        <label for="d-text">Richting</label>
        <textarea id="d-text" name="d:text">\(esc(submitted?["d:text"] ?? direction?.text ?? ""))</textarea>
        <label for="d-cites">Richting berust op</label>
        <input type="text" id="d-cites" name="d:cites" value="\(esc(submitted?["d:cites"] ?? direction?.cites.joined(separator: " ") ?? ""))"/>
        <label for="d-addresses">Afgewogen tegen (wat ertegen pleit)</label>
        <input type="text" id="d-addresses" name="d:addresses" value="\(esc(submitted?["d:addresses"] ?? direction?.addresses.joined(separator: " ") ?? ""))"/>
        <label for="d-shared">Gedeeld met de cliënt</label>
        \(Pages.select("d:shared", id: "d-shared", options: [("", "niet vastgelegd"), ("yes", "ja"), ("no", "nee"), ("unclear", "onduidelijk")], selected: submitted?["d:shared"] ?? direction?.sharedWithClient?.rawValue ?? ""))
        """
        let ids = (dossier.narratives.map(\.id) + dossier.wishes.map(\.id) + dossier.findings.map(\.id) + (dossier.fml?.present == true ? ["fml"] : [])).joined(separator: ", ")

        // The screening: the report's own page, in its own order, then the flags to weigh.
        let report = Pages.reportParts(configuration.templates.render(ScreeningPage(language: .nl).context(for: result), template: "screen"))
        var flags = ""
        for flag in result.flags {
            let safe = flag.id.replacingOccurrences(of: ":", with: "--")
            flags += """
            <div class="flagbox" id="wegen-\(esc(safe))">
            <p><strong>\(esc(flag.message.nl))</strong> <span class="meta">(\(esc(flag.id)), \(flag.severity == .serious ? "ernstig" : flag.severity == .warning ? "waarschuwing" : "info"))</span></p>
            <p>Vraag: \(esc(flag.question.nl))</p>
            \(flag.weighing.map(Self.weighingNote) ?? "")
            <details><summary>\(flag.weighing == nil ? "Markeren als gewogen" : "Opnieuw wegen")</summary>
            <form method="post" action="/dossier/\(esc(name))/wegen">
            \(Pages.csrfField(csrfToken))
            <input type="hidden" name="version" value="\(esc(loaded.version))"/>
            <input type="hidden" name="flag" value="\(esc(flag.id))"/>
            <label for="r-\(esc(safe))">Waarom is dit signaal gewogen?</label>
            <textarea id="r-\(esc(safe))" name="reason" required="required"></textarea>
            <label for="b-\(esc(safe))">Gewogen door (naam of code)</label>
            <input type="text" id="b-\(esc(safe))" name="by" required="required" maxlength="\(Self.maximumWeigherLength)"/>
            <p class="actions"><button type="submit">Markeer als gewogen</button></p>
            </form>
            </details>
            </div>
            """
        }
        let evaluations = await evaluationNames(for: dossier.id)
        let body = """
        <h1>Dossier <code>\(esc(dossier.id))</code></h1>
        <p class="meta">Bestand \(esc(name)) · dossierdatum \(esc(dossier.date.description)) · \(esc(dossier.client.benefitRegime)) · leeftijd \(esc(dossier.client.ageBand)) · versie <code>\(esc(loaded.version.prefix(12).description))</code></p>
        \(message ?? "")
        <p class="actions"><a href="/dossier/\(esc(name))/rapport">Volledig rapport</a> <a href="/dossier/\(esc(name))/evaluatie">Evaluatie invullen</a> <a href="/dossier/\(esc(name))/vergelijking">Vergelijking van evaluaties (\(evaluations.count))</a></p>
        <div class="wb-cols">
        <section aria-labelledby="edit-title">
        <h2 id="edit-title">Dossier bewerken</h2>
        <form method="post" action="/dossier/\(esc(name))/opslaan">
        \(Pages.csrfField(csrfToken))
        <input type="hidden" name="version" value="\(esc(loaded.version))"/>
        \(unassigned)
        \(themes)
        <fieldset id="beoordeling"><legend>Beoordeling</legend>
        <p class="hint">Kenmerken om naar te verwijzen: \(esc(ids)).</p>
        \(assessment)
        </fieldset>
        <p class="actions"><button type="submit">Opslaan</button></p>
        </form>
        </section>
        <section class="screening" aria-labelledby="screening-title">
        <h2 id="screening-title">Screening</h2>
        <div class="report">\(report.body)</div>
        <section aria-labelledby="weigh-title">
        <h2 id="weigh-title">Signalen wegen</h2>
        <p class="hint">Een gewogen signaal blijft zichtbaar, met wie het woog en waarom; het wordt in het dossier bewaard, met een vingerafdruk van het bewijs. Verandert dat bewijs later, dan staat het signaal weer als ‘opnieuw te wegen’.</p>
        \(flags.isEmpty ? "<p>Geen signalen.</p>" : flags)
        \(Self.unmatchedNote(result.unmatchedWeighings))
        </section>
        </section>
        </div>
        """
        return Pages.response(Pages.html("Dossier \(dossier.id)", body: body, extraHead: "<style>\(report.style)</style>"), status: status, etag: loaded.version)
    }

    func reportPage(_ name: String) async throws -> Response {
        let loaded = try await load(name)
        guard let result = loaded.result else { return try await dossierPage(name, message: nil, status: .unprocessableContent) }
        let page = configuration.templates.render(ScreeningPage(language: .nl).context(for: result), template: "screen")
        return Pages.response(page, etag: loaded.version)
    }

    // MARK: Saving

    func save(_ name: String, _ form: FormFields) async throws -> Response {
        let loaded = try await load(name)
        let version = form.value("version")
        guard version == loaded.version else { return conflict(name, form) }
        guard loaded.dossier != nil else { return try await dossierPage(name, message: nil, status: .unprocessableContent) }
        var editor = DossierEditor(tree: try XMLTree.parse(bytes: loaded.bytes, fileName: name), ruleset: configuration.ruleset, today: today)
        let applied: Result<Void, DossierEditor.EditError> = Result { () throws(DossierEditor.EditError) in try editor.apply(form) }
        if case .failure(.message(let text)) = applied {
            return try await dossierPage(name, message: "<p class=\"notice error\" role=\"alert\">Niet opgeslagen: \(esc(text))</p>", status: .unprocessableContent, submitted: form)
        }
        return try await finishSave(editor.tree.serialized(), name: name, version: version, form: form, done: "Opgeslagen; de screening hiernaast is bijgewerkt.")
    }

    func weigh(_ name: String, _ form: FormFields) async throws -> Response {
        let loaded = try await load(name)
        let version = form.value("version")
        guard version == loaded.version else { return conflict(name, form) }
        let flagID = form.value("flag"), reason = form.value("reason"), by = form.value("by")
        guard let result = loaded.result, let flag = result.flags.first(where: { $0.id == flagID }) else {
            throw PageError(.unprocessableContent, "Onbekend signaal", "Dit signaal hoort niet (meer) bij de screening van dit dossier.")
        }
        guard !reason.isEmpty, !by.isEmpty else {
            return try await dossierPage(name, message: "<p class=\"notice error\" role=\"alert\">Niet opgeslagen: geef de reden en wie het signaal woog.</p>", status: .unprocessableContent)
        }
        guard by.count <= Self.maximumWeigherLength else {
            return try await dossierPage(name, message: "<p class=\"notice error\" role=\"alert\">Niet opgeslagen: ‘gewogen door’ is een naam of code van hoogstens \(Self.maximumWeigherLength) tekens.</p>", status: .unprocessableContent)
        }
        var editor = DossierEditor(tree: try XMLTree.parse(bytes: loaded.bytes, fileName: name), ruleset: configuration.ruleset, today: today)
        // The fingerprint is the engine's own (Flag.evidenceFingerprint), taken from the dossier as it will be saved.
        try editor.weigh(rule: flag.rule, item: flag.item, evidence: flag.evidenceFingerprint, by: by, reason: reason)
        if let after = screen(editor.tree.serialized(), name: name)?.flags.first(where: { $0.id == flag.id }), after.evidenceFingerprint != flag.evidenceFingerprint {
            try editor.setWeighedEvidence(rule: flag.rule, item: flag.item, evidence: after.evidenceFingerprint)
        }
        return try await finishSave(editor.tree.serialized(), name: name, version: version, form: form, done: "Het signaal is als gewogen opgeslagen.")
    }

    /// Who weighed the flag, when and why; and whether that still holds or the evidence has changed since.
    static func weighingNote(_ weighing: FlagWeighing) -> String {
        let w = weighing.weighed
        let who = "Gewogen door \(esc(w.by)) op \(esc(w.date.description)): \(esc(w.reason))"
        switch weighing.state {
        case .weighed:
            return "<p class=\"weighed\">\(who)</p>"
        case .reweigh:
            return "<p class=\"weighed reweigh\"><strong>Opnieuw te wegen:</strong> het bewijs is veranderd sinds de weging. \(who)</p>"
        }
    }

    /// Weighings in the dossier whose flag the screening no longer raises.
    static func unmatchedNote(_ weighings: [Assessment.WeighedFlag]) -> String {
        guard !weighings.isEmpty else { return "" }
        let items = weighings.map { "<li><code>\(esc($0.flagID))</code> — gewogen door \(esc($0.by)) op \(esc($0.date.description)): \(esc($0.reason))</li>" }.joined()
        return "<p class=\"hint\">Gewogen signalen die de screening nu niet meer geeft:</p><ul>\(items)</ul>"
    }

    /// The longest name or code accepted for who weighed a flag (`weighedFlag/@by` in the dossier schema).
    static let maximumWeigherLength = 120

    private func finishSave(_ text: String, name: String, version: String, form: FormFields, done: String) async throws -> Response {
        do {
            _ = try await validatedSave(text, name: name, version: version)
        } catch let refusal as SaveRefusal {
            switch refusal {
            case .conflict: return conflict(name, form)
            case .invalid(let problems):
                let list = problems.prefix(8).map { "<li><code>\(esc($0.replacingOccurrences(of: name + ":", with: "regel ")))</code></li>" }.joined()
                return try await dossierPage(name, message: "<div class=\"notice error\" role=\"alert\"><p>Niet opgeslagen: het dossier zou niet meer geldig zijn. Uw wijzigingen staan nog in het formulier.</p><ul>\(list)</ul></div>", status: .unprocessableContent, submitted: form)
            case .exists, .write:
                throw PageError(.internalServerError, "Niet opgeslagen", "Het bestand kon niet worden geschreven; er is niets veranderd.")
            }
        }
        return try await dossierPage(name, message: "<p class=\"notice ok\" role=\"status\">\(esc(done))</p>", status: .ok)
    }

    /// Someone saved this dossier after the form was opened: refuse, and give the text back so nothing is lost.
    func conflict(_ name: String, _ form: FormFields) -> Response {
        let mine = form.pairs.filter { ($0.0.hasPrefix("n:") || $0.0.hasPrefix("new:") || $0.0.hasPrefix("c:") || $0.0 == "d:text" || $0.0 == "reason") && !$0.1.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        var kept = ""
        for (i, pair) in mine.enumerated() {
            kept += "<label for=\"kept-\(i)\">\(esc(pair.0))</label><textarea id=\"kept-\(i)\" readonly=\"readonly\">\(esc(pair.1))</textarea>"
        }
        let body = """
        <h1>Niet opgeslagen: het dossier is intussen gewijzigd</h1>
        <p class="notice error" role="alert">Iemand anders (of een ander venster) heeft \(esc(name)) opgeslagen nadat u dit formulier opende. Uw wijzigingen zijn <strong>niet</strong> opgeslagen, zodat die andere wijziging niet verloren gaat.</p>
        <p>Open het dossier opnieuw, neem uw tekst hieronder over en sla dan op.</p>
        <p class="actions"><a href="/dossier/\(esc(name))">Dossier opnieuw openen</a></p>
        \(kept.isEmpty ? "" : "<section aria-labelledby=\"kept-title\"><h2 id=\"kept-title\">Uw niet-opgeslagen tekst</h2>\(kept)</section>")
        """
        return Pages.response(Pages.html("Niet opgeslagen", body: body), status: .conflict)
    }

    // MARK: Evaluations

    func evaluationNames(for dossierID: String?) async -> [String] {
        guard let dossierID else { return [] }
        var names: [String] = []
        for name in await store.names(suffix: ".evaluation.xml") {
            guard let (bytes, _) = try? await store.read(name, suffix: ".evaluation.xml"),
                  let tree = try? XMLTree.parse(bytes: bytes, fileName: name), tree.root.attribute("dossier") == dossierID else { continue }
            names.append(name)
        }
        return names
    }

    func evaluationPage(_ name: String, message: String?, form: FormFields, status: HTTPResponse.Status = .ok) async throws -> Response {
        let loaded = try await load(name)
        guard let dossier = loaded.dossier else { return try await dossierPage(name, message: nil, status: .unprocessableContent) }
        let ruleset = configuration.ruleset
        let levels = [("", "—")] + ruleset.scoring.levels.map { ($0.id, $0.id) }
        var domains = ""
        for domain in ruleset.domains {
            domains += """
            <fieldset><legend>\(esc(domain.label.nl))</legend>
            <label for="burden-\(domain.id)">Belastend</label>
            \(Pages.select("burden:" + domain.id, id: "burden-" + domain.id, options: levels, selected: form["burden:" + domain.id]))
            <label for="strength-\(domain.id)">Kracht</label>
            \(Pages.select("strength:" + domain.id, id: "strength-" + domain.id, options: levels, selected: form["strength:" + domain.id]))
            <label for="dcites-\(domain.id)">Berust op (kenmerken)</label>
            <input type="text" id="dcites-\(domain.id)" name="dcites:\(domain.id)" value="\(esc(form["dcites:" + domain.id] ?? ""))"/>
            </fieldset>
            """
        }
        var needs = ""
        for activity in ruleset.activities {
            needs += "<label for=\"need-\(activity.id)\">\(esc(activity.label.nl))</label>\(Pages.select("need:" + activity.id, id: "need-" + activity.id, options: levels, selected: form["need:" + activity.id]))"
        }
        let axis = [("", "kies"), ("yes", "ja"), ("no", "nee"), ("unclear", "onduidelijk")]
        let approaches = [("", "kies"), ("explain", "uitleggen"), ("confront", "confronteren"), ("concrete-proposals", "concrete voorstellen"), ("help-over-fear", "helpen over angst heen")]
        let professions = [("labour-expert", "arbeidsdeskundige"), ("occupational-physician", "bedrijfsarts"), ("insurance-physician", "verzekeringsarts"), ("reintegration-professional", "re-integratieprofessional"), ("job-coach", "jobcoach"), ("case-manager", "casemanager")]
        let ids = (dossier.narratives.map(\.id) + dossier.wishes.map(\.id) + dossier.findings.map(\.id)).joined(separator: ", ")
        let body = """
        <h1>Evaluatie van <code>\(esc(dossier.id))</code></h1>
        <p class="hint">Voor intervisie: elke professional vult zijn eigen lezing in, zonder die van collega’s te zien. Daarna vergelijkt de groep. Kenmerken om naar te verwijzen: \(esc(ids)).</p>
        \(message.map { "<p class=\"notice error\" role=\"alert\">\($0)</p>" } ?? "")
        <form method="post" action="/dossier/\(esc(name))/evaluatie">
        \(Pages.csrfField(csrfToken))
        <fieldset><legend>Professional</legend>
        <label for="rater">Code van de professional (geen naam)</label>
        <input type="text" id="rater" name="rater" required="required" value="\(esc(form["rater"] ?? ""))"/>
        <label for="profession">Beroep</label>
        \(Pages.select("profession", id: "profession", options: professions, selected: form["profession"] ?? "labour-expert"))
        </fieldset>
        <div class="wb-cols"><div>\(domains)</div><div>
        <fieldset><legend>Ondersteuningsbehoefte per activiteit</legend>\(needs)</fieldset>
        <fieldset><legend>Plaatsing (willen en kunnen)</legend>
        <label for="willing">Wil de cliënt?</label>
        \(Pages.select("willing", id: "willing", options: axis, selected: form["willing"]))
        <label for="able">Kan de cliënt?</label>
        \(Pages.select("able", id: "able", options: axis, selected: form["able"]))
        <label for="approach">Aanpak</label>
        \(Pages.select("approach", id: "approach", options: approaches, selected: form["approach"]))
        <label for="placement">Toelichting</label>
        <textarea id="placement" name="placement">\(esc(form["placement"] ?? ""))</textarea>
        <label for="pcites">Berust op</label>
        <input type="text" id="pcites" name="pcites" value="\(esc(form["pcites"] ?? ""))"/>
        </fieldset>
        <fieldset><legend>Richting</legend>
        <label for="direction">Richting</label>
        <textarea id="direction" name="direction">\(esc(form["direction"] ?? ""))</textarea>
        <label for="dircites">Berust op</label>
        <input type="text" id="dircites" name="dircites" value="\(esc(form["dircites"] ?? ""))"/>
        </fieldset>
        </div></div>
        <p class="actions"><button type="submit">Evaluatie opslaan</button></p>
        </form>
        """
        return Pages.response(Pages.html("Evaluatie", body: body), status: status)
    }

    func saveEvaluation(_ name: String, _ form: FormFields) async throws -> Response {
        let loaded = try await load(name)
        guard let dossier = loaded.dossier else { return try await dossierPage(name, message: nil, status: .unprocessableContent) }
        let written: Result<(rater: String, xml: String), DossierEditor.EditError> = Result { () throws(DossierEditor.EditError) in
            try EvaluationWriter.xml(dossierID: dossier.id, ruleset: configuration.ruleset, date: today, form: form)
        }
        guard case .success(let outcome) = written else {
            if case .failure(.message(let text)) = written { return try await evaluationPage(name, message: esc(text), form: form, status: .unprocessableContent) }
            throw PageError(.internalServerError, "Fout", "De evaluatie kon niet worden gemaakt.")
        }
        let rater = outcome.rater, xml = outcome.xml
        let evaluationName = String(name.dropLast(".dossier.xml".count)) + "--" + rater + ".evaluation.xml"
        let citable = Set(try DossierLoader.loadWithCitableElementsFromBytes(loaded.bytes, name: name, ruleset: configuration.ruleset, schemas: configuration.schemas))
        do {
            _ = try EvaluationLoader.load(bytes: Array(xml.utf8), fileName: evaluationName, ruleset: configuration.ruleset, dossier: (dossier.id, citable), schemas: configuration.schemas)
        } catch {
            let problems = error.problems.map { esc($0.message) }.prefix(6).joined(separator: "; ")
            return try await evaluationPage(name, message: "Niet opgeslagen: \(problems)", form: form, status: .unprocessableContent)
        }
        do {
            _ = try await store.write(xml, to: evaluationName, suffix: ".evaluation.xml", expected: nil)
        } catch {
            if case .exists = error {
                return try await evaluationPage(name, message: "Er is al een evaluatie van \(esc(rater)) bij dit dossier; kies een andere code.", form: form, status: .conflict)
            }
            throw PageError(.internalServerError, "Niet opgeslagen", "De evaluatie kon niet worden geschreven.")
        }
        return Pages.redirect("/dossier/\(name)/vergelijking")
    }

    func comparisonPage(_ name: String) async throws -> Response {
        let loaded = try await load(name)
        guard let dossier = loaded.dossier else { return try await dossierPage(name, message: nil, status: .unprocessableContent) }
        let names = await evaluationNames(for: dossier.id)
        guard !names.isEmpty else {
            let body = "<h1>Vergelijking</h1><p class=\"notice\">Er zijn nog geen evaluaties van dit dossier. <a href=\"/dossier/\(esc(name))/evaluatie\">Vul een evaluatie in</a>.</p>"
            return Pages.response(Pages.html("Vergelijking", body: body))
        }
        let ids = Set(try DossierLoader.loadWithCitableElementsFromBytes(loaded.bytes, name: name, ruleset: configuration.ruleset, schemas: configuration.schemas))
        var evaluations: [Evaluation] = []
        var problems: [String] = []
        for evaluationName in names {
            guard let (bytes, _) = try? await store.read(evaluationName, suffix: ".evaluation.xml") else { continue }
            do {
                evaluations.append(try EvaluationLoader.load(bytes: bytes, fileName: evaluationName, ruleset: configuration.ruleset, dossier: (dossier.id, ids), schemas: configuration.schemas))
            } catch {
                problems.append(evaluationName)
            }
        }
        let elements = (try? DossierLoader.citableElements(bytes: loaded.bytes, name: name, ruleset: configuration.ruleset, schemas: configuration.schemas)) ?? [:]
        let comparison = Comparison(evaluations: evaluations, ruleset: configuration.ruleset, engine: loaded.result!)
        var page = configuration.templates.render(ComparisonPage(language: .nl).context(for: comparison, ruleset: configuration.ruleset, elements: elements), template: "compare")
        let nav = "<nav aria-label=\"Werkbank\" style=\"padding:.5rem 0\"><a href=\"/dossier/\(esc(name))\">Terug naar het dossier</a> · <a href=\"/dossier/\(esc(name))/evaluatie\">Nog een evaluatie invullen</a>\(problems.isEmpty ? "" : " · ongeldige evaluaties overgeslagen: \(esc(problems.joined(separator: ", ")))")</nav>"
        if let body = page.range(of: "<body>") { page.insert(contentsOf: nav, at: body.upperBound) }
        return Pages.response(page)
    }
}

extension DossierLoader {
    /// The ids of the dossier's citable elements, for checking an evaluation's citations.
    static func loadWithCitableElementsFromBytes(_ bytes: [UInt8], name: String, ruleset: Ruleset, schemas: SchemaSet) throws -> [String] {
        Array(try citableElements(bytes: bytes, name: name, ruleset: ruleset, schemas: schemas).keys)
    }

    static func citableElements(bytes: [UInt8], name: String, ruleset: Ruleset, schemas: SchemaSet) throws -> [String: CitableElement] {
        // The loader reads citable elements from a file; the tree gives the same ids and texts from memory.
        let tree = try XMLTree.parse(bytes: bytes, fileName: name)
        var elements: [String: CitableElement] = [:]
        func walk(_ e: XMLNodeElement, isRoot: Bool) {
            if !isRoot, let id = e.attribute("id") {
                var excerpt = e.allText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                if excerpt.count > 160 { excerpt = String(excerpt.prefix(160)) + " …" }
                elements[id] = CitableElement(id: id, kind: e.localName, location: Location(file: name, line: e.line, column: 1), excerpt: excerpt)
            }
            e.elements.forEach { walk($0, isRoot: false) }
        }
        walk(tree.root, isRoot: true)
        return elements
    }
}

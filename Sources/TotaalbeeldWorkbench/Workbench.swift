import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import TotaalbeeldEngine
import TotaalbeeldHTML
import TotaalbeeldImport
import TotaalbeeldIntervision
import TotaalbeeldLoader
import TotaalbeeldModel
import TotaalbeeldXML

/// `totaalbeeld serve`: a local web workbench over one folder of dossiers — import an intake, edit the texts per
/// gespreksmodel theme and the assessment, see the screening beside the form, weigh flags, and fill in and compare
/// intervision evaluations. Dutch, no scripts, no external assets; every form carries a CSRF token, every save is
/// validated and atomic, and a save over a version someone else changed is refused.
///
/// ```swift
/// let workbench = Workbench(configuration: .init(folder: "/tmp/dossiers", ruleset: ruleset, schemas: schemas, templates: templates))
/// try await workbench.run { port in print("http://127.0.0.1:\(port)/") }
/// ```
public struct Workbench: Sendable {
    public struct Configuration: Sendable {
        public var folder: String
        public var host: String = "127.0.0.1"
        public var port: Int = 8016
        public var ruleset: Ruleset
        public var schemas: SchemaSet
        public var templates: HTMLTemplates
        public var catalogue: TrackCatalogue?
        /// Largest request body: an uploaded intake (Office files have their own unpacked limits).
        public var maxUploadBytes: Int = 8 << 20
        /// Largest body of any other form.
        public var maxFormBytes: Int = 1 << 20
        /// Today's date for new dossiers, sources and weighings (fixed in tests).
        public var today: String? = nil

        public init(folder: String, host: String = "127.0.0.1", port: Int = 8016, ruleset: Ruleset, schemas: SchemaSet, templates: HTMLTemplates, catalogue: TrackCatalogue? = nil) {
            self.folder = folder
            self.host = host
            self.port = port
            self.ruleset = ruleset
            self.schemas = schemas
            self.templates = templates
            self.catalogue = catalogue
        }
    }

    public let configuration: Configuration
    let store: DossierStore
    /// Compiled once per server run: compiling the ruleset's readers costs more than a hundred milliseconds, and every
    /// page with a screening (and every live screening of the editor) would otherwise pay it again.
    let evaluator: Evaluator
    /// One token per server run: a page from another site cannot read it, so it cannot post a form that carries it.
    let csrfToken: String

    public init(configuration: Configuration) {
        self.configuration = configuration
        store = DossierStore(folder: configuration.folder)
        evaluator = Evaluator(ruleset: configuration.ruleset, catalogue: configuration.catalogue)
        var generator = SystemRandomNumberGenerator()
        csrfToken = (0..<4).map { _ in String(generator.next() as UInt64, radix: 16) }.joined()
    }

    /// Whether `host` is a loopback address (anything else makes the workbench reachable from the network).
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// Runs until the task is cancelled; `onRunning` gets the bound port (useful with port 0).
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        var logger = Logger(label: "totaalbeeld.serve")
        logger.logLevel = .notice
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: PlainErrorMiddleware())
        routes(router)
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
        try await app.run()
    }

    var today: String {
        if let fixed = configuration.today { return fixed }
        let now = Date()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        let c = calendar.dateComponents([.year, .month, .day], from: now)
        return SimpleDate(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1).description
    }

    // MARK: Routes

    func routes(_ router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in try await self.listPage() }
        router.get("/nieuw") { _, _ in self.newPage(message: nil) }
        router.post("/importeren") { request, context in
            let form = try await self.form(request, limit: self.configuration.maxUploadBytes)
            return try await self.importIntake(form)
        }
        router.post("/nieuw") { request, context in
            let form = try await self.form(request, limit: self.configuration.maxFormBytes)
            return try await self.createFromForm(form)
        }
        router.get("/dossier/:name") { request, context in
            try await self.dossierPage(try self.name(context), message: nil, status: .ok)
        }
        router.get("/dossier/:name/rapport") { request, context in
            try await self.reportPage(try self.name(context))
        }
        router.post("/dossier/:name/opslaan") { request, context in
            let form = try await self.form(request, limit: self.configuration.maxFormBytes)
            return try await self.save(try self.name(context), form)
        }
        router.post("/dossier/:name/wegen") { request, context in
            let form = try await self.form(request, limit: self.configuration.maxFormBytes)
            return try await self.weigh(try self.name(context), form)
        }
        router.get("/dossier/:name/evaluatie") { request, context in
            try await self.evaluationPage(try self.name(context), message: nil, form: FormFields())
        }
        router.post("/dossier/:name/evaluatie") { request, context in
            let form = try await self.form(request, limit: self.configuration.maxFormBytes)
            return try await self.saveEvaluation(try self.name(context), form)
        }
        router.get("/dossier/:name/vergelijking") { request, context in
            try await self.comparisonPage(try self.name(context))
        }
    }

    /// The dossier file name from the path; anything but a plain checked name is refused before the disk is touched.
    func name(_ context: BasicRequestContext) throws -> String {
        guard let name = context.parameters.get("name"), DossierStore.isSafeName(name, suffix: ".dossier.xml") else {
            throw PageError(.badRequest, "Ongeldige naam", "Een dossier heet NAAM.dossier.xml, met kleine letters, cijfers, punten en streepjes, en ligt in de map van de werkbank.")
        }
        return name
    }

    /// Reads the body within `limit`, refuses a cross-site post, and checks the CSRF token.
    func form(_ request: Request, limit: Int) async throws -> FormFields {
        if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!], site == "cross-site" {
            throw PageError(.forbidden, "Geweigerd", "Dit formulier kwam van een andere website en is niet verwerkt.")
        }
        if let origin = request.headers[.origin], origin != "null", let host = request.head.authority, !origin.hasSuffix("//" + host) {
            throw PageError(.forbidden, "Geweigerd", "Dit formulier kwam van een andere website (\(esc(origin.prefix(60).description))) en is niet verwerkt.")
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw PageError(.contentTooLarge, "Te groot", "Het verzoek is groter dan \(limit / 1024) KiB en is niet verwerkt.")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch {
            throw PageError(.contentTooLarge, "Te groot", "Het verzoek is groter dan \(limit / 1024) KiB en is niet verwerkt.")
        }
        let bytes = Array(buffer.readableBytesView)
        let contentType = request.headers[.contentType] ?? ""
        var fields: FormFields
        if contentType.lowercased().hasPrefix("multipart/form-data") {
            guard let range = contentType.range(of: "boundary="), let parsed = FormFields.multipart(bytes, boundary: String(contentType[range.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: "\" "))) else {
                throw PageError(.badRequest, "Onleesbaar formulier", "Het formulier kon niet worden gelezen.")
            }
            fields = parsed
        } else {
            fields = FormFields.urlEncoded(bytes)
        }
        guard let token = fields["csrf"], constantTimeEqual(token, csrfToken) else {
            throw PageError(.forbidden, "Geweigerd", "Het formulier mist het beveiligingskenmerk van deze werkbank (CSRF-token). Open de pagina opnieuw via de werkbank en probeer het nog eens.")
        }
        return fields
    }

    private func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in 0..<x.count { difference |= x[i] ^ y[i] }
        return difference == 0
    }

    // MARK: Screening

    struct Loaded {
        var name: String
        var bytes: [UInt8]
        var version: String
        var dossier: Dossier?
        var problems: [String]
        var result: ScreeningResult?
    }

    func load(_ name: String) async throws -> Loaded {
        let (bytes, version): ([UInt8], String)
        do {
            (bytes, version) = try await store.read(name)
        } catch {
            throw PageError(.notFound, "Niet gevonden", "Er is geen dossier \(esc(name)) in de map van de werkbank.")
        }
        do {
            let dossier = try DossierLoader.load(bytes: bytes, fileName: name, ruleset: configuration.ruleset, schemas: configuration.schemas)
            let result = evaluator.screen(dossier)
            return Loaded(name: name, bytes: bytes, version: version, dossier: dossier, problems: [], result: result)
        } catch {
            return Loaded(name: name, bytes: bytes, version: version, dossier: nil, problems: error.problems.map(\.description), result: nil)
        }
    }

    /// Screens `text` as the dossier `name` would be screened once saved; nil when it does not load.
    func screen(_ text: String, name: String) -> ScreeningResult? {
        guard let dossier = try? DossierLoader.load(bytes: Array(text.utf8), fileName: name, ruleset: configuration.ruleset, schemas: configuration.schemas) else { return nil }
        return evaluator.screen(dossier)
    }

    /// Validates `text` as a dossier, then writes it atomically if the file is still at `version`.
    func validatedSave(_ text: String, name: String, version: String?) async throws -> String {
        do {
            _ = try DossierLoader.load(bytes: Array(text.utf8), fileName: name, ruleset: configuration.ruleset, schemas: configuration.schemas)
        } catch {
            throw SaveRefusal.invalid(error.problems.map(\.description))
        }
        do {
            return try await store.write(text, to: name, expected: version)
        } catch {
            switch error {
            case .conflict: throw SaveRefusal.conflict
            case .exists: throw SaveRefusal.exists
            default: throw SaveRefusal.write
            }
        }
    }

    enum SaveRefusal: Error {
        case invalid([String])
        case conflict
        case exists
        case write
    }
}

/// An error shown to the user as a plain page with a status; never a stack trace, never dossier text.
struct PageError: Error {
    var status: HTTPResponse.Status
    var title: String
    var message: String
    init(_ status: HTTPResponse.Status, _ title: String, _ message: String) {
        self.status = status
        self.title = title
        self.message = message
    }
}

/// Turns every error — ours, Hummingbird's (404, 413), anything unexpected — into a short Dutch page.
struct PlainErrorMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as PageError {
            return Pages.errorResponse(error)
        } catch let error as HTTPError {
            let title: String
            let message: String
            switch error.status {
            case .notFound: (title, message) = ("Niet gevonden", "Deze pagina bestaat niet in de werkbank.")
            case .contentTooLarge: (title, message) = ("Te groot", "Het verzoek is te groot en is niet verwerkt.")
            case .methodNotAllowed: (title, message) = ("Niet toegestaan", "Deze handeling is hier niet toegestaan.")
            default: (title, message) = ("Fout", "Het verzoek kon niet worden verwerkt.")
            }
            return Pages.errorResponse(PageError(error.status, title, message))
        } catch {
            context.logger.error("request failed", metadata: ["kind": .string(String(describing: type(of: error)))])
            return Pages.errorResponse(PageError(.internalServerError, "Interne fout", "Er ging iets mis in de werkbank; er is niets opgeslagen."))
        }
    }
}

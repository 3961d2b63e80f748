// One professional's evaluation of one dossier: the input of intervision comparisons.

/// The kinds of judgement an evaluation makes; one reliability matrix per family.
public enum CellFamily: String, Sendable, CaseIterable, Comparable {
    case burden, strength, level2, schema2, willing, able, approach

    var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// One judgement cell: a family and what it is about (domain, `domain/dimension`, activity; empty for the placement).
public struct Cell: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var family: CellFamily
    public var subject: String
    public init(_ family: CellFamily, _ subject: String = "") {
        self.family = family
        self.subject = subject
    }
    public var description: String { subject.isEmpty ? family.rawValue : "\(family.rawValue) \(subject)" }
    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.family, lhs.subject) < (rhs.family, rhs.subject) }
}

/// One professional's evaluation of one dossier. No profession is weighted above another.
public struct Evaluation: Sendable {
    public struct Judgement: Sendable {
        public var cell: Cell
        public var value: String
        public var cites: [String]
        public var location: Location
        public init(cell: Cell, value: String, cites: [String], location: Location) {
            self.cell = cell
            self.value = value
            self.cites = cites
            self.location = location
        }
    }
    public var file: String
    public var dossier: String
    public var rater: String
    public var profession: String
    public var judgements: [Judgement]
    public var direction: String?
    public var directionCites: [String]
    /// Where the evaluator is named, for errors about raters.
    public var raterLocation: Location

    public init(
        file: String, dossier: String, rater: String, profession: String, judgements: [Judgement],
        direction: String?, directionCites: [String], raterLocation: Location? = nil
    ) {
        self.file = file
        self.dossier = dossier
        self.rater = rater
        self.profession = profession
        self.judgements = judgements
        self.direction = direction
        self.directionCites = directionCites
        self.raterLocation = raterLocation ?? Location(file: file, line: 0, column: 0)
    }

    public func value(_ cell: Cell) -> String? { judgements.first { $0.cell == cell }?.value }
    /// Every element this evaluation cites, anywhere.
    public var cited: Set<String> { Set(judgements.flatMap(\.cites) + directionCites) }
}

/// A dossier element an evaluation can cite: its id, element kind, where it is, and the start of what it says.
public struct CitableElement: Sendable, Hashable {
    public var id: String
    public var kind: String
    public var location: Location
    public var excerpt: String
    public init(id: String, kind: String, location: Location, excerpt: String) {
        self.id = id
        self.kind = kind
        self.location = location
        self.excerpt = excerpt
    }
}

/// A dossier being generated, element by element, before it is written as XML.
/// Field names follow the dossier schema (`Rulesets/schema/dossier-1.xsd`).
struct Draft {
    struct Source {
        var id: String
        var kind: String
        var role: String
        var date: Day
    }

    struct Finding {
        var id: String
        var indicator: String
        var source: String
        var context: MentionContext
        var note: String
    }

    struct Narrative {
        var id: String
        var domain: String
        var theme: String?
        var source: String
        var sentences: [String]
    }

    struct Wish {
        var id: String
        var source: String
        var date: Day
        var text: String
    }

    struct FML {
        var present: Bool
        var date: Day?
        var source: String?
        var summary: String
        var limitations: [(id: String, text: String)]
        var jobs: [(id: String, text: String)]
    }

    struct Assessment {
        struct Conclusion { var id: String; var domain: String?; var cites: [String]; var text: String }
        struct Need { var id: String; var activity: String; var level: String; var cites: [String]; var text: String }
        struct Placement { var id: String; var willing: String; var able: String; var cites: [String]; var text: String }
        struct Direction {
            var id: String
            var cites: [String]
            var addresses: [String]
            var horizon: String
            var intensity: String
            var shared: String
            var text: String
        }

        var id: String
        var source: String
        var date: Day
        var conclusions: [Conclusion] = []
        var needs: [Need] = []
        var placement: Placement?
        var direction: Direction?
    }

    var id: String
    var date: Day
    var comment: String
    var summary: String
    var ageBand: String
    var age: Int?
    var gender: String?
    var regime: String
    var background: String?
    var disability: (percentage: String?, cause: String, status: String?)?
    var fml: FML?
    var sources: [Source] = []
    var findings: [Finding] = []
    var narratives: [Narrative] = []
    var wishes: [Wish] = []
    var assessment: Assessment?
}

/// A calendar day, with just enough arithmetic to date sources before the dossier.
struct Day: Comparable {
    var year: Int
    var month: Int
    var day: Int

    var iso: String {
        let m = month < 10 ? "0\(month)" : "\(month)", d = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(m)-\(d)"
    }

    static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// Days since 1970-01-01 (Hinnant's civil-from-days algorithm, proleptic Gregorian).
    var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    init(ordinal: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }
}

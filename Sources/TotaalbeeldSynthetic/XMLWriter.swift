/// Writes a draft as a dossier document in the layout of the shipped cases: two-space indentation,
/// one element per line, attributes in schema order. Text is escaped; nothing else is transformed.
enum XMLWriter {
    static func write(_ d: Draft) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<!-- \(d.comment) -->\n"
        out += "<dossier xmlns=\"urn:totaalbeeld:dossier:1\"\(attrs([("id", d.id), ("date", d.date.iso), ("xml:lang", "nl")]))>\n"
        out += "  <summary>\(text(d.summary))</summary>\n\n"
        out += "  <client\(attrs([("ageBand", d.ageBand), ("age", d.age.map { String($0) }), ("gender", d.gender), ("benefitRegime", d.regime), ("background", d.background)]))/>\n"
        if let disability = d.disability {
            out += "\n  <disability\(attrs([("percentage", disability.percentage)]))>\n"
            out += "    <cause>\(text(disability.cause))</cause>\n"
            if let status = disability.status { out += "    <status>\(text(status))</status>\n" }
            out += "  </disability>\n"
        }
        if let fml = d.fml {
            out += "\n  <fml\(attrs([("id", fml.present ? "fml" : nil), ("present", fml.present ? "true" : "false"), ("date", fml.date?.iso), ("source", fml.source)]))>\n"
            out += "    <summary>\(text(fml.summary))</summary>\n"
            for limitation in fml.limitations { out += "    <limitation id=\"\(limitation.id)\">\(text(limitation.text))</limitation>\n" }
            for job in fml.jobs { out += "    <suggestedJob id=\"\(job.id)\">\(text(job.text))</suggestedJob>\n" }
            out += "  </fml>\n"
        }
        out += "\n  <sources>\n"
        for s in d.sources { out += "    <source\(attrs([("id", s.id), ("kind", s.kind), ("role", s.role), ("date", s.date.iso)]))/>\n" }
        out += "  </sources>\n"
        if !d.findings.isEmpty {
            out += "\n  <findings>\n"
            for f in d.findings {
                // Defaults (present, current, client) are left out, as a person writing the file would.
                let pairs: [(String, String?)] = [
                    ("id", f.id), ("indicator", f.indicator), ("source", f.source),
                    ("present", f.context == .negated ? "false" : nil), ("status", f.context == .historical ? "historical" : nil),
                    ("experiencer", f.context == .other ? "other" : nil),
                ]
                out += "    <finding\(attrs(pairs))>\(text(f.note))</finding>\n"
            }
            out += "  </findings>\n"
        }
        if !d.narratives.isEmpty {
            out += "\n  <narratives>\n"
            for n in d.narratives {
                out += "    <narrative\(attrs([("id", n.id), ("domain", n.domain), ("theme", n.theme), ("source", n.source)]))>\(text(n.sentences.joined(separator: " ")))</narrative>\n"
            }
            out += "  </narratives>\n"
        }
        if !d.wishes.isEmpty { out += "\n" }
        for w in d.wishes { out += "  <wish\(attrs([("id", w.id), ("source", w.source), ("date", w.date.iso)]))>\(text(w.text))</wish>\n" }
        if let a = d.assessment { out += "\n" + assessment(a) }
        out += "</dossier>\n"
        return out
    }

    private static func assessment(_ a: Draft.Assessment) -> String {
        var out = "  <assessment\(attrs([("id", a.id), ("source", a.source), ("date", a.date.iso)]))>\n"
        for c in a.conclusions {
            out += "    <conclusion\(attrs([("id", c.id), ("domain", c.domain), ("cites", list(c.cites))]))>\(text(c.text))</conclusion>\n"
        }
        for n in a.needs {
            out += "    <supportNeed\(attrs([("id", n.id), ("activity", n.activity), ("level", n.level), ("cites", list(n.cites))]))>\(text(n.text))</supportNeed>\n"
        }
        if let p = a.placement {
            out += "    <placement\(attrs([("id", p.id), ("willing", p.willing), ("able", p.able), ("cites", list(p.cites))]))>\(text(p.text))</placement>\n"
        }
        if let d = a.direction {
            let pairs: [(String, String?)] = [
                ("id", d.id), ("cites", list(d.cites)), ("addresses", list(d.addresses)), ("horizon", d.horizon),
                ("intensity", d.intensity), ("sharedWithClient", d.shared),
            ]
            out += "    <direction\(attrs(pairs))>\(text(d.text))</direction>\n"
        }
        return out + "  </assessment>\n"
    }

    /// An IDREFS value, or nil (attribute left out) when the list is empty: an empty IDREFS is invalid.
    private static func list(_ ids: [String]) -> String? { ids.isEmpty ? nil : ids.joined(separator: " ") }

    private static func attrs(_ pairs: [(String, String?)]) -> String {
        var out = ""
        for (name, value) in pairs {
            if let value { out += " \(name)=\"\(attribute(value))\"" }
        }
        return out
    }

    static func text(_ value: String) -> String {
        // Most text needs no escaping; checking the bytes first avoids rebuilding it.
        guard value.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }) else { return value }
        var out = ""
        for c in value.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static func attribute(_ value: String) -> String {
        let escaped = text(value)
        return escaped.utf8.contains(UInt8(ascii: "\"")) ? escaped.replacingAll("\"", with: "&quot;") : escaped
    }
}

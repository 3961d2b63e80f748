import Foundation
import GRDB
import TotaalbeeldReport

/// The SQLite results store of `batch --db FILE` and `impact --db FILE`: the run's JSONL outputs loaded into tables
/// analysts can query with SQL (schema in `docs/results-store.md`).
///
/// The store is derived from the JSONL outputs after the run has finished — they stay the contract — read line by
/// line (constant memory) and inserted in file order in one transaction, into a temporary file that is renamed into
/// place, so the database appears whole or not at all. The same outputs give the same rows in the same order, and
/// the same bytes: no timestamps, no random ids.
/// ```swift
/// try ResultStore.writeBatch(from: "/data/run", to: "/data/run.sqlite")
/// // sqlite3 /data/run.sqlite "SELECT rule, count(*) FROM flags GROUP BY rule"
/// ```
public enum ResultStore {
    public static let schemaVersion = 1

    /// Tables and indexes of a batch store.
    public static let batchSchema = """
        CREATE TABLE run (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE dossiers (
            seq INTEGER PRIMARY KEY,
            file TEXT NOT NULL,
            dossier TEXT NOT NULL,
            client TEXT,
            date TEXT NOT NULL,
            benefit_regime TEXT NOT NULL,
            age_band TEXT NOT NULL,
            flags INTEGER NOT NULL,
            weighed_flags INTEGER NOT NULL,
            gaps INTEGER NOT NULL,
            verdict TEXT NOT NULL CHECK (verdict IN ('indicated', 'referral', 'not-indicated'))
        );
        CREATE TABLE domains (
            seq INTEGER NOT NULL REFERENCES dossiers(seq),
            position INTEGER NOT NULL,
            domain TEXT NOT NULL,
            burden REAL NOT NULL,
            strength REAL NOT NULL,
            support_need REAL NOT NULL,
            level TEXT,
            has_information INTEGER NOT NULL,
            PRIMARY KEY (seq, domain)
        );
        CREATE TABLE gaps (
            seq INTEGER NOT NULL REFERENCES dossiers(seq),
            theme TEXT NOT NULL,
            domain TEXT NOT NULL,
            missing_source_kind TEXT,
            PRIMARY KEY (seq, theme)
        );
        CREATE TABLE flags (
            seq INTEGER NOT NULL REFERENCES dossiers(seq),
            position INTEGER NOT NULL,
            flag TEXT NOT NULL,
            rule TEXT NOT NULL,
            item TEXT,
            kind TEXT NOT NULL,
            severity TEXT NOT NULL,
            evidence_fingerprint TEXT,
            weighed TEXT CHECK (weighed IN ('weighed', 'reweigh')),
            weighed_by TEXT,
            weighed_date TEXT,
            weighed_reason TEXT,
            PRIMARY KEY (seq, flag)
        );
        CREATE TABLE evidence (
            seq INTEGER NOT NULL REFERENCES dossiers(seq),
            owner TEXT NOT NULL CHECK (owner IN ('flag', 'domain')),
            owner_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            element TEXT NOT NULL,
            indicator TEXT,
            role TEXT,
            source TEXT,
            line INTEGER NOT NULL,
            "column" INTEGER NOT NULL,
            quote TEXT NOT NULL,
            counted INTEGER,
            occurrences INTEGER NOT NULL,
            PRIMARY KEY (seq, owner, owner_id, position)
        );
        CREATE TABLE tracks (
            seq INTEGER NOT NULL REFERENCES dossiers(seq),
            position INTEGER NOT NULL,
            track TEXT NOT NULL,
            label TEXT NOT NULL,
            fit REAL NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('trial', 'referral')),
            PRIMARY KEY (seq, position)
        );
        CREATE TABLE errors (
            position INTEGER PRIMARY KEY,
            file TEXT NOT NULL,
            line INTEGER NOT NULL,
            "column" INTEGER NOT NULL,
            kind TEXT NOT NULL,
            identifier TEXT,
            message TEXT NOT NULL
        );
        CREATE INDEX flags_rule ON flags (rule);
        CREATE INDEX domains_level ON domains (domain, level);
        CREATE INDEX evidence_element ON evidence (element);
        """

    /// Tables and indexes of an impact store.
    public static let impactSchema = """
        CREATE TABLE run (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE dossiers (
            seq INTEGER PRIMARY KEY,
            file TEXT NOT NULL,
            dossier TEXT NOT NULL,
            changed INTEGER NOT NULL,
            score INTEGER NOT NULL,
            verdict_before TEXT,
            verdict_after TEXT,
            unscreenable_before TEXT,
            unscreenable_after TEXT
        );
        CREATE TABLE domains (
            seq INTEGER NOT NULL REFERENCES dossiers(seq),
            domain TEXT NOT NULL,
            level_before TEXT,
            level_after TEXT,
            PRIMARY KEY (seq, domain)
        );
        CREATE TABLE flags (
            seq INTEGER NOT NULL REFERENCES dossiers(seq),
            flag TEXT NOT NULL,
            rule TEXT NOT NULL,
            item TEXT,
            before INTEGER NOT NULL,
            after INTEGER NOT NULL,
            PRIMARY KEY (seq, flag)
        );
        CREATE TABLE tracks (
            seq INTEGER NOT NULL REFERENCES dossiers(seq),
            side TEXT NOT NULL CHECK (side IN ('before', 'after')),
            position INTEGER NOT NULL,
            track TEXT NOT NULL,
            PRIMARY KEY (seq, side, position)
        );
        CREATE TABLE errors (
            position INTEGER PRIMARY KEY,
            file TEXT NOT NULL,
            line INTEGER NOT NULL,
            "column" INTEGER NOT NULL,
            kind TEXT NOT NULL,
            identifier TEXT,
            message TEXT NOT NULL
        );
        CREATE INDEX flags_rule ON flags (rule);
        CREATE INDEX domains_levels ON domains (domain, level_before, level_after);
        """

    /// Loads a finished `batch` output directory (`results.jsonl`, `errors.jsonl`, `summary.json`) into `path`.
    public static func writeBatch(from directory: String, to path: String) throws(StoreError) {
        try write(to: path, schema: batchSchema) { db throws in
            try insertRun(db, summary: directory + "/summary.json", kind: "batch", keys: ["ruleset", "anonymisationGuard", "inputs", "suffix", "language", "shard"])
            let dossier = try db.makeStatement(sql: "INSERT INTO dossiers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            let domain = try db.makeStatement(sql: "INSERT INTO domains VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            let gap = try db.makeStatement(sql: "INSERT INTO gaps VALUES (?, ?, ?, ?)")
            let flag = try db.makeStatement(sql: "INSERT INTO flags VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            let evidence = try db.makeStatement(sql: "INSERT INTO evidence VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            let track = try db.makeStatement(sql: "INSERT INTO tracks VALUES (?, ?, ?, ?, ?, ?)")
            try eachLine(directory + "/results.jsonl") { seq, object in
                let trial = object["trialAndError"] as? [String: Any] ?? [:]
                let indicated = trial["indicated"] as? Bool ?? false
                let tracks = trial["tracks"] as? [[String: Any]] ?? []
                let verdict = indicated ? "indicated" : tracks.isEmpty ? "not-indicated" : "referral"
                let about = object["dossier"] as? [String: Any] ?? [:]
                let flags = object["flags"] as? [[String: Any]] ?? []
                let gaps = object["gaps"] as? [[String: Any]] ?? []
                try dossier.execute(arguments: [
                    seq, object["file"] as? String, about["id"] as? String ?? "", about["client"] as? String, about["date"] as? String ?? "",
                    about["benefitRegime"] as? String ?? "", about["ageBand"] as? String ?? "", flags.count,
                    flags.filter { ($0["weighed"] as? [String: Any])?["state"] as? String == "weighed" }.count, gaps.count, verdict,
                ])
                for (position, entry) in (object["domains"] as? [[String: Any]] ?? []).enumerated() {
                    let code = entry["code"] as? String ?? ""
                    try domain.execute(arguments: [
                        seq, position + 1, code, number(entry["burden"]), number(entry["strength"]), number(entry["supportNeed"]),
                        entry["supportNeedLevel"] as? String, (entry["hasInformation"] as? Bool ?? false) ? 1 : 0,
                    ])
                    for (index, fact) in (entry["evidence"] as? [[String: Any]] ?? []).enumerated() {
                        try insertEvidence(evidence, seq: seq, owner: "domain", ownerID: code, position: index + 1, fact)
                    }
                }
                for entry in gaps {
                    try gap.execute(arguments: [seq, entry["theme"] as? String ?? "", entry["domain"] as? String ?? "", entry["missingSourceKind"] as? String])
                }
                for (position, entry) in flags.enumerated() {
                    let id = entry["id"] as? String ?? ""
                    let weighed = entry["weighed"] as? [String: Any]
                    try flag.execute(arguments: [
                        seq, position + 1, id, entry["rule"] as? String ?? "", entry["item"] as? String, entry["kind"] as? String ?? "",
                        entry["severity"] as? String ?? "", entry["evidenceFingerprint"] as? String,
                        weighed?["state"] as? String, weighed?["by"] as? String, weighed?["date"] as? String, weighed?["reason"] as? String,
                    ])
                    for (index, line) in (entry["evidence"] as? [[String: Any]] ?? []).enumerated() {
                        try insertEvidence(evidence, seq: seq, owner: "flag", ownerID: id, position: index + 1, line)
                    }
                }
                for (position, entry) in tracks.enumerated() {
                    try track.execute(arguments: [seq, position + 1, entry["id"] as? String ?? "", entry["label"] as? String ?? "", number(entry["fit"]), indicated ? "trial" : "referral"])
                }
            }
            try insertErrors(db, directory + "/errors.jsonl")
        }
    }

    /// Loads a finished `impact` output directory (`dossiers.jsonl`, `errors.jsonl`, `impact.json`) into `path`.
    public static func writeImpact(from directory: String, to path: String) throws(StoreError) {
        try write(to: path, schema: impactSchema) { db throws in
            try insertRun(db, summary: directory + "/impact.json", kind: "impact", keys: ["old", "new", "anonymisationGuard", "inputs", "suffix", "language"])
            let dossier = try db.makeStatement(sql: "INSERT INTO dossiers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
            let domain = try db.makeStatement(sql: "INSERT INTO domains VALUES (?, ?, ?, ?)")
            let flag = try db.makeStatement(sql: "INSERT INTO flags VALUES (?, ?, ?, ?, ?, ?)")
            let track = try db.makeStatement(sql: "INSERT INTO tracks VALUES (?, ?, ?, ?)")
            try eachLine(directory + "/dossiers.jsonl") { seq, object in
                let before = object["before"] as? [String: Any] ?? [:], after = object["after"] as? [String: Any] ?? [:]
                try dossier.execute(arguments: [
                    seq, object["file"] as? String ?? "", object["dossier"] as? String ?? "", (object["changed"] as? Bool ?? false) ? 1 : 0,
                    object["score"] as? Int ?? 0, before["verdict"] as? String, after["verdict"] as? String,
                    before["unscreenable"] as? String, after["unscreenable"] as? String,
                ])
                let levelsBefore = before["levels"] as? [String: Any] ?? [:], levelsAfter = after["levels"] as? [String: Any] ?? [:]
                for code in Set(levelsBefore.keys).union(levelsAfter.keys).sorted() {
                    try domain.execute(arguments: [seq, code, levelsBefore[code] as? String, levelsAfter[code] as? String])
                }
                let flagsBefore = before["flags"] as? [String] ?? [], flagsAfter = after["flags"] as? [String] ?? []
                var ids = flagsBefore
                for id in flagsAfter where !flagsBefore.contains(id) { ids.append(id) }
                for id in ids {
                    let parts = id.split(separator: ":", maxSplits: 1).map(String.init)
                    try flag.execute(arguments: [seq, id, parts[0], parts.count > 1 ? parts[1] : nil, flagsBefore.contains(id) ? 1 : 0, flagsAfter.contains(id) ? 1 : 0])
                }
                for (side, values) in [("before", before), ("after", after)] {
                    for (position, id) in (values["tracks"] as? [String] ?? []).enumerated() { try track.execute(arguments: [seq, side, position + 1, id]) }
                }
            }
            try insertErrors(db, directory + "/errors.jsonl")
        }
    }

    // MARK: Mechanics

    private static func write(to path: String, schema: String, fill: (Database) throws -> Void) throws(StoreError) {
        let temporary = path + ".tmp-\(getpid())"
        unlink(temporary)
        do {
            var configuration = Configuration()
            configuration.label = "totaalbeeld results store"
            let queue = try DatabaseQueue(path: temporary, configuration: configuration)
            try queue.write { db in
                try db.execute(sql: "PRAGMA user_version = \(schemaVersion)")
                try db.execute(sql: schema)
                try fill(db)
            }
            try queue.close()
        } catch let error as StoreError {
            unlink(temporary)
            throw error
        } catch {
            unlink(temporary)
            throw StoreError(path: path, reason: "\(error)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw StoreError(path: path, reason: reason)
        }
    }

    private static func insertRun(_ db: Database, summary path: String, kind: String, keys: [String]) throws {
        guard let data = FileManager.default.contents(atPath: path), let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw StoreError(path: path, reason: "missing or not JSON; is the run finished?")
        }
        let insert = try db.makeStatement(sql: "INSERT INTO run VALUES (?, ?)")
        try insert.execute(arguments: ["kind", kind])
        try insert.execute(arguments: ["schemaVersion", String(schemaVersion)])
        for key in keys.sorted() {
            guard let value = object[key], !(value is NSNull) else { continue }
            let text = (value as? String) ?? String(decoding: (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes])) ?? Data(), as: UTF8.self)
            try insert.execute(arguments: [key, text])
        }
    }

    private static func insertEvidence(_ statement: Statement, seq: Int, owner: String, ownerID: String, position: Int, _ entry: [String: Any]) throws {
        try statement.execute(arguments: [
            seq, owner, ownerID, position, entry["element"] as? String ?? "", entry["indicator"] as? String, entry["role"] as? String,
            entry["source"] as? String, entry["line"] as? Int ?? 0, entry["column"] as? Int ?? 0, entry["quote"] as? String ?? "",
            (entry["counted"] as? Bool).map { $0 ? 1 : 0 }, entry["occurrences"] as? Int ?? 1,
        ])
    }

    private static func insertErrors(_ db: Database, _ path: String) throws {
        let insert = try db.makeStatement(sql: "INSERT INTO errors VALUES (?, ?, ?, ?, ?, ?, ?)")
        try eachLine(path) { position, object in
            try insert.execute(arguments: [
                position, object["file"] as? String ?? "", object["line"] as? Int ?? 0, object["column"] as? Int ?? 0,
                object["kind"] as? String ?? "", object["identifier"] as? String, object["message"] as? String ?? "",
            ])
        }
    }

    /// A JSON number as stored: the value the JSONL wrote (at most four decimals).
    private static func number(_ value: Any?) -> Double { (value as? NSNumber)?.doubleValue ?? 0 }

    /// Calls `body` with each line's 1-based number and object, reading the file in blocks (constant memory).
    static func eachLine(_ path: String, _ body: (Int, [String: Any]) throws -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw StoreError(path: path, reason: "cannot be read; is the run finished?") }
        defer { try? handle.close() }
        var buffer = Data()
        var number = 0
        func emit(_ line: Data) throws {
            guard !line.isEmpty else { return }
            number += 1
            guard let object = (try? JSONSerialization.jsonObject(with: line)) as? [String: Any] else {
                throw StoreError(path: path, reason: "line \(number) is not a JSON object")
            }
            try body(number, object)
        }
        while true {
            let block = handle.readData(ofLength: 1 << 20)
            if block.isEmpty { break }
            buffer.append(block)
            var start = buffer.startIndex
            while let newline = buffer[start...].firstIndex(of: 0x0A) {
                try emit(buffer[start..<newline])
                start = buffer.index(after: newline)
            }
            buffer = Data(buffer[start...])
        }
        try emit(buffer)
    }
}

/// Why the results store could not be written: the database path and the reason.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "cannot write the results store \(path): \(reason)" }
}

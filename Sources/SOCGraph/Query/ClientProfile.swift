import Foundation

/// The client a petition is for, as the attorney writes it in a small JSON file (`socgraph fit PROFILE`,
/// `memo --profile PROFILE`). Keys: `client`, `title`, `duties`, `endeavor`, `degree`, `degreeField`,
/// `yearsExperience`, and optionally `candidates`.
public struct ClientProfile: Codable, Hashable, Sendable {
    /// A label for the client, such as initials.
    public let client: String
    /// The client's own job title, as the employer writes it.
    public let title: String
    /// The client's duties, one line each.
    public let duties: [String]
    /// The proposed endeavor, a paragraph.
    public let endeavor: String
    /// The client's highest degree, as a BLS education level.
    public let degree: EducationLevel
    /// The field of that degree.
    public let degreeField: String
    /// Years of progressive experience after the degree.
    public let yearsExperience: Double
    /// Codes the attorney wants weighed, as typed.
    public let candidates: [String]

    public init(client: String, title: String, duties: [String], endeavor: String, degree: EducationLevel,
                degreeField: String, yearsExperience: Double, candidates: [String] = []) {
        self.client = client
        self.title = title
        self.duties = duties
        self.endeavor = endeavor
        self.degree = degree
        self.degreeField = degreeField
        self.yearsExperience = yearsExperience
        self.candidates = candidates
    }

    /// The keys a profile may have, in the order the documentation lists them.
    public static let keys = ["client", "title", "duties", "endeavor", "degree", "degreeField", "yearsExperience",
                              "candidates"]
    /// The longest profile file read, and the most duty lines and candidates taken.
    public static let maximumBytes = 256 * 1024
    public static let maximumDuties = 40
    public static let maximumCandidates = 8

    /// Reads a profile from JSON. Every problem is one `SOCGraphError.invalidInput` naming the key and what it
    /// should hold, prefixed by `file` (how the caller names the file).
    public static func parse(_ data: Data, file: String) throws -> ClientProfile {
        func problem(_ message: String) -> SOCGraphError { .invalidInput("profile \(file): \(message)") }
        guard data.count <= maximumBytes else {
            throw problem("\(data.count) bytes is more than a profile can be (\(maximumBytes / 1024) KiB)")
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw problem("not JSON (\(Self.jsonProblem(error))); write an object such as {\"client\": \"A.B.\", "
                          + "\"title\": \"…\", \"duties\": [\"…\"], …}")
        }
        guard let dictionary = object as? [String: Any] else {
            throw problem("the file must hold one JSON object with the keys " + keys.joined(separator: ", "))
        }
        if let unknown = dictionary.keys.sorted().first(where: { !keys.contains($0) }) {
            throw problem("unknown key '\(unknown)'; the keys are " + keys.joined(separator: ", "))
        }
        func text(_ key: String, _ what: String) throws -> String {
            guard let value = dictionary[key] else { throw problem("missing key '\(key)': \(what)") }
            guard let string = value as? String, !string.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            else { throw problem("key '\(key)' must be a non-empty string: \(what)") }
            return string.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        func lines(_ key: String, _ what: String, required: Bool, limit: Int) throws -> [String] {
            guard let value = dictionary[key] else {
                if required { throw problem("missing key '\(key)': \(what)") }
                return []
            }
            guard let array = value as? [Any], let strings = array as? [String],
                  strings.allSatisfy({ !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty })
            else { throw problem("key '\(key)' must be a list of non-empty strings: \(what)") }
            if required, strings.isEmpty { throw problem("key '\(key)' is empty: \(what)") }
            guard strings.count <= limit else {
                throw problem("key '\(key)' has \(strings.count) entries; at most \(limit) are taken")
            }
            return strings.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        }
        let levels = EducationLevel.allCases.map(\.rawValue).joined(separator: ", ")
        let degreeID = try text("degree", "the client's highest degree as a BLS level id (\(levels))")
        guard let degree = EducationLevel(rawValue: degreeID) else {
            throw problem("key 'degree' is '\(degreeID)', not a BLS level id; use one of \(levels)")
        }
        guard let yearsValue = dictionary["yearsExperience"] else {
            throw problem("missing key 'yearsExperience': years of progressive experience after the degree, a number")
        }
        guard let years = (yearsValue as? NSNumber).flatMap({ $0 is Bool ? nil : $0.doubleValue }),
              !(yearsValue is String), years >= 0, years <= 70
        else {
            throw problem("key 'yearsExperience' must be a number of years from 0 to 70")
        }
        return ClientProfile(
            client: try text("client", "a label for the client, such as initials"),
            title: try text("title", "the client's own job title"),
            duties: try lines("duties", "the client's duties, one line each", required: true, limit: maximumDuties),
            endeavor: try text("endeavor", "the proposed endeavor, a paragraph"),
            degree: degree,
            degreeField: try text("degreeField", "the field of the client's degree"),
            yearsExperience: years,
            candidates: try lines("candidates", "SOC codes to weigh, such as \"15-2051\"", required: false,
                                  limit: maximumCandidates))
    }

    /// Reads the profile at `url`; an unreadable file is one `invalidInput` line.
    public static func read(_ url: URL, as file: String) throws -> ClientProfile {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SOCGraphError.invalidInput("cannot read the profile \(file): \(error.localizedDescription)")
        }
        return try parse(data, file: file)
    }

    /// Whether the client holds an advanced degree in the EB-2 sense (8 CFR 204.5(k)(2)): a master's or higher,
    /// or a bachelor's followed by at least five years of progressive experience.
    public var holdsAdvancedDegree: Bool {
        degree >= .master || (degree == .bachelor && yearsExperience >= 5)
    }

    private static func jsonProblem(_ error: Error) -> String {
        let description = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
        return description ?? "malformed"
    }
}

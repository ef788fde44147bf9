import Foundation

/// Finds slot values in an utterance: by aligning it with the intent's sample utterances (a placeholder takes the
/// words that stand where it stands), then by scanning for values that recognise themselves (listed values, dates,
/// numbers, e-mail addresses) wherever they are.
public struct SlotExtractor: Sendable {
    /// Resolves spans of words.
    public var resolver: SlotValueResolver

    /// Creates an extractor.
    public init(resolver: SlotValueResolver) {
        self.resolver = resolver
    }

    /// The values `text` gives the slots of `intent`. `elicited` is the slot the user is answering, whose value may
    /// be the whole reply.
    public func extract(_ text: String, intent: DialogueIntent, elicited: String? = nil) -> [String: SlotValue] {
        let tokens = UtteranceTokens.split(text)
        guard !tokens.isEmpty else { return [:] }
        let slots = Dictionary(intent.slots.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var found: [String: SlotValue] = [:]
        var used = Array(repeating: false, count: tokens.count)
        func take(_ name: String, _ value: SlotValue, _ range: Range<Int>) {
            found[name] = value
            for index in range { used[index] = true }
        }

        if let elicited, let slot = slots[elicited] {
            if let value = resolver.resolve(tokens[...], as: slot.kind, capturing: true) {
                return [elicited: value]
            }
            let replies = (slot.sampleUtterances + Self.replyTemplates.map { $0.replacingOccurrences(of: "{}", with: "{\(elicited)}") })
                .map(UtteranceTemplate.init)
            if let best = bestAlignment(tokens, templates: replies, slots: slots) {
                for (name, match) in best where name == elicited { take(name, match.value, match.range) }
            }
        }

        let templates = intent.sampleUtterances.map(UtteranceTemplate.init).filter { !$0.slotNames.isEmpty }
        if let best = bestAlignment(tokens, templates: templates, slots: slots) {
            for (name, match) in best where found[name] == nil && !match.range.contains(where: { used[$0] }) {
                take(name, match.value, match.range)
            }
        }

        for slot in intent.slots where found[slot.name] == nil {
            if let (value, range) = scan(tokens, used: used, kind: slot.kind) { take(slot.name, value, range) }
        }
        return found
    }

    // MARK: - Scanning

    private func scan(_ tokens: [UtteranceToken], used: [Bool], kind: SlotKind) -> (SlotValue, Range<Int>)? {
        let longest = min(6, tokens.count)
        for length in stride(from: longest, through: 1, by: -1) {
            for start in 0...(tokens.count - length) {
                let range = start..<(start + length)
                guard !range.contains(where: { used[$0] }) else { continue }
                if let value = resolver.resolve(tokens[range], as: kind, capturing: false) {
                    if case .custom(let type) = kind, type.resolution == .originalValue, value.resolvedValues.isEmpty {
                        continue
                    }
                    return (value, range)
                }
            }
        }
        return nil
    }

    // MARK: - Alignment

    struct Match {
        var value: SlotValue
        var range: Range<Int>
    }

    private func bestAlignment(
        _ tokens: [UtteranceToken], templates: [UtteranceTemplate], slots: [String: DialogueSlot]
    ) -> [String: Match]? {
        var best: (cost: Double, matches: [String: Match])?
        for template in templates {
            guard let alignment = align(tokens, template: template, slots: slots), !alignment.matches.isEmpty else {
                continue
            }
            let words = template.elements.count { if case .word = $0 { true } else { false } }
            // An alignment that needs as many edits as a third of everything said is a guess, not a reading.
            guard alignment.cost <= max(1, Double(words + tokens.count) / 3) else { continue }
            if best == nil || alignment.cost < best!.cost { best = (alignment.cost, alignment.matches) }
        }
        return best?.matches
    }

    /// The cheapest edit alignment of the utterance with a template: a matching word costs nothing, a missing or
    /// extra word 1, a placeholder takes a span its slot resolves (free for values that recognise themselves, a
    /// little per word for captured free words) or is left empty at cost 1.
    private func align(_ tokens: [UtteranceToken], template: UtteranceTemplate, slots: [String: DialogueSlot])
        -> (cost: Double, matches: [String: Match])?
    {
        let elements = template.elements
        let rows = elements.count + 1
        let columns = tokens.count + 1
        var cost = Array(repeating: Double.infinity, count: rows * columns)
        var back = Array(repeating: (from: -1, match: Match?.none, slot: String?.none), count: rows * columns)
        cost[0] = 0
        for i in 0..<rows {
            for j in 0..<columns {
                let here = cost[i * columns + j]
                guard here.isFinite else { continue }
                func relax(_ ni: Int, _ nj: Int, _ step: Double, _ match: Match? = nil, _ slot: String? = nil) {
                    let index = ni * columns + nj
                    if here + step < cost[index] {
                        cost[index] = here + step
                        back[index] = (i * columns + j, match, slot)
                    }
                }
                if j < tokens.count { relax(i, j + 1, 1) }
                guard i < elements.count else { continue }
                switch elements[i] {
                case .word(let word):
                    relax(i + 1, j, 1)
                    if j < tokens.count, tokens[j].key == word { relax(i + 1, j + 1, 0) }
                case .slot(let name):
                    relax(i + 1, j, 1)
                    guard let slot = slots[name] else { continue }
                    for end in (j + 1)..<min(columns, j + 7) {
                        guard let value = resolver.resolve(tokens[j..<end], as: slot.kind, capturing: true) else {
                            continue
                        }
                        let captured = value.resolvedValues.isEmpty || Self.capturesFreely(slot.kind)
                        let step = captured ? 0.3 + 0.2 * Double(end - j - 1) : 0.05 * Double(end - j - 1)
                        relax(i + 1, end, step, Match(value: value, range: j..<end), name)
                    }
                }
            }
        }
        let last = rows * columns - 1
        guard cost[last].isFinite else { return nil }
        var matches: [String: Match] = [:]
        var index = last
        while index > 0 {
            let step = back[index]
            if let match = step.match, let slot = step.slot { matches[slot] = match }
            index = step.from
        }
        return (cost[last], matches)
    }

    private static func capturesFreely(_ kind: SlotKind) -> Bool {
        switch kind {
        case .phrase, .freeForm, .alphanumeric: true
        default: false
        }
    }

    /// How people commonly answer a slot's question, beyond the slot's own sample utterances.
    static let replyTemplates = [
        "{}", "I want {}", "I'd like {}", "I would like {}", "it's {}", "it is {}", "{} please", "make it {}",
        "I need {}", "for {}", "on {}", "at {}", "in {}", "the {}", "let's say {}", "how about {}",
    ]
}

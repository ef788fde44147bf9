import Foundation

/// Finds slot values in an utterance: by aligning it with the intent's sample utterances (a placeholder takes the
/// words that stand where it stands), then by scanning for values that recognise themselves (listed values, dates,
/// numbers, e-mail addresses) wherever they are.
public struct SlotExtractor: Sendable {
    /// Resolves spans of words.
    public var resolver: SlotValueResolver
    /// Marks slot words by their surroundings; trained with the bot.
    var tagger: SlotTagger?

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
        let spans = SpanValues(resolver: resolver, tokens: tokens, slots: slots, intent: intent)
        var found: [String: SlotValue] = [:]
        var used = Array(repeating: false, count: tokens.count)
        func take(_ name: String, _ value: SlotValue, _ range: Range<Int>) {
            found[name] = value
            for index in range { used[index] = true }
        }

        if let elicited, let slot = slots[elicited] {
            if let value = resolver.resolve(tokens[...], as: slot.kind, in: .reply) {
                return [elicited: value]
            }
            let replies = (slot.sampleUtterances + Self.replyTemplates.map { $0.replacingOccurrences(of: "{}", with: "{\(elicited)}") })
                .map(UtteranceTemplate.init)
            if let best = bestAlignment(tokens, templates: replies, spans: spans) {
                for (name, match) in best where name == elicited { take(name, match.value, match.range) }
            }
        }

        for (name, marked) in tagger?.spans(tokens.map(\.key)) ?? [] where found[name] == nil {
            guard let slot = slots[name] else { continue }
            // A value does not end on a preposition or article: the tagger's span without them.
            var tagged = marked
            while tagged.count > 1, SpanValues.closingWords.contains(tokens[tagged.upperBound - 1].key) {
                tagged = tagged.lowerBound..<(tagged.upperBound - 1)
            }
            tagged = spans.withoutOtherValuesAtEdges(name, tagged)
            // A tagged span that is part of a longer listed value or date ("deluxe" of "deluxe room") takes it all.
            var range = tagged
            for candidate in Self.widenings(of: tagged, within: tokens.count)
            where candidate.count > range.count && !candidate.contains(where: { used[$0] })
                && resolver.resolve(tokens[candidate], as: slot.kind, in: .anywhere) != nil
            {
                range = candidate
            }
            guard !range.contains(where: { used[$0] }), let (value, _) = spans.value(name, range) else { continue }
            take(name, value, range)
        }

        let templates = intent.templates.filter { !$0.slotNames.isEmpty }
        if let best = bestAlignment(tokens, templates: templates, spans: spans) {
            for (name, match) in best where found[name] == nil && !match.range.contains(where: { used[$0] }) {
                take(name, match.value, match.range)
            }
        }

        for slot in intent.slots where found[slot.name] == nil {
            if let (value, range) = scan(tokens, used: used, kind: slot.kind) { take(slot.name, value, range) }
        }
        return found
    }

    /// A span grown by up to two words to the right and one to the left.
    private static func widenings(of range: Range<Int>, within count: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        for left in 0...1 where range.lowerBound - left >= 0 {
            for right in 0...2 where range.upperBound + right <= count {
                ranges.append((range.lowerBound - left)..<(range.upperBound + right))
            }
        }
        return ranges
    }

    // MARK: - Scanning

    private func scan(_ tokens: [UtteranceToken], used: [Bool], kind: SlotKind) -> (SlotValue, Range<Int>)? {
        let longest = min(6, tokens.count)
        for length in stride(from: longest, through: 1, by: -1) {
            for start in 0...(tokens.count - length) {
                let range = start..<(start + length)
                guard !range.contains(where: { used[$0] }) else { continue }
                if let value = resolver.resolve(tokens[range], as: kind, in: .anywhere) {
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

    /// How well the utterance reads as one of the intent's sample utterances, 0–1: the weighted F1 of the words
    /// the best alignment matches (content words count 1, function words ¼; a slot's span counts as a matched word,
    /// half when its words were only captured, not recognised).
    public func likeness(_ text: String, intent: DialogueIntent) -> Double {
        let tokens = UtteranceTokens.split(text)
        guard !tokens.isEmpty else { return 0 }
        let slots = Dictionary(intent.slots.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let spans = SpanValues(resolver: resolver, tokens: tokens, slots: slots, intent: intent)
        var best = 0.0
        for template in intent.templates {
            guard let alignment = align(tokens, template: template, spans: spans) else { continue }
            best = max(best, alignment.likeness)
        }
        return best
    }

    private func bestAlignment(_ tokens: [UtteranceToken], templates: [UtteranceTemplate], spans: SpanValues)
        -> [String: Match]?
    {
        var best: (cost: Double, matches: [String: Match])?
        for template in templates {
            guard let alignment = align(tokens, template: template, spans: spans), !alignment.matches.isEmpty else {
                continue
            }
            let words = template.elements.count { if case .word = $0 { true } else { false } }
            // An alignment that needs as many edits as two fifths of everything said is a guess, not a reading.
            guard alignment.cost <= max(1.5, Double(words + tokens.count) / 2.5) else { continue }
            if best == nil || alignment.cost < best!.cost { best = (alignment.cost, alignment.matches) }
        }
        return best?.matches
    }

    /// The cheapest edit alignment of the utterance with a template: a matching word costs nothing, a missing or
    /// extra word 1, a placeholder takes a span its slot resolves (free for values that recognise themselves, a
    /// little per word for captured free words) or is left empty at cost 1.
    private func align(_ tokens: [UtteranceToken], template: UtteranceTemplate, spans: SpanValues)
        -> (cost: Double, matches: [String: Match], likeness: Double)?
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
                    guard spans.slots[name] != nil else { continue }
                    for end in (j + 1)..<min(columns, j + 7) {
                        guard let (value, step) = spans.value(name, j..<end) else { continue }
                        relax(i + 1, end, step, Match(value: value, range: j..<end), name)
                    }
                }
            }
        }
        let last = rows * columns - 1
        guard cost[last].isFinite else { return nil }
        var matches: [String: Match] = [:]
        var matched = 0.0
        var index = last
        while index > 0 {
            let step = back[index]
            let (i, j) = (index / columns, index % columns)
            let (pi, pj) = (step.from / columns, step.from % columns)
            if let match = step.match, let slot = step.slot {
                matches[slot] = match
                let captured = match.value.resolvedValues.isEmpty || spans.slots[slot].map { Self.capturesFreely($0.kind) } ?? true
                matched += captured ? 0.5 : 1
            } else if i == pi + 1, j == pj + 1 {
                matched += Self.weight(tokens[pj].key)
            }
            index = step.from
        }
        var templateWeight = 0.0
        for element in elements {
            switch element {
            case .word(let word): templateWeight += Self.weight(word)
            case .slot: templateWeight += 1
            }
        }
        let spoken = tokens.indices.reduce(0.0) { total, index in
            matches.values.contains { $0.range.contains(index) } ? total : total + Self.weight(tokens[index].key)
        } + Double(matches.count)
        let likeness = templateWeight + spoken > 0 ? 2 * matched / (templateWeight + spoken) : 0
        return (cost[last], matches, min(1, likeness))
    }

    /// How much a word says about what is meant: function words little.
    private static func weight(_ word: String) -> Double {
        IntentFeatures.functionWords.contains(word) ? 0.25 : 1
    }

    static func capturesFreely(_ kind: SlotKind) -> Bool {
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

/// The values spans of one utterance give each slot, resolved once however many templates ask.
final class SpanValues {
    let resolver: SlotValueResolver
    let tokens: [UtteranceToken]
    let slots: [String: DialogueSlot]
    /// The words the intent's sample utterances use around their slots.
    let literals: Set<String>
    private var cache: [String: (SlotValue, Double)?] = [:]

    init(resolver: SlotValueResolver, tokens: [UtteranceToken], slots: [String: DialogueSlot], intent: DialogueIntent) {
        self.resolver = resolver
        self.tokens = tokens
        self.slots = slots
        literals = intent.templateWords
    }

    /// The value the words in `range` give slot `name` where a sample utterance puts the slot, and what taking them
    /// costs the alignment: next to nothing for a value that recognises itself, more for captured words — more
    /// still the less they look like the slot type's listed values, so that two free slots side by side each take
    /// the words that look like theirs.
    func value(_ name: String, _ range: Range<Int>) -> (SlotValue, Double)? {
        let key = "\(name)\u{1}\(range.lowerBound)\u{1}\(range.upperBound)"
        if let cached = cache[key] { return cached }
        var result: (SlotValue, Double)?
        if let slot = slots[name], let value = resolver.resolve(tokens[range], as: slot.kind, in: .placed),
            !Self.isPhrase(slot.kind) || !tokens[range].contains(where: { literals.contains($0.key) })
        {
            let extra = Double(range.count - 1)
            if !value.resolvedValues.isEmpty, !SlotExtractor.capturesFreely(slot.kind) {
                result = (value, 0.05 * extra)
            } else if tokens[range].allSatisfy({ IntentFeatures.functionWords.contains($0.key) })
                || Self.closingWords.contains(tokens[range].last!.key) || bordersOtherValue(name, range)
                || hasSentenceWordAtEdge(slot.kind, range) || looksLikeAnotherSlot(name, slot.kind, range)
            {
                // Words taken as said must say something ("on" or "the" alone is no value), end where a value can
                // end (not on a preposition, article or conjunction: "lannon at", "the ne during"), and leave
                // another slot's own value to that slot ("paris right now", "lake provincial park be stormy"), and
                // not begin or end with a word of the bot's own sentences that no listed value has ("erzurum please"),
                // nor be words only another slot's values use ("breakfast time" is no place).
                result = nil
            } else {
                var cost = 0.3 + 0.2 * extra
                if case .custom(let type) = slot.kind { cost += 0.6 * (1 - type.index.familiarity(tokens[range].map(\.key))) }
                result = (value, cost)
            }
        }
        cache[key] = result
        return result
    }

    /// Whether custom words taken as said for slot `name` share no word with its type's listed values but do with
    /// another custom slot's ("islands" tagged as a date where the places list "virgin islands").
    private func looksLikeAnotherSlot(_ name: String, _ kind: SlotKind, _ range: Range<Int>) -> Bool {
        guard case .custom(let type) = kind else { return false }
        let keys = tokens[range].map(\.key)
        guard type.index.familiarity(keys) == 0 else { return false }
        return slots.contains { other, slot in
            guard other != name, case .custom(let otherType) = slot.kind else { return false }
            return otherType.index.familiarity(keys) > 0
        }
    }

    /// Whether a custom value taken as said begins or ends with a word the intent's sample utterances use around
    /// their slots ("will", "please") that none of the type's listed values has.
    private func hasSentenceWordAtEdge(_ kind: SlotKind, _ range: Range<Int>) -> Bool {
        guard case .custom(let type) = kind else { return false }
        return [tokens[range.lowerBound].key, tokens[range.upperBound - 1].key].contains { word in
            literals.contains(word) && type.index.familiarity([word]) == 0
        }
    }

    /// Whether words taken as said for slot `name` would begin or end with a value another slot of the intent
    /// recognises by itself (a listed value, a date, a number).
    func bordersOtherValue(_ name: String, _ range: Range<Int>) -> Bool {
        withoutOtherValuesAtEdges(name, range) != range
    }

    /// `range` without the words at either edge that are another slot's own value (the longest such run first).
    func withoutOtherValuesAtEdges(_ name: String, _ range: Range<Int>) -> Range<Int> {
        var range = range
        cutting: while range.count > 1 {
            for length in stride(from: range.count - 1, through: 1, by: -1) {
                let head = range.lowerBound..<(range.lowerBound + length)
                let tail = (range.upperBound - length)..<range.upperBound
                if recognisingSlots(tail).contains(where: { $0 != name }) {
                    range = range.lowerBound..<tail.lowerBound
                    continue cutting
                }
                if recognisingSlots(head).contains(where: { $0 != name }) {
                    range = head.upperBound..<range.upperBound
                    continue cutting
                }
            }
            break
        }
        return range
    }

    /// The slots whose type recognises the words in `range` wherever they stand: a custom type's listed values
    /// exactly (misspellings are not looked for here: this runs for every part of every candidate span), the
    /// built-in readers' values. Slots that take any words as said are left out.
    private func recognisingSlots(_ range: Range<Int>) -> [String] {
        let key = "\(range.lowerBound)\u{1}\(range.upperBound)"
        if let cached = recognised[key] { return cached }
        let names = slots.filter { _, slot in
            switch slot.kind {
            case .custom(let type):
                return type.index.exact[CustomValueIndex.normalise(tokens[range].map(\.key))] != nil
            default:
                return !SlotExtractor.capturesFreely(slot.kind)
                    && !(resolver.resolve(tokens[range], as: slot.kind, in: .anywhere)?.resolvedValues.isEmpty ?? true)
            }
        }.map(\.key)
        recognised[key] = names
        return names
    }

    private var recognised: [String: [String]] = [:]

    /// Words a value taken as said does not end with: prepositions, articles, conjunctions.
    static let closingWords = SlotValueResolver.prepositions.union([
        "a", "an", "the", "of", "with", "as", "into", "and", "or", "but", "if",
    ])

    /// A name or place taken as said cannot be one of the words the bot's own sentences are made of.
    private static func isPhrase(_ kind: SlotKind) -> Bool {
        switch kind {
        case .phrase, .place: return true
        default: return false
        }
    }
}

import Foundation
import SibylCore

extension LexModelsPlugin {
    // MARK: - Slot types

    func saveSlotType(_ input: RawRequest<SlotTypeRequest>, store: LexStore) throws -> JSONValue {
        let request = input.typed
        _ = try store.locale(request.botId, request.botVersion, request.localeId)
        let key = { (id: String) in [request.botId, request.botVersion, request.localeId, id] }
        let existing = try request.slotTypeId.map { id in
            guard let document = try store.get(.slotType, key(id)) else {
                throw LexErrors.notFound("Failed to retrieve resource since it does not exist: slot type \(id)")
            }
            return document
        }
        let slotTypeId = request.slotTypeId ?? LexStore.newId()
        let scope = ["botId": request.botId, "botVersion": request.botVersion, "localeId": request.localeId]
        let namesake = try store.list(.slotType, where: scope.merging(["slotTypeName": request.slotTypeName]) { $1 })
        guard namesake.allSatisfy({ $0.string("slotTypeId") == slotTypeId }) else {
            throw LexErrors.preconditionFailed("A slot type named \(request.slotTypeName) already exists in this locale.")
        }
        var slotType = input.members
        slotType["slotTypeId"] = .string(slotTypeId)
        slotType["creationDateTime"] = existing?["creationDateTime"] ?? .timestamp()
        slotType["lastUpdatedDateTime"] = .timestamp()
        _ = try slotType.decode(SlotTypeSpec.self)
        try UnimplementedSettings.checkSlotType(slotType)
        try store.put(slotType, .slotType, key(slotTypeId))
        try store.touchLocale(request.botId, request.botVersion, request.localeId)
        return .object(existing == nil ? slotType.removing(["lastUpdatedDateTime"]) : slotType)
    }

    func describeSlotType(_ input: SlotTypePathRequest, store: LexStore) throws -> JSONValue {
        _ = try store.locale(input.botId, input.botVersion, input.localeId)
        guard let slotType = try store.get(.slotType, [input.botId, input.botVersion, input.localeId, input.slotTypeId])
        else {
            throw LexErrors.notFound("Failed to retrieve resource since it does not exist: slot type \(input.slotTypeId)")
        }
        return .object(slotType)
    }

    func listSlotTypes(_ input: ListWithinLocaleRequest, store: LexStore) throws -> JSONValue {
        _ = try store.locale(input.botId, input.botVersion, input.localeId)
        let scope = ["botId": input.botId, "botVersion": input.botVersion, "localeId": input.localeId]
        let summaries = try store.list(.slotType, where: scope).map { document -> LexDocument in
            var summary = document.keeping([
                "slotTypeId", "slotTypeName", "description", "parentSlotTypeSignature", "lastUpdatedDateTime",
            ])
            summary["slotTypeCategory"] = .string(document["compositeSlotTypeSetting"] != nil ? "Composite" : "Custom")
            return summary
        }
        let page = try LexListing.page(
            summaries, nameMember: "slotTypeName", filters: input.filters, sortBy: input.sortBy,
            maxResults: input.maxResults, nextToken: input.nextToken)
        return LexListing.output(
            [
                "botId": .string(input.botId), "botVersion": .string(input.botVersion),
                "localeId": .string(input.localeId), "slotTypeSummaries": .array(page.items),
            ], nextToken: page.nextToken)
    }

    func deleteSlotType(_ input: SlotTypePathRequest, store: LexStore) throws {
        try LexValidation.draft(input.botVersion)
        _ = try describeSlotType(input, store: store)
        let scope = ["botId": input.botId, "botVersion": input.botVersion, "localeId": input.localeId]
        let users = try store.list(.slot, where: scope.merging(["slotTypeId": input.slotTypeId]) { $1 })
        guard users.isEmpty || input.skipResourceInUseCheck == true else {
            throw LexErrors.preconditionFailed(
                "Slot type \(input.slotTypeId) is used by slot \(users[0].string("slotName") ?? "?"); delete or change that slot first.")
        }
        try store.delete(.slotType, [input.botId, input.botVersion, input.localeId, input.slotTypeId])
        try store.touchLocale(input.botId, input.botVersion, input.localeId)
    }

    // MARK: - Slots

    /// CreateSlot and UpdateSlot. A new slot joins the end of its intent's slot priorities, as the console does.
    func saveSlot(_ input: RawRequest<SlotRequest>, store: LexStore) throws -> JSONValue {
        let request = input.typed
        var intent = try store.intent(request.botId, request.botVersion, request.localeId, request.intentId)
        if let typeId = request.slotTypeId, !typeId.hasPrefix("AMAZON.") {
            guard try store.get(.slotType, [request.botId, request.botVersion, request.localeId, typeId]) != nil else {
                throw LexErrors.preconditionFailed("Slot type \(typeId) does not exist in this locale.")
            }
        } else if let typeId = request.slotTypeId, BuiltInSlotTypes.kind(typeId) == nil {
            throw ServiceError.validation("Built-in slot type \(typeId) is not supported here.")
        }
        let key = { (id: String) in [request.botId, request.botVersion, request.localeId, request.intentId, id] }
        let existing = try request.slotId.map { id in
            guard let document = try store.get(.slot, key(id)) else {
                throw LexErrors.notFound("Failed to retrieve resource since it does not exist: slot \(id)")
            }
            return document
        }
        let slotId = request.slotId ?? LexStore.newId()
        let scope = [
            "botId": request.botId, "botVersion": request.botVersion, "localeId": request.localeId,
            "intentId": request.intentId,
        ]
        let namesake = try store.list(.slot, where: scope.merging(["slotName": request.slotName]) { $1 })
        guard namesake.allSatisfy({ $0.string("slotId") == slotId }) else {
            throw LexErrors.preconditionFailed("The intent already has a slot named \(request.slotName).")
        }
        var slot = input.members
        slot["slotId"] = .string(slotId)
        slot["creationDateTime"] = existing?["creationDateTime"] ?? .timestamp()
        slot["lastUpdatedDateTime"] = .timestamp()
        _ = try slot.decode(SlotSpec.self)
        try UnimplementedSettings.checkSlot(slot)
        try store.put(slot, .slot, key(slotId))
        if existing == nil {
            var priorities: [JSONValue] = []
            if case .array(let current) = intent["slotPriorities"] { priorities = current }
            priorities.append(.object(["priority": .number(Double(priorities.count + 1)), "slotId": .string(slotId)]))
            intent["slotPriorities"] = .array(priorities)
            try store.put(intent, .intent, [request.botId, request.botVersion, request.localeId, request.intentId])
        }
        try store.touchLocale(request.botId, request.botVersion, request.localeId)
        return .object(existing == nil ? slot.removing(["lastUpdatedDateTime"]) : slot)
    }

    func describeSlot(_ input: SlotPathRequest, store: LexStore) throws -> JSONValue {
        _ = try store.intent(input.botId, input.botVersion, input.localeId, input.intentId)
        guard
            let slot = try store.get(
                .slot, [input.botId, input.botVersion, input.localeId, input.intentId, input.slotId])
        else { throw LexErrors.notFound("Failed to retrieve resource since it does not exist: slot \(input.slotId)") }
        return .object(slot)
    }

    func listSlots(_ input: ListWithinLocaleRequest, store: LexStore) throws -> JSONValue {
        let intentId = input.intentId ?? ""
        _ = try store.intent(input.botId, input.botVersion, input.localeId, intentId)
        let scope = [
            "botId": input.botId, "botVersion": input.botVersion, "localeId": input.localeId, "intentId": intentId,
        ]
        let summaries = try store.list(.slot, where: scope).map { document -> LexDocument in
            var summary = document.keeping(["slotId", "slotName", "description", "slotTypeId", "lastUpdatedDateTime"])
            if case .object(let elicitation) = document["valueElicitationSetting"] {
                summary["slotConstraint"] = elicitation["slotConstraint"]
                summary["valueElicitationPromptSpecification"] = elicitation["promptSpecification"]
            }
            return summary
        }
        let page = try LexListing.page(
            summaries, nameMember: "slotName", filters: input.filters, sortBy: input.sortBy,
            maxResults: input.maxResults, nextToken: input.nextToken)
        return LexListing.output(
            [
                "botId": .string(input.botId), "botVersion": .string(input.botVersion),
                "localeId": .string(input.localeId), "intentId": .string(intentId), "slotSummaries": .array(page.items),
            ], nextToken: page.nextToken)
    }

    func deleteSlot(_ input: SlotPathRequest, store: LexStore) throws {
        try LexValidation.draft(input.botVersion)
        _ = try describeSlot(input, store: store)
        try store.delete(.slot, [input.botId, input.botVersion, input.localeId, input.intentId, input.slotId])
        var intent = try store.intent(input.botId, input.botVersion, input.localeId, input.intentId)
        if case .array(let priorities) = intent["slotPriorities"] {
            let kept = priorities.filter { $0.objectValue?.string("slotId") != input.slotId }
            intent["slotPriorities"] = .array(
                kept.enumerated().map { index, entry in
                    var entry = entry.objectValue ?? [:]
                    entry["priority"] = .number(Double(index + 1))
                    return .object(entry)
                })
            try store.put(intent, .intent, [input.botId, input.botVersion, input.localeId, input.intentId])
        }
        try store.touchLocale(input.botId, input.botVersion, input.localeId)
    }
}

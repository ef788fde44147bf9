import Dialogue
import Foundation
import SibylCore

/// Amazon Lex V2's model-building API: bots, locales, intents, slot types, slots, versions and aliases, stored in
/// the resource store; `BuildBotLocale` trains the Dialogue engine's understanding of the locale.
public struct LexModelsPlugin: ServicePlugin {
    public init() {}

    public var descriptor: ServiceDescriptor {
        ServiceDescriptor(
            name: "lexv2-models", wireProtocol: .restJson, signingName: "lex", apiVersion: "2020-08-07",
            botocoreModel: "lexv2-models")
    }

    static let localePath = "/bots/{botId}/botversions/{botVersion}/botlocales/{localeId}"
    static let intentPath = localePath + "/intents/{intentId}"
    static let slotTypePath = localePath + "/slottypes/{slotTypeId}"
    static let slotPath = intentPath + "/slots/{slotId}"

    public var jobHandlers: [any JobHandler] { [LocaleBuildHandler(), LexImportHandler()] }

    public var operations: [ServiceOperation] {
        botOperations + localeOperations + intentOperations + slotTypeOperations + slotOperations + aliasOperations
            + importOperations
    }

    private var botOperations: [ServiceOperation] {
        [
            ServiceOperation("CreateBot", http: HTTPBinding("PUT", "/bots/", successStatus: 202)) {
                (input: RawRequest<CreateBotRequest>, context: OperationContext) in
                try createBot(input, store: LexStore(resources: context.resources))
            },
            ServiceOperation("UpdateBot", http: HTTPBinding("PUT", "/bots/{botId}/", successStatus: 202)) {
                (input: RawRequest<UpdateBotRequest>, context: OperationContext) in
                try updateBot(input, store: LexStore(resources: context.resources))
            },
            ServiceOperation("DescribeBot", http: HTTPBinding("GET", "/bots/{botId}/")) {
                (input: BotIdRequest, context: OperationContext) in
                try describeBot(input, store: LexStore(resources: context.resources))
            },
            ServiceOperation("ListBots", http: HTTPBinding("POST", "/bots/")) {
                (input: ListBotsRequest, context: OperationContext) in
                try listBots(input, store: LexStore(resources: context.resources))
            },
            ServiceOperation(
                "DeleteBot",
                http: HTTPBinding(
                    "DELETE", "/bots/{botId}/",
                    query: [.init("skipResourceInUseCheck", member: "skipResourceInUseCheck", type: .boolean)],
                    successStatus: 202)
            ) { (input: BotIdRequest, context: OperationContext) in
                try deleteBot(input, store: LexStore(resources: context.resources))
            },
        ]
    }

    private var localeOperations: [ServiceOperation] {
        [
            ServiceOperation(
                "CreateBotLocale", http: HTTPBinding("PUT", "/bots/{botId}/botversions/{botVersion}/botlocales/", successStatus: 202)
            ) { (input: RawRequest<CreateBotLocaleRequest>, context: OperationContext) in
                try createBotLocale(input, store: LexStore(resources: context.resources))
            },
            ServiceOperation("UpdateBotLocale", http: HTTPBinding("PUT", Self.localePath + "/", successStatus: 202)) {
                (input: RawRequest<CreateBotLocaleRequest>, context: OperationContext) in
                try updateBotLocale(input, store: LexStore(resources: context.resources))
            },
            ServiceOperation("DescribeBotLocale", http: HTTPBinding("GET", Self.localePath + "/")) {
                (input: LocalePathRequest, context: OperationContext) in
                try describeBotLocale(input, store: LexStore(resources: context.resources))
            },
            ServiceOperation("BuildBotLocale", http: HTTPBinding("POST", Self.localePath + "/", successStatus: 202)) {
                (input: LocalePathRequest, context: OperationContext) in
                try await buildBotLocale(input, context: context)
            },
            ServiceOperation("DeleteBotLocale", http: HTTPBinding("DELETE", Self.localePath + "/", successStatus: 202)) {
                (input: LocalePathRequest, context: OperationContext) in
                try deleteBotLocale(input, store: LexStore(resources: context.resources))
            },
        ]
    }

    private var intentOperations: [ServiceOperation] {
        [
            ServiceOperation("CreateIntent", http: HTTPBinding("PUT", Self.localePath + "/intents/")) {
                (input: RawRequest<IntentRequest>, context: OperationContext) in
                try saveIntent(input, store: LexStore(resources: context.resources))
            },
            ServiceOperation("UpdateIntent", http: HTTPBinding("PUT", Self.intentPath + "/")) {
                (input: RawRequest<IntentRequest>, context: OperationContext) in
                try saveIntent(input, store: LexStore(resources: context.resources))
            },
            ServiceOperation("DescribeIntent", http: HTTPBinding("GET", Self.intentPath + "/")) {
                (input: IntentPathRequest, context: OperationContext) in
                try describeIntent(input, store: LexStore(resources: context.resources))
            },
            ServiceOperation("ListIntents", http: HTTPBinding("POST", Self.localePath + "/intents/")) {
                (input: ListWithinLocaleRequest, context: OperationContext) in
                try listIntents(input, store: LexStore(resources: context.resources))
            },
            ServiceOperation(
                "DeleteIntent", http: HTTPBinding("DELETE", Self.intentPath + "/", successStatus: 204)
            ) { (input: IntentPathRequest, context: OperationContext) -> Reply in
                try deleteIntent(input, store: LexStore(resources: context.resources))
                return Reply(status: 204, body: .empty)
            },
        ]
    }

    private var slotTypeOperations: [ServiceOperation] {
        [
            ServiceOperation("CreateSlotType", http: HTTPBinding("PUT", Self.localePath + "/slottypes/")) {
                (input: RawRequest<SlotTypeRequest>, context: OperationContext) in
                try saveSlotType(input, store: LexStore(resources: context.resources))
            },
            ServiceOperation("UpdateSlotType", http: HTTPBinding("PUT", Self.slotTypePath + "/", successStatus: 202)) {
                (input: RawRequest<SlotTypeRequest>, context: OperationContext) in
                try saveSlotType(input, store: LexStore(resources: context.resources))
            },
            ServiceOperation("DescribeSlotType", http: HTTPBinding("GET", Self.slotTypePath + "/")) {
                (input: SlotTypePathRequest, context: OperationContext) in
                try describeSlotType(input, store: LexStore(resources: context.resources))
            },
            ServiceOperation("ListSlotTypes", http: HTTPBinding("POST", Self.localePath + "/slottypes/")) {
                (input: ListWithinLocaleRequest, context: OperationContext) in
                try listSlotTypes(input, store: LexStore(resources: context.resources))
            },
            ServiceOperation(
                "DeleteSlotType",
                http: HTTPBinding(
                    "DELETE", Self.slotTypePath + "/",
                    query: [.init("skipResourceInUseCheck", member: "skipResourceInUseCheck", type: .boolean)],
                    successStatus: 204)
            ) { (input: SlotTypePathRequest, context: OperationContext) -> Reply in
                try deleteSlotType(input, store: LexStore(resources: context.resources))
                return Reply(status: 204, body: .empty)
            },
        ]
    }

    private var slotOperations: [ServiceOperation] {
        [
            ServiceOperation("CreateSlot", http: HTTPBinding("PUT", Self.intentPath + "/slots/")) {
                (input: RawRequest<SlotRequest>, context: OperationContext) in
                try saveSlot(input, store: LexStore(resources: context.resources))
            },
            ServiceOperation("UpdateSlot", http: HTTPBinding("PUT", Self.slotPath + "/")) {
                (input: RawRequest<SlotRequest>, context: OperationContext) in
                try saveSlot(input, store: LexStore(resources: context.resources))
            },
            ServiceOperation("DescribeSlot", http: HTTPBinding("GET", Self.slotPath + "/")) {
                (input: SlotPathRequest, context: OperationContext) in
                try describeSlot(input, store: LexStore(resources: context.resources))
            },
            ServiceOperation("ListSlots", http: HTTPBinding("POST", Self.intentPath + "/slots/")) {
                (input: ListWithinLocaleRequest, context: OperationContext) in
                try listSlots(input, store: LexStore(resources: context.resources))
            },
            ServiceOperation("DeleteSlot", http: HTTPBinding("DELETE", Self.slotPath + "/", successStatus: 204)) {
                (input: SlotPathRequest, context: OperationContext) -> Reply in
                try deleteSlot(input, store: LexStore(resources: context.resources))
                return Reply(status: 204, body: .empty)
            },
        ]
    }

    private var aliasOperations: [ServiceOperation] {
        [
            ServiceOperation("CreateBotVersion", http: HTTPBinding("PUT", "/bots/{botId}/botversions/", successStatus: 202)) {
                (input: CreateBotVersionRequest, context: OperationContext) in
                try createBotVersion(input, store: LexStore(resources: context.resources))
            },
            ServiceOperation("ListBotVersions", http: HTTPBinding("POST", "/bots/{botId}/botversions/")) {
                (input: ListWithinBotRequest, context: OperationContext) in
                try listBotVersions(input, store: LexStore(resources: context.resources))
            },
            ServiceOperation("CreateBotAlias", http: HTTPBinding("PUT", "/bots/{botId}/botaliases/", successStatus: 202)) {
                (input: RawRequest<CreateBotAliasRequest>, context: OperationContext) in
                try createBotAlias(input, store: LexStore(resources: context.resources))
            },
            ServiceOperation(
                "UpdateBotAlias", http: HTTPBinding("PUT", "/bots/{botId}/botaliases/{botAliasId}/", successStatus: 202)
            ) { (input: RawRequest<CreateBotAliasRequest>, context: OperationContext) in
                try updateBotAlias(input, store: LexStore(resources: context.resources))
            },
            ServiceOperation("DescribeBotAlias", http: HTTPBinding("GET", "/bots/{botId}/botaliases/{botAliasId}/")) {
                (input: BotAliasPathRequest, context: OperationContext) in
                try describeBotAlias(input, store: LexStore(resources: context.resources))
            },
            ServiceOperation("ListBotAliases", http: HTTPBinding("POST", "/bots/{botId}/botaliases/")) {
                (input: ListWithinBotRequest, context: OperationContext) in
                try listBotAliases(input, store: LexStore(resources: context.resources))
            },
        ]
    }
}

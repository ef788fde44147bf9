import Dialogue

/// Trained Dialogue engines by bot locale and build, so a conversation's turns do not retrain the bot.
actor EngineCache {
    private var engines: [String: (builtAt: Double, engine: DialogueEngine)] = [:]

    /// The engine for a locale's build, trained on first use.
    func engine(for key: String, builtAt: Double, train: () throws -> DialogueEngine) rethrows -> DialogueEngine {
        if let cached = engines[key], cached.builtAt == builtAt { return cached.engine }
        let engine = try train()
        if engines.count >= 64 { engines.removeAll() }
        engines[key] = (builtAt, engine)
        return engine
    }
}

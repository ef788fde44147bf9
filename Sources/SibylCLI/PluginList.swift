import DiagnosticsPlugin
import PollyPlugin
import SibylCore
import Synthesis

/// The one list of plugins the gateway serves. Adding a service is one target plus one line here.
public enum PluginList {
    /// The plugins, built for a configuration. Engines are created here, once per process, and handed to their
    /// plugins; an engine that cannot start leaves its plugin answering a clear error and `/health` not ready.
    public static func make(_ configuration: SibylConfiguration) -> [any ServicePlugin] {
        [
            DiagnosticsPlugin(testJobs: configuration.testJobs),
            makePolly(configuration),
        ]
    }

    private static func makePolly(_ configuration: SibylConfiguration) -> PollyPlugin {
        do {
            let synthesizer = try ESpeakSynthesizer(
                maxWaiting: configuration.synthesisQueueDepth,
                timeout: .seconds(configuration.synthesisTimeoutSeconds))
            return PollyPlugin(synthesizer: synthesizer)
        } catch {
            return PollyPlugin(synthesizer: nil, startupFailure: "\(error)")
        }
    }
}

import DiagnosticsPlugin
import SibylCore

/// The one list of plugins the gateway serves. Adding a service is one target plus one line here.
public enum PluginList {
    /// The plugins, built for a configuration (engines are created here and handed to their plugins).
    public static func make(_ configuration: SibylConfiguration) -> [any ServicePlugin] {
        [
            DiagnosticsPlugin(testJobs: configuration.testJobs)
        ]
    }
}

/// The version of Sibyl reported by `/health` and `sibyl --version`.
public enum SibylVersion {
    /// The release version.
    public static let current = "0.1.0"
}

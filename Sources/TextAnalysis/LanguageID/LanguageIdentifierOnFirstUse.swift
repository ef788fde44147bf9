import Synchronization

/// A language identifier made when it is first asked (its model read then rather than at start-up), once.
public final class LanguageIdentifierOnFirstUse: LanguageIdentifier {
    private let make: @Sendable () -> any LanguageIdentifier
    private let made = Mutex<(any LanguageIdentifier)?>(nil)

    /// Creates the wrapper; `make` runs on the first identification.
    public init(_ make: @escaping @Sendable () -> any LanguageIdentifier) {
        self.make = make
    }

    public func identify(_ text: String) -> [IdentifiedLanguage] {
        let identifier = made.withLock { made in
            if let made { return made }
            let identifier = make()
            made = identifier
            return identifier
        }
        return identifier.identify(text)
    }
}

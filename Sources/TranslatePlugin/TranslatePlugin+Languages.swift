import Foundation
import SibylCore
import Translation

extension TranslatePlugin {
    /// Every language a chain of installed pairs reaches, named in the display language, paged.
    func listLanguages(_ input: ListLanguagesRequest) throws -> ListLanguagesResponse {
        let display = input.DisplayLanguageCode ?? "en"
        let locale = Locale(identifier: display)
        let all = engine.languages.map { code in
            Language(LanguageName: locale.localizedString(forIdentifier: code) ?? code, LanguageCode: code)
        }
        let start: Int
        if let token = input.NextToken {
            guard let offset = Int(token), (0..<all.count).contains(offset) else {
                throw ServiceError(code: "InvalidParameterValueException", message: "The NextToken \(token) is not valid.")
            }
            start = offset
        } else {
            start = 0
        }
        let end = min(all.count, start + (input.MaxResults ?? 500))
        return ListLanguagesResponse(
            Languages: Array(all[start..<end]), DisplayLanguageCode: display,
            NextToken: end < all.count ? String(end) : nil)
    }
}

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
        let page = try ListPage(
            all, token: input.NextToken, limit: input.MaxResults ?? 500, errorCode: "InvalidParameterValueException",
            id: \.LanguageCode)
        return ListLanguagesResponse(
            Languages: page.items, DisplayLanguageCode: display,
            NextToken: page.nextToken)
    }
}

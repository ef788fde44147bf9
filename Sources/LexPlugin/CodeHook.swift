import Foundation
import SibylCore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A Lex code hook: where Lex would invoke a Lambda function, Sibyl POSTs the same input event as JSON to an HTTP
/// endpoint — the alias's `lambdaARN` set to an `http(s)://` URL — and reads the Lambda response format back, so an
/// existing Lambda handler can run behind a small HTTP wrapper.
struct CodeHook: Sendable {
    /// The endpoint.
    let url: URL
    /// How long a call may take.
    let timeout: TimeInterval

    /// The hook an alias configures for a locale, `nil` when it has none.
    static func configured(alias: LexDocument, localeId: String, timeout: TimeInterval = 10) throws -> CodeHook? {
        guard case .object(let settings) = alias["botAliasLocaleSettings"],
            let locale = settings[localeId]?.objectValue,
            let lambda = locale["codeHookSpecification"]?.objectValue?["lambdaCodeHook"]?.objectValue,
            let target = lambda.string("lambdaARN")
        else { return nil }
        guard let url = URL(string: target), url.scheme == "http" || url.scheme == "https", url.host != nil else {
            throw LexErrors.dependencyFailed(
                "The code hook \(target) is a Lambda function, which cannot be invoked here: set the alias's lambdaARN "
                    + "to the http(s) URL of an endpoint that runs the handler.")
        }
        return CodeHook(url: url, timeout: timeout)
    }

    /// Sends the input event and answers the handler's response; a timeout, a failed request or a response that is
    /// not the Lambda response format answers `DependencyFailedException` saying which.
    func invoke(_ event: JSONValue) async throws -> LexDocument {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.httpBody = try event.jsonData()
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await URLSession.shared.data(for: request)
        } catch let error as URLError where error.code == .timedOut {
            throw LexErrors.dependencyFailed("The code hook at \(url) did not answer within \(Int(timeout)) seconds.")
        } catch {
            throw LexErrors.dependencyFailed("The code hook at \(url) could not be reached: \(error.localizedDescription)")
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else {
            throw LexErrors.dependencyFailed("The code hook at \(url) answered HTTP \(status).")
        }
        guard let document = (try? JSONDecoder().decode(JSONValue.self, from: data))?.objectValue,
            document["sessionState"]?.objectValue?["dialogAction"]?.objectValue?.string("type") != nil
        else {
            throw LexErrors.dependencyFailed(
                "The code hook at \(url) answered something other than a Lambda response: it needs sessionState.dialogAction.type.")
        }
        return document
    }
}

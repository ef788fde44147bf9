import Foundation
import SibylCore

/// Renders failures the way botocore parses them for each protocol.
enum ErrorRendering {
    /// awsJson1.1 (`__type` + `message`), rest-json (adds `x-amzn-ErrorType`) or native JSON errors.
    static func json(_ error: ServiceError, style: ErrorStyle, requestId: String) -> WireResponse {
        let contentType = style == .awsJson ? "application/x-amz-json-1.1" : "application/json"
        var headers: [(name: String, value: String)] = [
            ("Content-Type", contentType), ("x-amzn-RequestId", requestId),
        ]
        if style != .awsJson { headers.append(("x-amzn-ErrorType", error.code)) }
        let fields = error.members.merging(["__type": error.code, "message": error.message]) { _, own in own }
        let body = (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])) ?? Data()
        var response = WireResponse(status: error.status, headers: headers, body: .data(body))
        response.errorCode = error.code
        return response
    }

    /// S3's XML `<Error>` document.
    static func s3(code: String, message: String, status: Int, resource: String?, requestId: String) -> WireResponse {
        var xml = XMLWriter()
        xml.open("Error")
        xml.element("Code", code)
        xml.element("Message", message)
        if let resource { xml.element("Resource", resource) }
        xml.element("RequestId", requestId)
        xml.close("Error")
        var response = WireResponse(
            status: status,
            headers: [("Content-Type", "application/xml"), ("x-amz-request-id", requestId), ("x-amzn-RequestId", requestId)],
            body: .data(Data(xml.document.utf8)))
        response.errorCode = code
        return response
    }

    /// A signature failure in the error format of the route it arrived on.
    static func signature(_ failure: SignatureFailure, style: ErrorStyle, requestId: String) -> WireResponse {
        if style == .s3 {
            let error = failure.s3Error
            return s3(code: error.code, message: error.message, status: error.status, resource: nil, requestId: requestId)
        }
        let error = failure.jsonError
        return json(ServiceError(code: error.code, message: error.message, status: error.status), style: style,
            requestId: requestId)
    }
}

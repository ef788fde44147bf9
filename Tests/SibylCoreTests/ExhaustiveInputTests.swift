import Foundation
import Testing

@testable import SibylCore

/// An input that declares `Name` and a list of parts with a `Size`, and refuses anything else it is sent.
private struct Order: Codable, ExhaustiveInput {
    struct Part: Codable { var Size: Int }
    var Name: String
    var Parts: [Part]?
    var Note: String?

    static var unreadMemberCode: String { "Refused" }
}

/// The same shape without the check: unknown members are dropped, as `JSONDecoder` does.
private struct LenientOrder: Codable {
    var Name: String
}

@Suite struct ExhaustiveInputTests {
    private func refusal(_ json: String) -> String? {
        do {
            _ = try ShapeCoding.decode(Order.self, from: Data(json.utf8))
            return nil
        } catch let error as ServiceError {
            guard error.code == "Refused" else { return "other: \(error.code)" }
            return String(error.message.prefix { $0 != " " })
        } catch {
            return "other: \(error)"
        }
    }

    @Test func membersTheShapeDeclaresPass() {
        #expect(refusal(#"{"Name": "a", "Parts": [{"Size": 1}, {"Size": 2}], "Note": "n"}"#) == nil)
        #expect(refusal(#"{"Name": "a"}"#) == nil)
    }

    @Test func theRefusalNamesTheMemberAndSaysWhy() {
        let error = Order.unreadMember("Encryption")
        #expect(error.code == "Refused")
        #expect(error.message.hasPrefix("Encryption is not supported here"))
    }

    @Test func anUndeclaredMemberIsNamedAtItsPath() {
        #expect(refusal(#"{"Name": "a", "Encryption": {"Key": "k"}}"#) == "Encryption")
        #expect(refusal(#"{"Name": "a", "Parts": [{"Size": 1}, {"Size": 2, "Colour": "red"}]}"#) == "Parts[1].Colour")
    }

    @Test func aValueSentInsideAnotherIsNamedUnderItsMember() throws {
        let body = Data(#"{"Name": "a", "Parts": [{"Size": 1, "Colour": "red"}]}"#.utf8)
        let order = try JSONDecoder().decode(Order.self, from: body)
        #expect(throws: ServiceError.self) { try order.checkEveryMemberRead(from: body, under: "header") }
        do {
            try order.checkEveryMemberRead(from: body, under: "header")
        } catch let error as ServiceError {
            #expect(error.message.hasPrefix("header.Parts[0].Colour is not supported here"))
        }
    }

    @Test func nullMembersCountAsAbsent() {
        #expect(refusal(#"{"Name": "a", "Note": null, "Encryption": null}"#) == nil)
    }

    @Test func theFirstUnreadMemberInNameOrderIsReported() {
        #expect(refusal(#"{"Zone": 1, "Name": "a", "Alpha": 2}"#) == "Alpha")
    }

    @Test func shapesWithoutTheCheckStillDropUnknownMembers() throws {
        let order = try ShapeCoding.decode(LenientOrder.self, from: Data(#"{"Name": "a", "Extra": 1}"#.utf8))
        #expect(order.Name == "a")
    }
}

import Foundation
import HRBoxProtocol
import HRBoxServer
import JSONRPC
import Testing

/// Params the server cannot decode, methods it does not have, and `initialize`.
@Suite struct ParamsTests {
    @Test func wrongTypeNamesField() throws {
        let harness = try ServerHarness()
        let message = MessageSource.inline(TestMail.message(from: "someone@example.com"))
        let params: JSONValue = [
            "message": try JSONValueEncoder().encode(message),
            "targets": [["personId": "1"]],
        ]

        let error = try harness.failure(method: StoreMessage.name, params: params)

        #expect(error.code == ResponseError.Code.invalidParams)
        #expect(error.message.contains("targets[0].personId: expected an integer, found a string"))
        #expect(try harness.hasStoredMessages() == false)
    }

    @Test func missingFieldNamed() throws {
        let harness = try ServerHarness()

        let error = try harness.failure(method: Lookup.name, params: ["mesage": ["base64": ""]])

        #expect(error.code == ResponseError.Code.invalidParams)
        #expect(error.message.contains("message: missing required field \"message\""))
    }

    @Test func sourceWithBothMembers() throws {
        let harness = try ServerHarness()

        let error = try harness.failure(method: Lookup.name, params: ["message": ["base64": "", "path": "/tmp/x.eml"]])

        #expect(error.code == ResponseError.Code.invalidParams)
        #expect(error.message.contains("message"))
        #expect(error.message.contains("exactly one of"))
    }

    @Test func unknownStatusNamesField() throws {
        let harness = try ServerHarness()
        let params: JSONValue = ["firstName": "Ada", "lastName": "Byron", "addresses": [], "status": "intern"]

        let error = try harness.failure(method: AddPerson.name, params: params)

        #expect(error.code == ResponseError.Code.invalidParams)
        #expect(error.message.contains("status"))
    }

    @Test func unknownStatusListsValidOnes() throws {
        let harness = try ServerHarness()
        let params: JSONValue = ["firstName": "Ada", "lastName": "Byron", "addresses": [], "status": "former employee"]

        let error = try harness.failure(method: AddPerson.name, params: params)

        #expect(error.code == ResponseError.Code.invalidParams)
        #expect(
            error.message.hasSuffix(
                "status: expected one of \"employee\", \"applicant\", \"formerEmployee\", found \"former employee\""),
            "\(error.message)")
    }

    @Test func paramsWithoutMembersMustBeObject() throws {
        let harness = try ServerHarness()
        try harness.importTeam()

        let error = try harness.failure(method: CaseTypes.name, params: [1])

        #expect(error.code == ResponseError.Code.invalidParams)
        #expect(error.message.contains("expected an object"), "\(error.message)")
        #expect(try harness.server.handle(method: CaseTypes.name, params: [:])["caseTypes"] != nil)
    }

    @Test func unknownMethod() throws {
        let harness = try ServerHarness()

        let error = try harness.failure(method: "hrbox/fileEverything", params: nil)

        #expect(error.code == ResponseError.Code.methodNotFound)
        #expect(error.message.contains("hrbox/fileEverything"))
    }

    @Test func absentParamsForMethodWithout() throws {
        let harness = try ServerHarness()
        try harness.importTeam()

        let result = try harness.server.handle(method: Colleagues.name, params: nil)

        #expect(result["me"] == "mkeller")
        #expect(result["colleagues"]?.arrayValue?.count == 3)
    }

    @Test func initializeDescribesServer() throws {
        let harness = try ServerHarness()
        let params = try JSONValueEncoder().encode(
            InitializeParams(clientInfo: ClientInfo(name: "thunderbird-hrbox", version: "0.1.0"), processId: 4_242))

        let json = try harness.server.initialize(params: params)
        let result = try JSONValueDecoder().decode(InitializeResult.self, from: json)

        #expect(result.serverInfo == ServerInfo(name: "hrbox", version: HRBoxServer.version))
        #expect(result.methods == HRBoxMethods.names)
        #expect(result.methods.count == 18)
        #expect(result.user == UserInfo(colleague: "mkeller", addresses: ["hr@northwind.example"]))
    }

    @Test func initializeWithoutParams() throws {
        let harness = try ServerHarness()

        let json = try harness.server.initialize(params: nil)

        #expect(json["serverInfo"]?["name"] == "hrbox")
    }

    @Test func initializeWithBadParams() throws {
        let harness = try ServerHarness()

        let error = try #require(throws: ResponseError.self) {
            try harness.server.initialize(params: ["clientInfo": ["name": 7]])
        }

        #expect(error.code == ResponseError.Code.invalidParams)
        #expect(error.message.contains("clientInfo.name"))
    }

    @Test func everyListedMethodAnswers() throws {
        let harness = try ServerHarness()

        for name in HRBoxMethods.names {
            do {
                _ = try harness.server.handle(method: name, params: nil)
            } catch {
                #expect(error.code != ResponseError.Code.methodNotFound, "\(name)")
            }
        }
    }
}

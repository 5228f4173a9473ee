@testable import DescentBase
import Testing

@Suite struct JSONParserTests {
    @Test func parsesEveryKindKeepingKeyOrder() throws {
        let v = try JSONParser.parse(#" {"b": [1, -2.5e3, true, false, null], "a": "x\n\u00e9\ud83d\ude00"} "#)
        guard case .object(let members) = v else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["b", "a"])
        #expect(v["b"] == .array([.number(1), .number(-2500), .bool(true), .bool(false), .null]))
        #expect(v["a"] == .string("x\né😀"))
    }

    @Test(arguments: [
        (#"{"a": 1"#, 1, 8, "ends inside an object"),
        (#"{"a": 1,}"#, 1, 9, "expected a key"),
        ("{\n  \"a\": tru\n}", 2, 8, "expected 'true'"),
        (#"{"a": 1, "a": 2}"#, 1, 10, "duplicate key \"a\""),
        (#"{"a": NaN}"#, 1, 7, "NaN and Infinity"),
        (#"{"a": 1e999}"#, 1, 7, "too large"),
        (#"{"a": 01}"#, 1, 8, "expected ',' or '}'"),
        (#"[1, 2] x"#, 1, 8, "unexpected text"),
        ("", 1, 1, "ends too early"),
        (#"{"a": "\x"}"#, 1, 9, "invalid escape"),
    ])
    func errorsHaveLineAndColumn(_ text: String, _ line: Int, _ column: Int, _ message: String) {
        do {
            _ = try JSONParser.parse(text)
            Issue.record("parsed: \(text)")
        } catch {
            #expect(error.line == line && error.column == column, "\(text): \(error)")
            #expect(error.message.contains(message), "\(text): \(error)")
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(deep) }
        let ok = String(repeating: "[", count: JSONParser.maximumDepth) + String(repeating: "]", count: JSONParser.maximumDepth)
        #expect(throws: Never.self) { try JSONParser.parse(ok) }
    }
}

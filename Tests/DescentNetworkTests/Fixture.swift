import DescentBase
import Foundation

/// A JSON fixture beside the tests (made by `Fixtures/make_fixtures.py`), read with the project's parser.
enum Fixture {
    static let directory = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    static func json(_ name: String) throws -> JSONValue {
        try JSONParser.parse(String(decoding: try Data(contentsOf: directory.appendingPathComponent(name)), as: UTF8.self))
    }
}

extension JSONValue {
    var numbers: [Double] {
        guard case .array(let items) = self else { return [] }
        return items.map { if case .number(let d) = $0 { d } else { .nan } }
    }
    var items: [JSONValue] {
        if case .array(let items) = self { items } else { [] }
    }
    var int: Int { if case .number(let d) = self { Int(d) } else { -1 } }
    var double: Double? { if case .number(let d) = self { d } else { nil } }
    var text: String { if case .string(let s) = self { s } else { "" } }
}

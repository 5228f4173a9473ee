import DescentBase
import DescentCore
import Foundation
import Testing
@testable import DescentNetwork

@Suite struct WeightsFileTests {
    let network = try! Network(ModelSpec.digitsDefault, inputShape: [1, 8, 8])

    func message(_ text: String) -> NetworkError? {
        do {
            _ = try WeightsFile.parameters(from: JSONParser.parse(text), for: network, file: "w.json")
            return nil
        } catch let e as NetworkError { return e } catch { return nil }
    }

    @Test func roundTripsThroughAFile() throws {
        let p = network.initialParameters(seed: 2)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("descent-weights-\(UInt32.random(in: 0...UInt32.max)).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try WeightsFile.save(p, for: network, to: path)
        #expect(try WeightsFile.load(path, for: network) == p)
    }

    @Test func readsTorchsStateDictDump() throws {
        // training.json's initial weights are torch's state_dict of the same architecture.
        let json = try Fixture.json("training.json")
        let net = try Network(ModelSpec(json: json["model"]!), inputShape: [1, 8, 8])
        let p = try WeightsFile.parameters(from: json["initial_weights"]!, for: net)
        #expect(p.map(\.shape) == [[4, 1, 3, 3], [4], [10, 64], [10]])
    }

    @Test func errorsNameFileAndKey() {
        let good = JSONWriter.string(WeightsFile.json(network.initialParameters(seed: 1), for: network), pretty: false)
        let missing = good.replacingOccurrences(of: "\"4.bias\"", with: "\"4.bias_\"")
        #expect(message(missing)?.path == "\"4.bias_\"")  // unknown key first
        let e1 = message(#"{"0.weight": {"shape": [8, 1, 3, 3], "data": []}}"#)
        #expect(e1?.path == "\"0.weight\".data" && e1?.file == "w.json")
        let e2 = message(good.replacingOccurrences(of: "[10, 128]", with: "[128, 10]"))
        #expect(e2?.path == "\"4.weight\".shape", "\(String(describing: e2))")
        let e3 = message(good.replacingOccurrences(of: #"{"0.weight""#, with: #"{"x": 1, "0.weight""#))
        #expect(e3?.path == "\"x\"")
        var obj = WeightsFile.json(network.initialParameters(seed: 1), for: network)
        if case .object(var members) = obj {
            members.removeLast()
            obj = .object(members)
        }
        let e4 = message(JSONWriter.string(obj, pretty: false))
        #expect(e4?.path == "\"4.bias\"" && e4?.message.contains("missing") == true)
        let e5 = message(#"{"0.weight": {"shape": [8, 1, 3, 3], "data": [1, 2, 3, 4, 5, 6, 7, 8, "x""#
            + String(repeating: ", 0", count: 63) + "]}}")
        #expect(e5?.path == "\"0.weight\".data[8]", "\(String(describing: e5))")
        #expect(message("[]")?.message.contains("expected an object") == true)
    }

    @Test func anOversizedFileIsRefusedUnread() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("descent-weights-big-\(UInt32.random(in: 0...UInt32.max)).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try String(repeating: " ", count: 32 * network.parameterCount + 65_537).write(toFile: path, atomically: false, encoding: .utf8)
        #expect(throws: NetworkError.self) { try WeightsFile.load(path, for: network) }
    }

    @Test func aMissingFileIsNamed() {
        #expect(throws: NetworkError(file: "/nonexistent/w.json", "cannot read: no such file")) {
            try WeightsFile.load("/nonexistent/w.json", for: network)
        }
    }
}

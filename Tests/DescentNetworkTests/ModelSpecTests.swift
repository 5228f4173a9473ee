import DescentBase
import Testing
@testable import DescentNetwork

@Suite struct ModelSpecTests {
    func spec(_ text: String) throws -> ModelSpec { try ModelSpec(json: JSONParser.parse(text)) }

    func error(_ text: String, inputShape: [Int] = [1, 8, 8]) -> NetworkError? {
        do {
            _ = try Network(try spec(text), inputShape: inputShape)
            return nil
        } catch let e as NetworkError {
            return e
        } catch {
            return nil
        }
    }

    @Test func shorthandsAndFullFormsAgree() throws {
        let short = try spec(#"[{"conv2d": {"out_channels": 8, "kernel_size": 3, "padding": 1}}, "relu", {"maxpool2d": 2}, "flatten", {"dropout": 0.5}, {"linear": 10}]"#)
        let full = try spec(#"""
            [{"conv2d": {"out_channels": 8, "kernel_size": [3, 3], "stride": 1, "padding": [1, 1], "bias": true}}, {"relu": {}},
             {"maxpool2d": {"kernel_size": 2, "stride": 2}}, "flatten", {"dropout": {"p": 0.5}}, {"linear": {"out_features": 10}}]
            """#)
        #expect(short == full)
        #expect(try ModelSpec(json: short.json) == short)
        #expect(try spec(#"["dropout"]"#).layers == [.dropout(p: 0.5)])
    }

    @Test func namesAndShapesAreTorchs() throws {
        let network = try Network(ModelSpec.digitsDefault, inputShape: [1, 8, 8])
        #expect(network.parameters.map(\.name) == ["0.weight", "0.bias", "4.weight", "4.bias"])
        #expect(network.parameters.map(\.shape) == [[8, 1, 3, 3], [8], [10, 128], [10]])
        #expect(network.outputShape == [10])
        #expect(network.parameterCount == 72 + 8 + 1280 + 10)
        #expect(network.layerDescriptions[0] == "Conv2d(1, 8, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))")
    }

    @Test func defaultInitialisationIsBoundedByFanIn() throws {
        let network = try Network(ModelSpec.digitsDefault, inputShape: [1, 8, 8])
        let p = network.initialParameters(seed: 4)
        #expect(p == network.initialParameters(seed: 4))
        #expect(p != network.initialParameters(seed: 5))
        for (t, bound) in zip(p, [1 / 3.0, 1 / 3.0, 1 / 128.0.squareRoot(), 1 / 128.0.squareRoot()]) {
            #expect(t.scalars.allSatisfy { abs($0) <= bound })
            #expect(t.scalars.contains { abs($0) > bound / 2 })
        }
    }

    @Test func errorsNameTheJSONPath() {
        let cases: [(String, String, String)] = [
            (#"["relu", "sigmoid"]"#, "model[1]", "unknown layer 'sigmoid'"),
            (#"[{"conv2d": {"out_channels": 8, "kernel_size": 3, "padding": 1, "dilation": 2}}]"#, "model[0].conv2d.dilation", "unknown key"),
            (#"["flatten", {"conv2d": {"out_channels": 8, "kernel_size": 3}}]"#, "model[1].conv2d", "needs an input of shape"),
            (#"["relu", "relu", "relu", {"conv2d": {"out_channels": 8, "kernel_size": 11}}]"#, "model[3].conv2d.kernel_size", "larger than"),
            (#"[{"maxpool2d": 9}]"#, "model[0].maxpool2d.kernel_size", "larger than"),
            (#"[{"linear": 10}]"#, "model[0].linear", "add \"flatten\""),
            (#"[{"linear": 0}]"#, "model[0].linear", "expected an integer"),
            (#"[{"linear": 2.5}]"#, "model[0].linear", "expected an integer"),
            (#"[{"conv2d": {"out_channels": 100000, "kernel_size": 3}}]"#, "model[0].conv2d.out_channels", "expected an integer 1…4096"),
            (#"[{"conv2d": {"kernel_size": 3}}]"#, "model[0].conv2d.out_channels", "missing"),
            (#"[{"conv2d": {"out_channels": 2, "kernel_size": [3]}}]"#, "model[0].conv2d.kernel_size", "pair"),
            (#"[{"dropout": 1.5}]"#, "model[0].dropout", "probability"),
            (#"[{"relu": 3}]"#, "model[0].relu", "no parameters"),
            (#"[{"relu": {}, "tanh": {}}]"#, "model[0]", "one key"),
            (#"[3]"#, "model[0]", "expected a layer name"),
            (#"[]"#, "model", "1…64 layers"),
            (#"{"linear": 3}"#, "model", "a list of layers"),
        ]
        for (text, path, message) in cases {
            let e = error(text)
            #expect(e?.path == path, "\(text): \(e.map(String.init(describing:)) ?? "no error")")
            #expect(e?.message.contains(message) == true, "\(text): \(e.map(String.init(describing:)) ?? "no error")")
        }
    }

    @Test func hostileSizesAreRejectedBeforeAllocating() {
        // 4096 channels of 4096 inputs: 151 M parameters.
        let e = error(#"[{"conv2d": {"out_channels": 4096, "kernel_size": 3}}, {"conv2d": {"out_channels": 4096, "kernel_size": 3}}]"#)
        #expect(e?.path == "model[1].conv2d")
        #expect(e?.message.contains("parameters") == true)
        // 4096 channels on 64×64 images: 16 M activations per sample.
        #expect(error(#"[{"conv2d": {"out_channels": 4096, "kernel_size": 3}}]"#, inputShape: [1, 64, 64])?.message.contains("activations") == true)
        let tooMany = "[" + Array(repeating: "\"relu\"", count: 65).joined(separator: ",") + "]"
        #expect(error(tooMany)?.message.contains("1…64 layers") == true)
    }

    @Test func workspaceMemoryIsBounded() throws {
        let network = try Network(try spec(#"[{"conv2d": {"out_channels": 64, "kernel_size": 3, "padding": 1}}, "flatten", {"linear": 10}]"#), inputShape: [1, 64, 64])
        #expect(throws: NetworkError.self) { try Workspace(network: network, capacity: 65_536) }
        _ = try Workspace(network: network, capacity: 4)
    }
}

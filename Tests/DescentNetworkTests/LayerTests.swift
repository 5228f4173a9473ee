import DescentBase
import DescentCore
import Testing
import TestSupport
@testable import DescentNetwork

/// Each layer's forward and backward against torch float64 (`Fixtures/layers.json`).
@Suite struct LayerTests {
    struct Case: CustomTestStringConvertible {
        var json: JSONValue
        var testDescription: String { json["name"]!.text }
    }

    static let cases: [Case] = ((try? Fixture.json("layers.json"))?["layers"]?.items ?? []).map(Case.init)

    @Test func fixturesArePresent() { #expect(Self.cases.count == 12) }

    @Test(arguments: cases)
    func matchesTorch(_ c: Case) throws {
        let json = c.json
        let network = try Network(ModelSpec(json: json["model"]!), inputShape: json["input_shape"]!.numbers.map { Int($0) })
        let layer = network.layers[0]
        let batch = json["batch"]!.int
        #expect(layer.outputShape == json["output_shape"]!.numbers.map { Int($0) })
        var x = json["x"]!.numbers, dy = json["dy"]!.numbers
        var y = [Double](repeating: .nan, count: batch * layer.outputCount)
        var dx = [Double](repeating: .nan, count: batch * layer.inputCount)
        var scratch = [Double](repeating: .nan, count: max(layer.scratchCount(batch: batch), 1))
        var weight = json["weight"]?["data"]?.numbers ?? [], bias = json["bias"]?["data"]?.numbers ?? []
        var dWeight = [Double](repeating: .nan, count: weight.count), dBias = [Double](repeating: .nan, count: bias.count)
        #expect(layer.parameterShapes.map(\.shape) == [json["weight"], json["bias"]].compactMap { $0?["shape"]?.numbers.map { Int($0) } })
        var random = SplitMix64(seed: 1)
        x.withUnsafeMutableBufferPointer { x in
            y.withUnsafeMutableBufferPointer { y in
                dx.withUnsafeMutableBufferPointer { dx in
                    dy.withUnsafeMutableBufferPointer { dy in
                        scratch.withUnsafeMutableBufferPointer { s in
                            weight.withUnsafeMutableBufferPointer { w in
                                bias.withUnsafeMutableBufferPointer { b in
                                    dWeight.withUnsafeMutableBufferPointer { dw in
                                        dBias.withUnsafeMutableBufferPointer { db in
                                            let buffers = LayerBuffers(
                                                batch: batch, input: x.baseAddress!, output: y.baseAddress!,
                                                inputGradient: dx.baseAddress!, outputGradient: dy.baseAddress!,
                                                weight: w.baseAddress, bias: b.baseAddress,
                                                weightGradient: dw.baseAddress, biasGradient: db.baseAddress, scratch: s.baseAddress!)
                                            layer.forward(buffers, mode: .training, random: &random)
                                            layer.backward(buffers, mode: .training)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        expectAllClose(y, json["y"]!.numbers, "y")
        expectAllClose(dx, json["dx"]!.numbers, "dx")
        if let w = json["weight"] { expectAllClose(dWeight, w["grad"]!.numbers, "dweight") }
        if let b = json["bias"] { expectAllClose(dBias, b["grad"]!.numbers, "dbias") }
    }

    @Test func crossEntropyMatchesTorch() throws {
        let ce = try #require(try Fixture.json("layers.json")["cross_entropy"])
        let z = ce["logits"]!.numbers, labels = ce["labels"]!.numbers.map { Int32($0) }
        let (n, k) = (ce["batch"]!.int, ce["classes"]!.int)
        var g = [Double](repeating: .nan, count: z.count)
        let loss = g.withUnsafeMutableBufferPointer { g in
            CrossEntropy.loss(logits: z, labels: labels, batch: n, classes: k, gradient: g.baseAddress!)
        }
        expectClose(loss, ce["loss"]!.double!, tolerance: 1e-13, "loss")
        expectAllClose(g, ce["grad"]!.numbers, "gradient")
        let (sum, _) = CrossEntropy.sumAndCorrect(logits: z, labels: labels, batch: n, classes: k)
        expectClose(sum / Double(n), loss, tolerance: 1e-15, "summed loss")
    }

    @Test func maxPoolFirstMaximumWinsOnTies() throws {
        // One 2×2 window of equal values: the gradient goes to the first (row-major) input only.
        let network = try Network(ModelSpec([.maxpool2d(kernel: [2, 2], stride: [2, 2])]), inputShape: [1, 2, 2])
        let layer = network.layers[0]
        var x = [3.0, 3, 3, 3], y = [0.0], dx = [Double](repeating: 9, count: 4), dy = [1.0], s = [0.0]
        var random = SplitMix64(seed: 0)
        withBuffers(&x, &y, &dx, &dy, &s) { b in
            layer.forward(b, mode: .training, random: &random)
            layer.backward(b, mode: .training)
        }
        #expect(y == [3])
        #expect(dx == [1, 0, 0, 0])
        // NaN as torch's CPU kernel: a NaN always replaces the maximum, so the last NaN wins.
        x = [1, .nan, 5, .nan]
        withBuffers(&x, &y, &dx, &dy, &s) { b in
            layer.forward(b, mode: .training, random: &random)
            layer.backward(b, mode: .training)
        }
        #expect(y[0].isNaN)
        #expect(dx == [0, 0, 0, 1])
    }

    @Test func reluPassesNaNAndZeroesTheRestAsTorch() throws {
        // torch.relu: NaN passes through, −0 and negatives become +0, +∞ stays; threshold_backward
        // passes dy only where y > 0 (so at 0 and at NaN the gradient is 0).
        let network = try Network(ModelSpec([.relu]), inputShape: [7])
        let layer = network.layers[0]
        var x = [-1.0, -0.0, 0, 2, .nan, -.infinity, .infinity], y = [Double](repeating: 9, count: 7)
        var dx = y, dy = [Double](repeating: 3, count: 7), s = [0.0]
        var random = SplitMix64(seed: 0)
        withBuffers(&x, &y, &dx, &dy, &s) { b in
            layer.forward(b, mode: .training, random: &random)
            layer.backward(b, mode: .training)
        }
        #expect(y[4].isNaN)
        #expect([0, 1, 2, 3, 5, 6].map { y[$0] } == [0, 0, 0, 2, 0, .infinity])
        #expect([0, 1, 2, 5].allSatisfy { y[$0].sign == .plus })
        #expect(dx == [0, 0, 0, 3, 0, 0, 3])
    }

    @Test func dropoutKeepsWithProbabilityOneMinusPAndScales() throws {
        let p = 0.25, count = 40_000
        let network = try Network(ModelSpec([.dropout(p: p)]), inputShape: [count])
        let layer = network.layers[0]
        var x = [Double](repeating: 2, count: count), y = x, dx = x, dy = [Double](repeating: 1, count: count)
        var s = [Double](repeating: 0, count: count)
        var random = SplitMix64(seed: 5)
        withBuffers(&x, &y, &dx, &dy, &s) { b in
            layer.forward(b, mode: .training, random: &random)
            layer.backward(b, mode: .training)
        }
        let kept = y.filter { $0 != 0 }
        #expect(kept.allSatisfy { $0 == 2 / (1 - p) })
        #expect(abs(Double(kept.count) / Double(count) - (1 - p)) < 0.01)
        // The backward pass uses the forward's mask.
        #expect(zip(y, dx).allSatisfy { ($0 == 0) == ($1 == 0) && ($0 == 0 || $1 == 1 / (1 - p)) })
        withBuffers(&x, &y, &dx, &dy, &s) { b in
            layer.forward(b, mode: .evaluation, random: &random)
            layer.backward(b, mode: .evaluation)
        }
        #expect(y == x)
        #expect(dx == dy)
    }

    func withBuffers(
        _ x: inout [Double], _ y: inout [Double], _ dx: inout [Double], _ dy: inout [Double], _ s: inout [Double],
        _ body: (LayerBuffers) -> Void
    ) {
        x.withUnsafeMutableBufferPointer { x in
            y.withUnsafeMutableBufferPointer { y in
                dx.withUnsafeMutableBufferPointer { dx in
                    dy.withUnsafeMutableBufferPointer { dy in
                        s.withUnsafeMutableBufferPointer { s in
                            body(LayerBuffers(
                                batch: 1, input: x.baseAddress!, output: y.baseAddress!, inputGradient: dx.baseAddress!,
                                outputGradient: dy.baseAddress!, weight: nil, bias: nil, weightGradient: nil, biasGradient: nil,
                                scratch: s.baseAddress!))
                        }
                    }
                }
            }
        }
    }
}

/// Every element within `tolerance`·max(1, |expected|) (1e-12: torch's sums in another order).
func expectAllClose(
    _ actual: [Double], _ expected: [Double], _ what: String, tolerance: Double = 1e-12,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard actual.count == expected.count else {
        Issue.record("\(what): \(actual.count) values, expected \(expected.count)", sourceLocation: sourceLocation)
        return
    }
    var worst = 0.0, at = 0
    for i in actual.indices {
        let e = abs(actual[i] - expected[i]) / max(1, abs(expected[i]))
        if !(e <= worst) { (worst, at) = (e, i) }
    }
    if !(worst <= tolerance) {
        Issue.record("\(what)[\(at)]: \(actual[at]) vs \(expected[at]) (error \(worst) > \(tolerance))", sourceLocation: sourceLocation)
    }
}

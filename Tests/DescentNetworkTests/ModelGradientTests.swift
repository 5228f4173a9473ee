import DescentBase
import DescentCore
import Testing
import TestSupport
@testable import DescentNetwork

/// A whole model's back-propagated gradient against central differences of its loss.
@Suite struct ModelGradientTests {
    @Test(arguments: [
        // Smooth layers: differences agree to ~1e-9.
        #"[{"conv2d": {"out_channels": 3, "kernel_size": 3, "padding": 1, "stride": 2}}, "tanh", {"avgpool2d": 2}, "flatten", {"linear": 5}, "tanh", {"linear": 4}]"#,
        // ReLU and max pooling: piecewise smooth, away from kinks for a step of 1e-6.
        #"[{"conv2d": {"out_channels": 3, "kernel_size": [3, 2]}}, "relu", {"maxpool2d": 2}, "flatten", {"dropout": 0.3}, {"linear": 4}]"#,
    ])
    func gradientMatchesFiniteDifferences(_ text: String) throws {
        let network = try Network(ModelSpec(json: JSONParser.parse(text)), inputShape: [2, 7, 6])
        var workspace = try Workspace(network: network, capacity: 5)
        var random = SplitMix64(seed: 3)
        let inputs = (0..<(5 * 84)).map { _ in random.nextGaussian() }
        workspace.load(inputs: inputs, labels: [0, 3, 1, 2, 3])
        let parameters = network.initialParameters(seed: 11).map { t in Tensor(shape: t.shape, scalars: t.scalars.map { 3 * $0 }) }
        workspace.setParameters(parameters)
        var masks = SplitMix64(seed: 9)
        _ = workspace.lossAndGradient(mode: .training, random: &masks)
        let gradient = Array(workspace.flatGradient)
        let theta = Array(workspace.flatParameters)
        let h = 1e-6
        var worst = 0.0
        for i in theta.indices {
            var unit = [Double](repeating: 0, count: theta.count)
            unit[i] = 1
            workspace.setParameters(theta[...], plus: h, times: unit)
            let plus = workspace.lossAndGradient(mode: .trainingReusingMasks, random: &masks)
            workspace.setParameters(theta[...], plus: -h, times: unit)
            let minus = workspace.lossAndGradient(mode: .trainingReusingMasks, random: &masks)
            let difference = (plus - minus) / (2 * h)
            worst = max(worst, abs(difference - gradient[i]) / max(1e-3, abs(gradient[i])))
        }
        #expect(worst < 1e-6, "worst relative difference \(worst)")
        #expect(gradient.contains { abs($0) > 1e-3 })
    }
}

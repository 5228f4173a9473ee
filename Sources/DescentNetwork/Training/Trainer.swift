import DescentBase
import DescentCore

/// Trains a network on a data set with any DescentCore optimizer (by name through
/// `OptimizerRegistry`), step by step as torch's loop, recording the mini-batch loss before
/// every step, validation loss and accuracy at the start, every epoch (or `validationInterval`)
/// and the end, checkpoints of the parameters, and time. A non-finite loss stops the run as
/// `diverged`; it is a result, not an error.
///
/// Optimizers see the parameters as torch's `model.parameters()`: one `Tensor` per `state_dict`
/// entry with torch's shape, so matrix optimizers (Muon, Shampoo, SOAP) see a conv weight
/// `[out, in, kh, kw]` as the out × (in·kh·kw) matrix torch's reshape gives (`Tensor.matrixShape`).
/// Each step goes through `Optimizer.step(_:objective:)` with a `BatchObjective` on the step's
/// batch, so LBFGS re-evaluates the batch and AdaHessian/SophiaH get Hessian–vector products.
public struct Trainer: Sendable {
    public let network: Network
    public let training: Dataset
    public let validation: Dataset
    public var settings: TrainingSettings

    /// Checks that the data fit the network and the settings their bounds.
    public init(network: Network, training: Dataset, validation: Dataset, settings: TrainingSettings) throws(NetworkError) {
        guard training.sampleShape == network.inputShape else {
            throw NetworkError(path: "model", "the model takes inputs of shape \(network.inputShape), the data set's samples are \(training.sampleShape)")
        }
        guard network.outputShape == [training.classes] else {
            throw NetworkError(path: "model", "the model's output shape is \(network.outputShape); cross-entropy over \(training.classes) classes needs [\(training.classes)] (end with {\"linear\": \(training.classes)})")
        }
        guard validation.count == 0 || (validation.sampleShape == training.sampleShape && validation.classes == training.classes) else {
            throw NetworkError(path: "validation", "the validation samples (shape \(validation.sampleShape), \(validation.classes) classes) differ from the training samples")
        }
        guard training.count > 0 else { throw NetworkError(path: "validation", "no training samples") }
        guard NetworkLimits.batchSize.contains(settings.batchSize) else {
            throw NetworkError(path: "batch_size", "expected \(NetworkLimits.batchSize.lowerBound)…\(NetworkLimits.batchSize.upperBound), got \(settings.batchSize)")
        }
        guard NetworkLimits.steps.contains(settings.steps) else {
            throw NetworkError(path: "steps", "expected \(NetworkLimits.steps.lowerBound)…\(NetworkLimits.steps.upperBound), got \(settings.steps)")
        }
        if let c = settings.clipGradNorm, !(c > 0 && c.isFinite) {
            throw NetworkError(path: "clip_grad_norm", "expected a positive number or null, got \(JSONWriter.number(c))")
        }
        if let v = settings.validationInterval, v < 1 { throw NetworkError(path: "validation_interval", "expected at least 1, got \(v)") }
        if let c = settings.checkpointInterval, c < 1 { throw NetworkError(path: "checkpoint_interval", "expected at least 1, got \(c)") }
        guard NetworkLimits.checkpoints.contains(settings.maximumCheckpoints) else {
            throw NetworkError(path: "checkpoints", "expected \(NetworkLimits.checkpoints.lowerBound)…\(NetworkLimits.checkpoints.upperBound), got \(settings.maximumCheckpoints)")
        }
        _ = try WorkspaceLayout(network: network, capacity: settings.batchSize)
        self.network = network
        self.training = training
        self.validation = validation
        self.settings = settings
    }

    /// Batches per epoch.
    public var stepsPerEpoch: Int { (training.count + settings.batchSize - 1) / settings.batchSize }

    /// Trains from `initial` (shaped as `network.parameters`); `onStep(step, loss)` is called
    /// after each step's loss is known (for progress lines).
    public func run(_ optimizer: any Optimizer, from initial: [Tensor], onStep: ((Int, Double) -> Void)? = nil) -> TrainingResult {
        run(opened: optimizer, from: initial, onStep: onStep)
    }

    func run<O: Optimizer>(opened optimizer: O, from initial: [Tensor], onStep: ((Int, Double) -> Void)?) -> TrainingResult {
        let clock = ContinuousClock()
        let started = clock.now
        var optimizer = optimizer
        var seeds = SplitMix64(seed: settings.seed)
        var schedule = BatchSchedule(count: training.count, batchSize: settings.batchSize, shuffle: settings.shuffle, seed: seeds.next())
        // The trainer's own bounds were checked in init; the workspace cannot fail here.
        let workspace = try! Workspace(network: network, capacity: settings.batchSize)
        var objective = BatchObjective(
            workspace: workspace, clipping: GradientClipping(maxNorm: settings.clipGradNorm), mode: .training, seed: seeds.next())
        var parameters = initial
        var checkpoints = CheckpointBuffer(interval: settings.checkpointInterval ?? Int.max, capacity: settings.maximumCheckpoints)
        checkpoints.record(step: 0, parameters, force: true)
        let perEpoch = stepsPerEpoch
        let validationEvery = settings.validationInterval ?? perEpoch
        var validations = [validate(parameters, step: 0, workspace: &objective.workspace)]
        var losses: [Double] = []
        losses.reserveCapacity(settings.steps)
        var stop = StopReason.completed
        var stepTime = Duration.zero
        for k in 0..<settings.steps {
            let t0 = clock.now
            objective.workspace.load(training, indices: schedule.indices(step: k))
            let loss = optimizer.step(&parameters, objective: &objective)
            stepTime += clock.now - t0
            guard loss.isFinite else {
                stop = .diverged(step: k)
                break
            }
            losses.append(loss)
            onStep?(k, loss)
            let done = k + 1
            checkpoints.record(step: done, parameters)
            if done % validationEvery == 0 && done < settings.steps {
                validations.append(validate(parameters, step: done, workspace: &objective.workspace))
            }
        }
        if !parameters.allSatisfy({ $0.scalars.allSatisfy(\.isFinite) }) {
            // The last step produced non-finite parameters: a divergence at the next loss.
            stop = .diverged(step: losses.count)
        }
        if case .completed = stop {
            checkpoints.record(step: losses.count, parameters, force: true)
            validations.append(validate(parameters, step: losses.count, workspace: &objective.workspace))
        }
        return TrainingResult(
            trainLoss: losses, validation: validations, stop: stop, parameters: parameters,
            checkpoints: checkpoints.checkpoints, evaluations: objective.evaluations,
            wallTime: Self.seconds(clock.now - started), stepTime: Self.seconds(stepTime))
    }

    /// Loss and accuracy over the validation set (evaluation mode), in batches of the workspace's capacity.
    func validate(_ parameters: [Tensor], step: Int, workspace: inout Workspace) -> TrainingResult.Validation {
        let (loss, accuracy) = Self.evaluate(validation, parameters, workspace: &workspace)
        return .init(step: step, epoch: Double(step) / Double(stepsPerEpoch), loss: loss, accuracy: accuracy)
    }

    /// Mean cross-entropy and accuracy of `parameters` on `data` (evaluation mode), in batches of
    /// the workspace's capacity; (nan, nan) for an empty set.
    public static func evaluate(_ data: Dataset, _ parameters: [Tensor], workspace: inout Workspace) -> (loss: Double, accuracy: Double) {
        guard data.count > 0 else { return (.nan, .nan) }
        workspace.setParameters(parameters)
        var sum = 0.0, correct = 0, start = 0
        while start < data.count {
            let end = min(start + workspace.capacity, data.count)
            workspace.load(data, indices: start..<end)
            let (s, c) = workspace.evaluate()
            sum += s
            correct += c
            start = end
        }
        return (sum / Double(data.count), Double(correct) / Double(data.count))
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}

import DescentBase

/// Runs an optimizer on a test function with the reference protocol, step by step:
///
///     loss = f(θ); g = ∇f(θ); clip_grad_norm_(g, max_norm); optimizer.step()
///
/// (for closure-driven optimizers such as LBFGS, that sequence is the closure). A non-finite
/// loss or point stops the run as `diverged` at that step; no NaN is recorded.
///
/// With `noise` (`GradientNoise`), the gradient the optimizer sees is perturbed at every step,
/// and the recorded losses are those of the noise-free function at the points.
public struct TrajectoryRunner: Sendable {
    public var steps: Int
    public var clipping: GradientClipping
    public var noise: GradientNoise?

    public init(steps: Int, clipping: GradientClipping = .standard, noise: GradientNoise? = nil) {
        self.steps = steps
        self.clipping = clipping
        self.noise = noise
    }

    /// The trajectory of `optimizer` (a fresh copy; the argument is not changed) from `start`.
    public func run(_ function: any TestFunction, _ optimizer: any Optimizer, from start: Point) -> Trajectory {
        Self.run(function, optimizer, start: start, steps: steps, clipping: clipping, noise: noise)
    }

    static func run<O: Optimizer>(
        _ function: any TestFunction, _ optimizer: O, start: Point, steps: Int, clipping: GradientClipping,
        noise: GradientNoise?
    ) -> Trajectory {
        var optimizer = optimizer
        var noise = noise
        var objective = PointObjective(function: function, clipping: clipping)
        var parameters = [Tensor([start.x, start.y])]
        var points = [start]
        var losses: [Double] = []
        points.reserveCapacity(steps + 1)
        losses.reserveCapacity(steps)
        var stop = StopReason.completed
        for k in 0..<steps {
            let loss: Double
            if noise != nil {
                objective.noise = noise!.next()
                loss = function(points[points.count - 1])  // noise-free, before the step
                _ = optimizer.step(&parameters, objective: &objective)
            } else {
                loss = optimizer.step(&parameters, objective: &objective)
            }
            let p = Point(parameters[0].scalars[0], parameters[0].scalars[1])
            // As the reference protocol: the loss a step returns and the point it reaches decide.
            // (A non-finite gradient shows in the point; LBFGS's inner evaluations may overflow
            // while its step stays finite, and then the run goes on, as in torch.)
            // The diverging step records neither its loss nor its point, as the reference
            // trajectories do, so `losses.count == points.count − 1` always.
            if !loss.isFinite || !p.isFinite {
                stop = .diverged(step: k)
                break
            }
            losses.append(loss)
            points.append(p)
        }
        return Trajectory(points: points, losses: losses, stop: stop)
    }
}

/// The objective of a 2-D trajectory: loss and exact, clipped gradient (reverse mode) of a test function at
/// the point held in a single parameter tensor of shape `[2]`.
public struct PointObjective: Objective {
    public let function: any TestFunction
    public let clipping: GradientClipping
    public private(set) var gradients = [Tensor([0, 0])]

    public init(function: any TestFunction, clipping: GradientClipping) {
        self.function = function
        self.clipping = clipping
    }

    /// Reverse mode on a reused tape, so the gradient rounds exactly as torch autograd's.
    let tape = GradientTape()

    /// The point of the last evaluation.
    var lastPoint = Point(0, 0)

    /// This step's gradient noise (u, v) (`GradientNoise`): the optimizer sees
    /// f + u·x + v·y and ∇f + (u, v), before clipping. Zero without noise.
    public var noise = (u: 0.0, v: 0.0)

    /// H·v from the function's exact Hessian (hyper-dual numbers) at the last point.
    public func hessianVectorProduct(_ vector: [Tensor]) -> [Tensor]? {
        let h = function.hessian(at: lastPoint).hessian
        let v = vector[0].scalars
        return [Tensor([h[0][0] * v[0] + h[0][1] * v[1], h[1][0] * v[0] + h[1][1] * v[1]])]
    }

    public mutating func evaluate(at parameters: [Tensor]) -> Double {
        lastPoint = Point(parameters[0].scalars[0], parameters[0].scalars[1])
        var (f, dx, dy) = function.valueAndGradient(at: lastPoint, on: tape)
        if noise != (0, 0) {
            f += noise.u * lastPoint.x + noise.v * lastPoint.y
            dx += noise.u
            dy += noise.v
        }
        clipping.apply(dx: &dx, dy: &dy)
        gradients[0].scalars[0] = dx
        gradients[0].scalars[1] = dy
        return f
    }
}

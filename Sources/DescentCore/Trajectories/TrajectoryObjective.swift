import DescentBase

/// How a hyperparameter search scores one trajectory (lower is better). A diverged trajectory
/// scores +∞ under every objective.
public enum TrajectoryObjective: String, CaseIterable, Sendable {
    /// ‖final point − nearest global minimum‖²: the reference search's objective.
    case distance
    /// f(final point) − f(global minimum).
    case loss
    /// The visualiser objective of kozistr/pytorch_optimizer (`examples/visualize_optimizers.py`),
    /// extended as Descent's issue specifies:
    ///
    ///     distance + 100·excursion + 0.4·mean(loss) + 0.1·mean‖step‖ + 0.2·(mean(loss) − min(loss))
    ///
    /// where excursion sums, over the four sides of the view window, the largest distance any
    /// point went beyond that side (kozistr's `total_violation`), and the losses are those
    /// before each step.
    case composite

    /// The score of `trajectory` on `function`.
    public func score(_ trajectory: Trajectory, on function: any TestFunction) -> Double {
        if trajectory.diverged { return .infinity }
        let final = trajectory.final
        let value: Double
        switch self {
        case .distance:
            value = final.squaredDistance(to: function.nearestMinimum(to: final))
        case .loss:
            value = function(final) - function.minimumValue
        case .composite:
            value = Self.composite(trajectory, on: function)
        }
        return value.isFinite ? value : .infinity
    }

    static func composite(_ t: Trajectory, on function: any TestFunction) -> Double {
        let final = t.final
        let distance = final.squaredDistance(to: function.nearestMinimum(to: final))
        let view = function.view
        var below = Point(0, 0), above = Point(0, 0)
        for p in t.points {
            below.x = max(below.x, view.x.lowerBound - p.x)
            above.x = max(above.x, p.x - view.x.upperBound)
            below.y = max(below.y, view.y.lowerBound - p.y)
            above.y = max(above.y, p.y - view.y.upperBound)
        }
        let excursion = below.x + above.x + below.y + above.y
        var stepLength = 0.0
        for k in t.points.indices.dropFirst() {
            stepLength += t.points[k].squaredDistance(to: t.points[k - 1]).squareRoot()
        }
        let meanStep = t.points.count > 1 ? stepLength / Double(t.points.count - 1) : 0
        let meanLoss = t.losses.isEmpty ? 0 : t.losses.reduce(0, +) / Double(t.losses.count)
        let minLoss = t.losses.min() ?? 0
        return distance + 100 * excursion + 0.4 * meanLoss + 0.1 * meanStep + 0.2 * (meanLoss - minLoss)
    }
}

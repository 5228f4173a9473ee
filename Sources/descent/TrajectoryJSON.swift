import DescentCore

/// The JSON of `descent trace`: shortest round-trip decimal for every number.
enum TrajectoryJSON {
    static func encode(_ t: Trajectory) -> String {
        var s = "{\"points\": ["
        s.reserveCapacity(t.points.count * 48 + 64)
        for (i, p) in t.points.enumerated() {
            if i > 0 { s += ", " }
            s += "[\(p.x), \(p.y)]"
        }
        s += "], \"losses\": ["
        for (i, l) in t.losses.enumerated() {
            if i > 0 { s += ", " }
            s += "\(l)"
        }
        s += "], \"diverged\": "
        switch t.stop {
        case .completed: s += "false"
        case .diverged(let step): s += "true, \"divergedAtStep\": \(step)"
        }
        return s + "}\n"
    }
}

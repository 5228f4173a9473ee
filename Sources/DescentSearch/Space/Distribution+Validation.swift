import DescentBase

extension Distribution {
    /// Throws when the bounds are not finite, the range is empty or inverted, q ≤ 0, a
    /// log range overflows, or a choice has no options.
    public func validate(key: String) throws(SearchSpaceError) {
        func check(_ name: String, _ a: Double, _ b: Double, log: Bool) throws(SearchSpaceError) {
            guard a.isFinite, b.isFinite else {
                throw .invalid(key: key, reason: "\(name) bounds must be finite, got [\(a), \(b)]")
            }
            guard a < b else {
                let what = a == b ? "empty range" : "inverted range"
                throw .invalid(key: key, reason: "\(name) has an \(what): low must be < high, got [\(a), \(b)]")
            }
            if log, !(LibM.exp(b).isFinite && b < 709) {
                throw .invalid(key: key, reason: "\(name) exponent \(b) overflows: e^high must be finite")
            }
        }
        func checkQ(_ name: String, _ q: Double) throws(SearchSpaceError) {
            guard q.isFinite, q > 0 else { throw .invalid(key: key, reason: "\(name) step q must be finite and > 0, got \(q)") }
        }
        switch self {
        case .uniform(let a, let b): try check("uniform", a, b, log: false)
        case .logUniform(let a, let b): try check("loguniform", a, b, log: true)
        case .quantizedUniform(let a, let b, let q):
            try check("quniform", a, b, log: false)
            try checkQ("quniform", q)
        case .quantizedLogUniform(let a, let b, let q):
            try check("qloguniform", a, b, log: true)
            try checkQ("qloguniform", q)
        case .choice(let options):
            guard !options.isEmpty else { throw .invalid(key: key, reason: "choice needs at least one option") }
            for option in options {
                if case .number(let d) = option, !d.isFinite {
                    throw .invalid(key: key, reason: "choice options must be finite, got \(d)")
                }
            }
        }
    }
}

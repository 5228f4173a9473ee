import DescentBase

extension Distribution {
    /// Throws when the bounds are not finite, the range is empty or inverted, its width
    /// high − low overflows, a log range overflows or underflows (e^high infinite, e^low 0),
    /// q ≤ 0 or too small or too large for the bounds (q·round(bound/q) or high − low + q
    /// overflows), or a choice has no options. A range too narrow to hold more than one or two
    /// doubles is valid: its searches repeat the values it holds.
    public func validate(key: String) throws(SearchSpaceError) {
        func check(_ name: String, _ a: Double, _ b: Double, log: Bool) throws(SearchSpaceError) {
            guard a.isFinite, b.isFinite else {
                throw .invalid(key: key, reason: "\(name) bounds must be finite, got [\(a), \(b)]")
            }
            guard a < b else {
                let what = a == b ? "empty range" : "inverted range"
                throw .invalid(key: key, reason: "\(name) has an \(what): low must be < high, got [\(a), \(b)]")
            }
            guard (b - a).isFinite else {
                throw .invalid(key: key, reason: "\(name) range [\(a), \(b)] is too wide: high − low overflows")
            }
            if log, !(LibM.exp(b).isFinite && b < 709) {
                throw .invalid(key: key, reason: "\(name) exponent \(b) overflows: e^high must be finite")
            }
            if log, !(LibM.exp(a) > 0) {
                throw .invalid(key: key, reason: "\(name) exponent \(a) underflows: e^low must be > 0")
            }
        }
        /// q > 0, the quantised values of the bounds `low`, `high` (values, not exponents)
        /// finite, and — for optuna's model, which widens a quantised uniform range by q/2 on
        /// each side — the widened width finite.
        func checkQ(_ name: String, _ q: Double, _ low: Double, _ high: Double, widened: Bool) throws(SearchSpaceError) {
            guard q.isFinite, q > 0 else { throw .invalid(key: key, reason: "\(name) step q must be finite and > 0, got \(q)") }
            for bound in [low, high] where !Self.quantize(bound, q).isFinite {
                throw .invalid(key: key, reason: "\(name) step q = \(q) does not fit the bound \(bound): q·round(bound/q) overflows")
            }
            if widened, !((high + q / 2) - (low - q / 2)).isFinite {
                throw .invalid(key: key, reason: "\(name) step q = \(q) is too large for the range: high − low + q overflows")
            }
        }
        switch self {
        case .uniform(let a, let b): try check("uniform", a, b, log: false)
        case .logUniform(let a, let b): try check("loguniform", a, b, log: true)
        case .quantizedUniform(let a, let b, let q):
            try check("quniform", a, b, log: false)
            try checkQ("quniform", q, a, b, widened: true)
        case .quantizedLogUniform(let a, let b, let q):
            try check("qloguniform", a, b, log: true)
            try checkQ("qloguniform", q, LibM.exp(a), LibM.exp(b), widened: false)
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

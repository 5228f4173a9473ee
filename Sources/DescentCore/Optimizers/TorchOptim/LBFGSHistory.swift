/// LBFGS's curvature memory — torch's `old_dirs` (y), `old_stps` (s) and `ro` (1 / y·s) — as a
/// ring of at most `capacity` pairs in two flat buffers: appending to a full memory overwrites
/// the oldest pair in place instead of shifting every array (torch's `pop(0)` + `append`), and
/// the two-loop recursion reads the pairs without copying them. The arithmetic on each pair is
/// unchanged (the same `dot` and `fma` in the same order), so trajectories are bit-identical.
public struct LBFGSHistory: Sendable {
    /// The most pairs kept (`history_size`).
    public private(set) var capacity: Int
    /// Elements per vector (the flattened parameter count), fixed by the first pair.
    public private(set) var width = 0
    /// Pairs held, at most `capacity`.
    public private(set) var count = 0
    /// The slot of the oldest pair.
    private var start = 0
    private var dirs: [Double] = []
    private var stps: [Double] = []
    private var rhos: [Double] = []

    public init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// The slot of pair `k` (0: the oldest).
    @inline(__always) private func slot(_ k: Int) -> Int {
        let s = start + k
        return s < capacity ? s : s - capacity
    }

    /// Remembers (y, s, ρ), overwriting the oldest pair when full. The buffers grow with the
    /// pairs (as torch's lists do), so a short history of a large network costs what it holds.
    public mutating func append(y: [Double], s: [Double], rho: Double) {
        if width != y.count {
            // The first pair (or another shape): start over.
            width = y.count
            (dirs, stps, rhos, count, start) = ([], [], [], 0, 0)
        }
        if count < capacity {
            // Not yet full: the ring has not turned (`start` is 0), pairs sit in order.
            dirs.append(contentsOf: y)
            stps.append(contentsOf: s)
            rhos.append(rho)
            count += 1
        } else {
            let k = start
            dirs.replaceSubrange(k * width..<(k + 1) * width, with: y)
            stps.replaceSubrange(k * width..<(k + 1) * width, with: s)
            rhos[k] = rho
            start = start + 1 == capacity ? 0 : start + 1
        }
    }

    /// torch's two-loop recursion: −H̃g with H̃₀ = `hDiag`·I, over the pairs newest to oldest
    /// and back — `al[i] = (s_i · q) ρ_i; q += −al[i] y_i`, `r = q·hDiag`,
    /// `be = (y_i · r) ρ_i; r += (al[i] − be) s_i`.
    public func direction(gradient: [Double], hDiag: Double) -> [Double] {
        var q = gradient.map { -$0 }
        var al = [Double](repeating: 0, count: count)
        let n = width
        return dirs.withUnsafeBufferPointer { y in
            stps.withUnsafeBufferPointer { s in
                q.withUnsafeMutableBufferPointer { q in
                    for i in stride(from: count - 1, through: 0, by: -1) {
                        let j = slot(i), k = j * n
                        al[i] = dot(UnsafeBufferPointer(rebasing: s[k..<k + n]), UnsafeBufferPointer(q)) * rhos[j]
                        for j in 0..<n { q[j] = add(q[j], y[k + j], alpha: -al[i]) }
                    }
                }
                var r = q.map { $0 * hDiag }
                r.withUnsafeMutableBufferPointer { r in
                    for i in 0..<count {
                        let j = slot(i), k = j * n
                        let be = dot(UnsafeBufferPointer(rebasing: y[k..<k + n]), UnsafeBufferPointer(r)) * rhos[j]
                        for j in 0..<n { r[j] = add(r[j], s[k + j], alpha: al[i] - be) }
                    }
                }
                return r
            }
        }
    }

    /// The pairs oldest first, as torch's lists: (`old_dirs`, `old_stps`, `ro`).
    public var pairs: (dirs: [[Double]], stps: [[Double]], ro: [Double]) {
        let ks = (0..<count).map(slot)
        return (ks.map { Array(dirs[$0 * width..<($0 + 1) * width]) }, ks.map { Array(stps[$0 * width..<($0 + 1) * width]) },
                ks.map { rhos[$0] })
    }
}

extension LBFGSHistory: Hashable {
    /// Equal when they hold the same pairs in the same order (wherever the ring starts).
    public static func == (a: Self, b: Self) -> Bool {
        a.capacity == b.capacity && a.count == b.count && a.pairs == b.pairs
    }

    public func hash(into h: inout Hasher) {
        let p = pairs
        h.combine(capacity)
        h.combine(p.dirs)
        h.combine(p.stps)
        h.combine(p.ro)
    }
}

/// `dot` on buffers: MKL's two interleaved accumulators, as `dot(_:_:)` on arrays.
@inline(__always) func dot(_ a: UnsafeBufferPointer<Double>, _ b: UnsafeBufferPointer<Double>) -> Double {
    var even = 0.0, odd = 0.0
    var i = 0
    while i + 1 < a.count {
        even += a[i] * b[i]
        odd += a[i + 1] * b[i + 1]
        i += 2
    }
    if i < a.count { even += a[i] * b[i] }
    return even + odd
}

import DescentBase
import DescentCore
import DescentSearch

/// Decodes and validates a benchmark config (see `Benchmark`) before any work; every problem
/// is one `ConfigError` naming the file and the JSON path, as for experiments:
///
///     {"name": "bench-small",
///      "benchmark": {"functions": ["rosenbrock", {"function": "rastrigin", "noise": 0.5}],
///                    "steps": 200, "targets": [1e-1, 1e-3, 1e-6],
///                    "tuning": {"evaluations": 10, "starts": 3, "seed": 0, "statistic": "mean_log_gap"},
///                    "evaluation": {"starts": 10, "seeds": 2, "seed": 1},
///                    "sensitivity": {"points": 9, "decades": 2}, "clip_grad_norm": 1.0},
///      "search": {"algorithm": "tpe", "space": {"lr": {"loguniform": [-8, 0.5]}}},
///      "optimizers": ["Adam", {"name": "SGD", "label": "SGD-momentum", "hyperparameters": {"momentum": 0.9}}]}
///
/// Left out, `functions` are the 12 built-ins and noisy (σ = 1) Rosenbrock, Rastrigin and
/// Beale, and `optimizers` every registered one.
public enum BenchmarkDecoder {
    /// The default noisy variants: DeepOBS-style noise of σ = 1 on three classic landscapes.
    static let defaultNoisy = ["rosenbrock", "rastrigin", "beale"]

    /// Decodes a parsed benchmark config; like `ExperimentDecoder.decode`, every independent part
    /// (each top-level key and `benchmark` member, each optimizer entry) is checked, and the error
    /// thrown carries every problem found.
    public static func decode(_ json: JSONValue, file: String, defaultName: String) throws(ConfigError) -> Benchmark {
        var root = ConfigNode(json, file: file)
        var errors = ConfigErrors(json)
        _ = errors.collect { () throws(ConfigError) in try root.optional("$schema") }
        let name = errors.collect { () throws(ConfigError) in try ExperimentDecoder.decodeName(&root, file: file, defaultName: defaultName) }
        var landscapes: [BenchmarkLandscape]?, steps: Int?, targets: [Double]?, clipping: GradientClipping?
        var tuning: Benchmark.Tuning?, evaluation: Benchmark.Evaluation?, sensitivity: Benchmark.Sensitivity?
        if var b = errors.collect({ () throws(ConfigError) in try root.required("benchmark") }) {
            landscapes = errors.collect { () throws(ConfigError) in try decodeLandscapes(try b.optional("functions"), file: file) }
            steps = errors.collect { () throws(ConfigError) in try b.optional("steps")?.int(in: Limits.steps) ?? 500 }
            targets = errors.collect { () throws(ConfigError) -> [Double] in
                guard let t = try b.optional("targets") else { return [1e-1, 1e-3, 1e-6] }
                let items = try t.list()
                guard (1...Limits.benchmarkTargets).contains(items.count) else {
                    throw t.error("between 1 and \(Limits.benchmarkTargets) targets, got \(items.count)")
                }
                var targets: [Double] = []
                for item in items { targets.append(try item.double(in: Limits.benchmarkTarget)) }
                guard Set(targets).count == targets.count else { throw t.error("the targets repeat a value") }
                return targets
            }
            tuning = errors.collect { () throws(ConfigError) in
                var tuning = Benchmark.Tuning()
                if var t = try b.optional("tuning") {
                    if let v = try t.optional("evaluations") { tuning.evaluations = try v.int(in: Limits.evaluations) }
                    if let v = try t.optional("starts") { tuning.starts = try v.int(in: Limits.benchmarkStarts) }
                    if let v = try t.optional("seed") { tuning.seed = UInt64(try v.int(in: 0...Int.max)) }
                    if let v = try t.optional("statistic") {
                        tuning.statistic = try v.choice(of: TuningStatistic.allCases, named: \.rawValue, what: "statistic")
                    }
                    try t.finish()
                }
                return tuning
            }
            evaluation = errors.collect { () throws(ConfigError) in
                var evaluation = Benchmark.Evaluation()
                if var e = try b.optional("evaluation") {
                    if let v = try e.optional("starts") { evaluation.starts = try v.int(in: Limits.benchmarkStarts) }
                    if let v = try e.optional("seeds") { evaluation.seeds = try v.int(in: Limits.benchmarkSeeds) }
                    if let v = try e.optional("seed") { evaluation.seed = UInt64(try v.int(in: 0...Int.max)) }
                    try e.finish()
                }
                return evaluation
            }
            sensitivity = errors.collect { () throws(ConfigError) in
                var sensitivity = Benchmark.Sensitivity()
                if var s = try b.optional("sensitivity") {
                    if let v = try s.optional("points") { sensitivity.points = try v.int(in: Limits.sensitivityPoints) }
                    if let v = try s.optional("decades") { sensitivity.decades = try v.double(in: 0.1...6) }
                    try s.finish()
                }
                return sensitivity
            }
            clipping = errors.collect { () throws(ConfigError) -> GradientClipping in
                switch try b.member("clip_grad_norm") {
                case nil: return .standard
                case let c? where c.value == .null: return .none
                case let c?: return GradientClipping(maxNorm: try c.double(in: Limits.clipGradNorm))
                }
            }
            _ = errors.collect { () throws(ConfigError) in try b.finish() }
        }

        let search = errors.collect { () throws(ConfigError) -> (SearchAlgorithm, JSONValue) in
            var algorithm = SearchAlgorithm.tpe(.hyperopt)
            var space = SearchSettings().space
            if var s = try root.optional("search") {
                if let a = try s.optional("algorithm") {
                    algorithm = try a.choice(of: SearchAlgorithm.allCases, named: \.name, what: "algorithm")
                }
                if let sp = try s.optional("space") {
                    guard case .object = sp.value else { throw sp.error("a search space is an object, got \(sp.value.kind)") }
                    do { _ = try SearchSpace(json: sp.value) } catch { throw sp.error("\(error)") }
                    space = sp.value
                }
                try s.finish()
            }
            return (algorithm, space)
        }
        // With a broken search space, entries are checked against none.
        let space = search?.1 ?? .object([])
        var optimizers: [OptimizerEntry]?
        if let list = errors.collect({ () throws(ConfigError) in try root.optional("optimizers") }) ?? nil {
            let counted: Void? = errors.collect { () throws(ConfigError) in
                let count = try list.list().count
                guard (1...Limits.optimizers.upperBound).contains(count) else {
                    throw list.error("between 1 and \(Limits.optimizers.upperBound) optimizers, got \(count)")
                }
            }
            if counted != nil { optimizers = ExperimentDecoder.decodeOptimizers(&root, defaultSpace: space, errors: &errors) }
        } else if search != nil {
            optimizers = errors.collect { () throws(ConfigError) in try everyOptimizer(space: space, file: file) }
        }
        _ = errors.collect { () throws(ConfigError) in try root.finish() }
        try errors.check()
        guard let name, let landscapes, let steps, let targets, let tuning, let evaluation, let sensitivity, let clipping,
              let search, let optimizers else {
            throw ConfigError(file: file, path: "", message: "internal error: a part decoded without a value or an error")
        }
        let benchmark = Benchmark(name: name, file: file, landscapes: landscapes, steps: steps, targets: targets,
                                  tuning: tuning, evaluation: evaluation, sensitivity: sensitivity, clipping: clipping,
                                  algorithm: search.0, optimizers: optimizers)
        if let excess = BenchmarkCost(benchmark).excess { throw ConfigError(file: file, path: excess.path, message: excess.message) }
        return benchmark
    }

    /// Every registered optimizer, each searching `space` — or, for one that rejects it (AliG
    /// has `max_lr`, not `lr`), the same prior on `max_lr`, or nothing.
    static func everyOptimizer(space: JSONValue, file: String) throws(ConfigError) -> [OptimizerEntry] {
        let prior = space["lr"].map { JSONValue.object([("max_lr", $0)]) }
        var optimizers: [OptimizerEntry] = []
        for type in OptimizerRegistry.all {
            let node = ConfigNode(.string(type.info.name), file: file, path: "optimizers")
            var entry: OptimizerEntry? = nil
            for candidate in [space, prior, .object([])].compactMap({ $0 }) where entry == nil {
                entry = try? ExperimentDecoder.decodeOptimizer(node, defaultSpace: candidate)
            }
            guard let entry else { throw node.error("\(type.info.name) accepts no search space") }
            optimizers.append(entry)
        }
        return optimizers
    }

    static func decodeLandscapes(_ node: ConfigNode?, file: String) throws(ConfigError) -> [BenchmarkLandscape] {
        guard let node else {
            let plain = FunctionCatalog.all.map { BenchmarkLandscape(name: $0.name, function: $0, noise: 0, minimumValue: $0.minimumValue) }
            let noisy = defaultNoisy.compactMap { name in FunctionCatalog.all.first { $0.name == name } }.map {
                BenchmarkLandscape(name: BenchmarkLandscape.defaultName($0.name, noise: 1), function: $0, noise: 1,
                                   minimumValue: $0.minimumValue)
            }
            return plain + noisy
        }
        let items = try node.list()
        guard (1...Limits.benchmarkLandscapes).contains(items.count) else {
            throw node.error("between 1 and \(Limits.benchmarkLandscapes) functions, got \(items.count)")
        }
        var out: [BenchmarkLandscape] = []
        for item in items {
            var noise = 0.0
            var function: any TestFunction
            var explicitName: String? = nil
            var nameNode = item
            if case .object(let members) = item.value, members.contains(where: { $0.key == "function" }) {
                var n = item
                function = try ExperimentDecoder.decodeFunction(try n.required("function"))
                if let s = try n.optional("noise") { noise = try s.double(in: Limits.noise) }
                if let nm = try n.optional("name") {
                    explicitName = try nm.string()
                    nameNode = nm
                }
                try n.finish()
            } else {
                function = try ExperimentDecoder.decodeFunction(item)
            }
            try ExperimentDecoder.checkFinite(function, in: function.view, start: function.defaultStart, file: file)
            let name = explicitName ?? BenchmarkLandscape.defaultName(function.name, noise: noise)
            if let problem = PortableName.problem(with: name) {
                throw nameNode.error("'\(Printable.text(name))' is not a usable file name: \(problem)")
            }
            guard !out.contains(where: { $0.name.lowercased() == name.lowercased() }) else {
                throw nameNode.error("two landscapes are named '\(name)'; give one a \"name\"")
            }
            let fStar = function.minimumValue
            guard fStar.isFinite else { throw item.error("the function's value at its declared minima is not finite") }
            out.append(BenchmarkLandscape(name: name, function: function, noise: noise, minimumValue: fStar))
        }
        return out
    }
}

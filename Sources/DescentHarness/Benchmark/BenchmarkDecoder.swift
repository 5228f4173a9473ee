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

    public static func decode(_ json: JSONValue, file: String, defaultName: String) throws(ConfigError) -> Benchmark {
        var root = ConfigNode(json, file: file)
        _ = try root.optional("$schema")
        let nameNode = try root.optional("name")
        let name = try nameNode?.string() ?? defaultName
        if let problem = PortableName.problem(with: name) {
            throw ConfigError(file: file, path: "name", message: "'\(Printable.text(name))' is not a usable folder name: \(problem)"
                + (nameNode == nil ? " (it comes from the file name; give the config a \"name\")" : ""))
        }
        var b = try root.required("benchmark")
        let landscapes = try decodeLandscapes(try b.optional("functions"), file: file)
        let steps = try b.optional("steps")?.int(in: Limits.steps) ?? 500
        var targets = [1e-1, 1e-3, 1e-6]
        if let t = try b.optional("targets") {
            let items = try t.list()
            guard (1...Limits.benchmarkTargets).contains(items.count) else {
                throw t.error("between 1 and \(Limits.benchmarkTargets) targets, got \(items.count)")
            }
            targets = []
            for item in items { targets.append(try item.double(in: Limits.benchmarkTarget)) }
            guard Set(targets).count == targets.count else { throw t.error("the targets repeat a value") }
        }
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
        var evaluation = Benchmark.Evaluation()
        if var e = try b.optional("evaluation") {
            if let v = try e.optional("starts") { evaluation.starts = try v.int(in: Limits.benchmarkStarts) }
            if let v = try e.optional("seeds") { evaluation.seeds = try v.int(in: Limits.benchmarkSeeds) }
            if let v = try e.optional("seed") { evaluation.seed = UInt64(try v.int(in: 0...Int.max)) }
            try e.finish()
        }
        var sensitivity = Benchmark.Sensitivity()
        if var s = try b.optional("sensitivity") {
            if let v = try s.optional("points") { sensitivity.points = try v.int(in: Limits.sensitivityPoints) }
            if let v = try s.optional("decades") { sensitivity.decades = try v.double(in: 0.1...6) }
            try s.finish()
        }
        let clipping: GradientClipping
        switch try b.member("clip_grad_norm") {
        case nil: clipping = .standard
        case let c? where c.value == .null: clipping = .none
        case let c?: clipping = GradientClipping(maxNorm: try c.double(in: Limits.clipGradNorm))
        }
        try b.finish()

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
        var optimizers: [OptimizerEntry] = []
        if let list = try root.optional("optimizers") {
            let nodes = try list.list()
            guard (1...Limits.optimizers.upperBound).contains(nodes.count) else {
                throw list.error("between 1 and \(Limits.optimizers.upperBound) optimizers, got \(nodes.count)")
            }
            for node in nodes {
                let entry = try ExperimentDecoder.decodeOptimizer(node, defaultSpace: space)
                if optimizers.contains(where: { $0.label.lowercased() == entry.label.lowercased() }) {
                    throw node.error("duplicate label '\(entry.label)' (give one of them a different \"label\")")
                }
                optimizers.append(entry)
            }
        } else {
            // Every registered optimizer, each searching the default space — or, for one that
            // rejects it (AliG has `max_lr`, not `lr`), the same prior on `max_lr`, or nothing.
            let prior = space["lr"].map { JSONValue.object([("max_lr", $0)]) }
            for type in OptimizerRegistry.all {
                let node = ConfigNode(.string(type.info.name), file: file, path: "optimizers")
                var entry: OptimizerEntry? = nil
                for candidate in [space, prior, .object([])].compactMap({ $0 }) where entry == nil {
                    entry = try? ExperimentDecoder.decodeOptimizer(node, defaultSpace: candidate)
                }
                guard let entry else { throw node.error("\(type.info.name) accepts no search space") }
                optimizers.append(entry)
            }
        }
        try root.finish()
        let benchmark = Benchmark(name: name, file: file, landscapes: landscapes, steps: steps, targets: targets,
                                  tuning: tuning, evaluation: evaluation, sensitivity: sensitivity, clipping: clipping,
                                  algorithm: algorithm, optimizers: optimizers)
        if let excess = BenchmarkCost(benchmark).excess { throw ConfigError(file: file, path: excess.path, message: excess.message) }
        return benchmark
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

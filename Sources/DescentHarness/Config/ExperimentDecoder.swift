import DescentBase
import DescentCore
import DescentRender
import DescentSearch
import Foundation

/// Decodes and validates an experiment config before any work is done. Every problem is one
/// `ConfigError` naming the file, the JSON path and what is wrong; the one thrown carries the
/// file's other independent problems (`ConfigErrors`).
/// Every number is checked against `Limits`.
public enum ExperimentDecoder {
    /// Reads and decodes the config at `path`.
    public static func load(_ path: String) throws(ConfigError) -> Experiment {
        let (text, name) = try readText(path)
        return try decode(text, file: path, defaultName: name)
    }

    /// The UTF-8 text of the config at `path` (at most `Limits.configFileSize` bytes) and the
    /// default name its file name gives.
    static func readText(_ path: String) throws(ConfigError) -> (text: String, defaultName: String) {
        let url = URL(fileURLWithPath: path)
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ConfigError(file: path, path: "", message: "cannot read the file (\(error.localizedDescription))")
        }
        guard data.count <= Limits.configFileSize else {
            throw ConfigError(file: path, path: "", message: "the file is larger than \(Limits.configFileSize) bytes")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, path: "", message: "the file is not UTF-8 text")
        }
        return (text, url.deletingPathExtension().lastPathComponent)
    }

    /// Parses config text strictly (`JSONParser`); the root must be an object.
    static func parse(_ text: String, file: String) throws(ConfigError) -> JSONValue {
        let json: JSONValue
        do { json = try JSONParser.parse(text) } catch {
            throw ConfigError(file: file, path: "", message: "invalid JSON at \(error)")
        }
        guard case .object = json else { throw ConfigError(file: file, path: "", message: "a config is a JSON object, got \(json.kind)") }
        return json
    }

    /// Decodes config text; `file` names it in errors.
    public static func decode(_ text: String, file: String, defaultName: String) throws(ConfigError) -> Experiment {
        try decode(try parse(text, file: file), file: file, defaultName: defaultName)
    }

    /// Decodes a parsed experiment config. Its independent parts (each top-level key, each
    /// optimizer entry) are all checked, and the error thrown carries every problem found
    /// (`ConfigError.others`).
    public static func decode(_ json: JSONValue, file: String, defaultName: String) throws(ConfigError) -> Experiment {
        var root = ConfigNode(json, file: file)
        var errors = ConfigErrors(json)

        _ = errors.collect { () throws(ConfigError) in try root.optional("$schema") }  // for editors; not Descent's
        let name = errors.collect { () throws(ConfigError) in try decodeName(&root, file: file, defaultName: defaultName) }
        // The landscape: the start is checked against the view, both default to the function's.
        let function = errors.collect { () throws(ConfigError) in try decodeFunction(try root.required("function")) }
        let view = errors.collect { () throws(ConfigError) -> ViewWindow? in
            try root.optional("view").map { n throws(ConfigError) in try decodeView(n) } ?? function?.view
        } ?? nil
        let start = errors.collect { () throws(ConfigError) -> Point? in
            guard let start = try root.optional("start")?.point() ?? function?.defaultStart else { return nil }
            if let view, !view.contains(start) {
                throw outsideView(start, view, startOf: root.value["start"] == nil ? function : nil,
                                  viewOf: root.value["view"] == nil ? function : nil, file: file)
            }
            return start
        } ?? nil
        if let function, let view, let start {
            _ = errors.collect { () throws(ConfigError) in try checkFinite(function, in: view, start: start, file: file) }
        }
        let levels = errors.collect { () throws(ConfigError) in try root.optional("levels").map { n throws(ConfigError) in try decodeLevels(n) } } ?? nil
        let steps = errors.collect { () throws(ConfigError) in try root.optional("steps")?.int(in: Limits.steps) ?? 500 }
        let clipping = errors.collect { () throws(ConfigError) -> GradientClipping in
            switch try root.member("clip_grad_norm") {
            case nil: return .standard
            case let c? where c.value == .null: return .none
            case let c?: return GradientClipping(maxNorm: try c.double(in: Limits.clipGradNorm))
            }
        }
        let search = errors.collect { () throws(ConfigError) in
            try root.optional("search").map { n throws(ConfigError) in try decodeSearch(n) } ?? SearchSettings()
        }
        let figures = errors.collect { () throws(ConfigError) in
            try root.optional("figures").map { n throws(ConfigError) in try decodeFigures(n) } ?? FigureSettings()
        }
        // Each entry on its own; with a broken search space, entries are checked against none.
        if root.value["levels"] != nil, figures?.levels != nil {
            _ = errors.collect { () throws(ConfigError) in
                throw ConfigError(file: file, path: "figures.levels", message: "levels are given twice, here and at the top level; keep one")
            }
        }
        let optimizers = decodeOptimizers(&root, defaultSpace: search?.space ?? .object([]), errors: &errors)
        _ = errors.collect { () throws(ConfigError) in try root.finish() }
        try errors.check()
        guard let name, let function, let view, let start, let steps, let clipping, let search, let figures, let optimizers else {
            throw ConfigError(file: file, path: "", message: "internal error: a part decoded without a value or an error")
        }
        let experiment = Experiment(name: name, file: file, function: function, start: start, view: view,
                                    levels: levels ?? figures.levels ?? function.levels, steps: steps, clipping: clipping, search: search,
                                    figures: figures, optimizers: optimizers)
        if let (path, message) = ExperimentCost(experiment).excess { throw ConfigError(file: file, path: path, message: message) }
        return experiment
    }

    /// The config's `name`, else `defaultName` (the file's), checked to be usable as a folder name.
    static func decodeName(_ root: inout ConfigNode, file: String, defaultName: String) throws(ConfigError) -> String {
        let nameNode = try root.optional("name")
        let name = try nameNode?.string() ?? defaultName
        if let problem = PortableName.problem(with: name) {
            throw ConfigError(file: file, path: "name", message: "'\(Printable.text(name))' is not a usable folder name: \(problem)"
                + (nameNode == nil ? " (it comes from the file name; give the config a \"name\")" : ""))
        }
        return name
    }

    /// "start [5, 5] is outside the view x [-2, 2], y [-1, 3] (rosenbrock's default; …)": the
    /// view, and where the start and the view come from when not from the config (`function`'s
    /// defaults).
    static func outsideView(_ start: Point, _ view: ViewWindow, startOf function: (any TestFunction)?,
                            viewOf viewFunction: (any TestFunction)?, file: String) -> ConfigError {
        let startOrigin = function.map { " (\($0.name)'s default start)" } ?? ""
        let viewOrigin = viewFunction.map { "\($0.name)'s default view; give a \"view\" that contains the start" } ?? "the config's \"view\""
        return ConfigError(file: file, path: "start",
                           message: "start [\(JSONWriter.number(start.x)), \(JSONWriter.number(start.y))]\(startOrigin) is outside the view \(view.text) (\(viewOrigin))")
    }

    /// The `optimizers` list, each entry decoded on its own (`decodeOptimizer`) with its problems
    /// recorded in `errors`; `nil` when any entry or the list itself is wrong.
    static func decodeOptimizers(_ root: inout ConfigNode, defaultSpace: JSONValue, errors: inout ConfigErrors) -> [OptimizerEntry]? {
        let file = root.file
        guard let nodes = errors.collect({ () throws(ConfigError) -> [ConfigNode] in
            let nodes = try root.required("optimizers").list()
            guard !nodes.isEmpty else { throw ConfigError(file: file, path: "optimizers", message: "the list of optimizers is empty") }
            guard nodes.count <= Limits.optimizers.upperBound else {
                throw ConfigError(file: file, path: "optimizers",
                                  message: "\(nodes.count) optimizers; at most \(Limits.optimizers.upperBound) per config")
            }
            return nodes
        }) else { return nil }
        var optimizers: [OptimizerEntry] = []
        var complete = true
        for node in nodes {
            let entry = errors.collect { () throws(ConfigError) in
                let entry = try decodeOptimizer(node, defaultSpace: defaultSpace)
                if optimizers.contains(where: { $0.label.lowercased() == entry.label.lowercased() }) {
                    throw node.error("duplicate label '\(entry.label)' (give one of them a different \"label\")")
                }
                return entry
            }
            if let entry { optimizers.append(entry) } else { complete = false }
        }
        return complete ? optimizers : nil
    }

    /// A landscape with no finite value in its view can be neither contoured nor descended: a
    /// config error, found here rather than by every optimizer's run (`hasFiniteValue`: a
    /// 16 × 16 grid over the view, the declared minima and the start).
    static func checkFinite(_ f: any TestFunction, in view: ViewWindow, start: Point, file: String) throws(ConfigError) {
        guard f.hasFiniteValue(in: view, start: start) else {
            throw ConfigError(file: file, path: "function",
                              message: "'\(Printable.text(f.formula))' has no finite value anywhere in the view x \(view.x), y \(view.y)")
        }
    }

    static func decodeFunction(_ node: ConfigNode) throws(ConfigError) -> any TestFunction {
        if case .string(let name) = node.value {
            do { return try FunctionCatalog.named(name) } catch { throw node.error("\(error)") }
        }
        var n = node
        let formula = try n.required("expression").string()
        let nameNode = try n.optional("name")
        let name = try nameNode?.string() ?? "custom"
        if let nameNode, let problem = PortableName.problem(with: name) {
            throw nameNode.error("'\(Printable.text(name))' is not a usable file name: \(problem)")
        }
        let minimaNodes = try n.required("minima").list()
        guard !minimaNodes.isEmpty else { throw n.error("'minima' needs at least one point") }
        var minima: [Point] = []
        for m in minimaNodes { minima.append(try m.point()) }
        let view = try decodeView(try n.required("view"))
        let start = try n.optional("start")?.point() ?? Point(view.x.lowerBound + 0.1 * (view.x.upperBound - view.x.lowerBound),
                                                               view.y.upperBound - 0.1 * (view.y.upperBound - view.y.lowerBound))
        let levels = try n.optional("levels").map { l throws(ConfigError) in try decodeLevels(l) } ?? .automatic(count: 20)
        try n.finish()
        do {
            return try ExpressionFunction(name: name, formula: formula, minima: minima, start: start, view: view, levels: levels)
        } catch {
            throw ConfigError(file: node.file, path: node.child("expression"), message: "\(error): \(error.excerpt)")
        }
    }

    static func decodeView(_ node: ConfigNode) throws(ConfigError) -> ViewWindow {
        var n = node
        let x = try n.required("x").interval()
        let y = try n.required("y").interval()
        try n.finish()
        let view = ViewWindow(x: x, y: y)
        guard view.isDrawable else {
            throw n.error("the view x \(x), y \(y) is too wide to draw: its width and height must be finite")
        }
        return view
    }

    static func decodeLevels(_ node: ConfigNode) throws(ConfigError) -> ContourLevels {
        if case .number = node.value { return .automatic(count: try node.int(in: Limits.levels)) }
        if case .array = node.value {
            var values: [Double] = []
            let items = try node.list()
            guard items.count <= Limits.explicitLevels.upperBound else {
                throw node.error("\(items.count) levels; at most \(Limits.explicitLevels.upperBound)")
            }
            for v in items { values.append(try v.double()) }
            guard !values.isEmpty else { throw node.error("the list of levels is empty") }
            guard zip(values, values.dropFirst()).allSatisfy({ $0 < $1 }) else { throw node.error("levels must increase") }
            return .explicit(values)
        }
        var n = node
        if let c = try n.optional("count") {
            try n.finish()
            return .automatic(count: try c.int(in: Limits.levels))
        }
        let l = try n.required("logspace").list()
        guard l.count == 3 else { throw n.error("logspace is [from, to, count] (exponents of 10)") }
        let from = try l[0].double(in: Limits.logspaceExponent), to = try l[1].double(in: Limits.logspaceExponent)
        guard from < to else { throw l[1].error("logspace needs from < to") }
        let count = try l[2].int(in: Limits.logspaceLevels)
        try n.finish()
        return .logSpaced(from: from, to: to, count: count)
    }

    static func decodeSearch(_ node: ConfigNode) throws(ConfigError) -> SearchSettings {
        var n = node
        var s = SearchSettings()
        try decodeSampling(&n, into: &s)
        if let o = try n.optional("objective") {
            s.objective = try o.choice(of: TrajectoryObjective.allCases, named: \.rawValue, what: "objective")
        }
        if let st = try n.optional("steps") { s.steps = try st.int(in: Limits.steps) }
        if let t = try n.optional("threshold") { s.threshold = try t.double() }
        guard s.evaluations * s.steps <= Limits.searchWork else {
            throw n.error("evaluations × steps = \(s.evaluations * s.steps) is more than \(Limits.searchWork) optimizer steps per search")
        }
        if let space = try n.optional("space") { s.space = try decodeSpace(space) }
        try n.finish()
        return s
    }

    /// The keys every `search` block has, read from `n` in this order (the order the
    /// unknown-key message lists them in): `algorithm`, `evaluations`, `seed`.
    static func decodeSampling(_ n: inout ConfigNode, into s: inout some SearchSampling) throws(ConfigError) {
        if let a = try n.optional("algorithm") {
            s.algorithm = try a.choice(of: SearchAlgorithm.allCases, named: \.name, what: "algorithm")
        }
        if let e = try n.optional("evaluations") { s.evaluations = try e.int(in: Limits.evaluations) }
        if let seed = try n.optional("seed") { s.seed = UInt64(try seed.int(in: 0...Int.max)) }
    }

    /// A search block's default `space`: an object the search-space parser accepts (checked
    /// here even when every optimizer brings its own space).
    static func decodeSpace(_ space: ConfigNode) throws(ConfigError) -> JSONValue {
        guard case .object = space.value else { throw space.error("a search space is an object, got \(space.value.kind)") }
        do { _ = try SearchSpace(json: space.value) } catch { throw space.error("\(error)") }
        return space.value
    }

    static func decodeFigures(_ node: ConfigNode) throws(ConfigError) -> FigureSettings {
        var n = node
        var f = FigureSettings()
        if let v = try n.optional("png") { f.png = try v.bool() }
        if let v = try n.optional("svg") { f.svg = try v.bool() }
        if let v = try n.optional("pdf") { f.pdf = try v.bool() }
        if let v = try n.optional("gif") { f.gif = try v.bool() }
        if let v = try n.optional("race") { f.race = try v.bool() }
        if let v = try n.optional("loss_curve") { f.lossCurve = try v.bool() }
        if let v = try n.optional("size") { f.size = try v.int(in: Limits.figureSize) }
        if let v = try n.optional("fps") { f.fps = try v.int(in: Limits.fps) }
        if let v = try n.optional("tail") { f.tail = try v.int(in: Limits.tail) }
        if let v = try n.optional("fade") { f.fade = try v.int(in: Limits.fade) }
        if let v = try n.optional("stride") { f.stride = try v.int(in: Limits.stride) }
        if let v = try n.optional("grid") { f.grid = try v.int(in: Limits.grid) }
        if let v = try n.optional("colormap") {
            let name = try v.string()
            do { f.colorMap = try ColorMap.named(name).name } catch { throw v.error("\(error)") }
        }
        if let v = try n.optional("filled") { f.filled = try v.bool() }
        if let v = try n.optional("levels") { f.levels = try decodeLevels(v) }
        try n.finish()
        return f
    }

    static func decodeOptimizer(_ node: ConfigNode, defaultSpace: JSONValue) throws(ConfigError) -> OptimizerEntry {
        if case .string(let name) = node.value {
            let type = try optimizerType(name, node)
            let searchSpace = try space(defaultSpace, fixed: [:], for: type, at: node, path: "search.space")
            return OptimizerEntry(type: type, label: type.info.name, hyperparameters: [:], space: defaultSpace,
                                  searchSpace: searchSpace)
        }
        var n = node
        let nameNode = try n.required("name")
        let type = try optimizerType(try nameNode.string(), nameNode)
        let label = try n.optional("label")?.string() ?? type.info.name
        if let problem = PortableName.problem(with: label) {
            throw ConfigError(file: node.file, path: node.child("label"),
                              message: "'\(Printable.text(label))' is not a usable file name: \(problem)")
        }
        if let reserved = reservedLabels.first(where: { $0 == label.lowercased() }) {
            throw ConfigError(file: node.file, path: node.child("label"),
                              message: "'\(label)' names the experiment's own \(reserved) figures (<function>_\(reserved).png); choose another label")
        }
        var hyperparameters: Hyperparameters = [:]
        if let h = try n.optional("hyperparameters") {
            guard case .object = h.value else { throw h.error("hyperparameters are an object, got \(h.value.kind)") }
            do { hyperparameters = try Hyperparameters(json: h.value) } catch {
                // "betas[1]": the member's path, then the element's index.
                let key = error.key ?? "", member = String(key.prefix { $0 != "[" })
                throw ConfigError(file: node.file, path: h.child(member) + key.dropFirst(member.count), message: error.reason)
            }
            do { _ = try type.init(hyperparameters) } catch {
                throw ConfigError(file: node.file, path: h.child(errorKey(error) ?? ""), message: "\(error)")
            }
        }
        let spaceNode = try n.optional("space")
        let space = spaceNode?.value ?? defaultSpace
        let searchSpace = try Self.space(space, fixed: hyperparameters, for: type, at: node,
                                         path: spaceNode == nil ? "search.space" : node.child("space"))
        try n.finish()
        return OptimizerEntry(type: type, label: label, hyperparameters: hyperparameters, space: space,
                              searchSpace: searchSpace)
    }

    /// Parses a space and checks, before any work, that the optimizer accepts every value the
    /// search can draw: each searched dimension at its lower and upper end (the others at
    /// their lower ends) must build the optimizer.
    static func space(_ json: JSONValue, fixed: Hyperparameters, for type: any Optimizer.Type, at node: ConfigNode,
                      path: String) throws(ConfigError) -> SearchSpace {
        let searchSpace: SearchSpace
        do {
            searchSpace = try SearchSpace(json: json).addingFixed(fixed)
        } catch {
            throw ConfigError(file: node.file, path: path, message: "\(error)")
        }
        let extremes = searchSpace.dimensions.map { Self.extremes(of: $0.distribution) }
        let lows = extremes.map { $0[0] }
        var corners = [lows]
        for (i, values) in extremes.enumerated() {
            for v in values.dropFirst() {
                var corner = lows
                corner[i] = v
                corners.append(corner)
            }
        }
        for x in corners {
            let assignment = searchSpace.assignment(x)
            do { _ = try type.init(assignment) } catch {
                throw ConfigError(file: node.file, path: path,
                                  message: "the optimizer rejects values this space can draw (\(JSONWriter.string(assignment.json, pretty: false))): \(error)")
            }
        }
        return searchSpace
    }

    /// The coordinates at the ends of a prior: its bounds (as values), or every option.
    static func extremes(of d: Distribution) -> [Double] {
        switch d {
        case .uniform(let a, let b): return [a, b.nextDown]  // draws are in [a, b)
        case .logUniform(let a, let b): return [LibM.exp(a), LibM.exp(b).nextDown]
        case .quantizedUniform(let a, let b, let q): return [Distribution.quantize(a, q), Distribution.quantize(b, q)]
        case .quantizedLogUniform(let a, let b, let q):
            return [Distribution.quantize(LibM.exp(a), q), Distribution.quantize(LibM.exp(b), q)]
        case .choice(let options): return options.indices.map(Double.init)
        }
    }

    /// Labels whose figure files (`<function>_<label>.<ext>`) are the experiment's own.
    static let reservedLabels = ["race", "loss"]

    static func optimizerType(_ name: String, _ node: ConfigNode) throws(ConfigError) -> any Optimizer.Type {
        do { return try OptimizerRegistry.type(named: name) } catch { throw node.error("\(error)") }
    }

    /// The key an optimizer error is about, for the JSON path.
    static func errorKey(_ error: OptimizerError) -> String? {
        switch error {
        case .unknownOptimizer: return nil
        case .unknownHyperparameter(_, let key, _), .wrongType(_, let key, _, _), .outOfRange(_, let key, _, _),
             .invalidChoice(_, let key, _, _):
            return key.split(separator: "[").first.map(String.init)
        }
    }
}

/// One config file of any kind `descent run` takes: a 2-D experiment, a benchmark (a config
/// with a `benchmark` key) or a network study (a config with a `model` key). Each is validated
/// in full before any work.
public enum ConfigFile: Sendable {
    case experiment(Experiment)
    case benchmark(Benchmark)
    case study(Study)

    public var name: String {
        switch self {
        case .experiment(let e): e.name
        case .benchmark(let b): b.name
        case .study(let s): s.name
        }
    }

    public var file: String {
        switch self {
        case .experiment(let e): e.file
        case .benchmark(let b): b.file
        case .study(let s): s.file
        }
    }

    /// Every optimizer label and registry name, lower-cased (for `--only`).
    public var optimizerNames: Set<String> {
        let entries: [OptimizerEntry]
        switch self {
        case .experiment(let e): entries = e.optimizers
        case .benchmark(let b): entries = b.optimizers
        case .study(let s): entries = s.optimizers
        }
        return Set(entries.flatMap { [$0.label.lowercased(), $0.type.info.name.lowercased()] })
    }

    /// Reads and decodes the config at `path`.
    public static func load(_ path: String) throws(ConfigError) -> ConfigFile {
        let (text, name) = try ExperimentDecoder.readText(path)
        return try decode(text, file: path, defaultName: name)
    }

    /// Decodes config text of either kind; `file` names it in errors.
    public static func decode(_ text: String, file: String, defaultName: String) throws(ConfigError) -> ConfigFile {
        let json = try ExperimentDecoder.parse(text, file: file)
        if json["model"] != nil {
            return .study(try StudyDecoder.decode(json, file: file, defaultName: defaultName))
        }
        if json["benchmark"] != nil {
            return .benchmark(try BenchmarkDecoder.decode(json, file: file, defaultName: defaultName))
        }
        return .experiment(try ExperimentDecoder.decode(json, file: file, defaultName: defaultName))
    }
}

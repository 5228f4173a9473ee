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

    /// Every optimizer label, in config order (what `--only` names).
    public var optimizerLabels: [String] {
        switch self {
        case .experiment(let e): e.optimizers.map(\.label)
        case .benchmark(let b): b.optimizers.map(\.label)
        case .study(let s): s.optimizers.map(\.label)
        }
    }

    /// Reads and decodes the config at `path`.
    public static func load(_ path: String) throws(ConfigError) -> ConfigFile {
        var warnings: [ConfigWarning] = []
        return try load(path, warnings: &warnings)
    }

    /// Reads and decodes the config at `path`; what it probably does not mean goes to `warnings`
    /// (also when it is invalid: those are found before decoding).
    public static func load(_ path: String, warnings: inout [ConfigWarning]) throws(ConfigError) -> ConfigFile {
        let (text, name) = try ExperimentDecoder.readText(path)
        return try decode(text, file: path, defaultName: name, warnings: &warnings)
    }

    /// Decodes config text of either kind; `file` names it in errors.
    public static func decode(_ text: String, file: String, defaultName: String) throws(ConfigError) -> ConfigFile {
        var warnings: [ConfigWarning] = []
        return try decode(text, file: file, defaultName: defaultName, warnings: &warnings)
    }

    /// Decodes config text of either kind, adding its warnings to `warnings`.
    public static func decode(_ text: String, file: String, defaultName: String,
                              warnings: inout [ConfigWarning]) throws(ConfigError) -> ConfigFile {
        let json = try ExperimentDecoder.parse(text, file: file)
        warnings += ConfigWarning.find(in: json, file: file)
        if json["model"] != nil {
            return .study(try StudyDecoder.decode(json, file: file, defaultName: defaultName))
        }
        if json["benchmark"] != nil {
            return .benchmark(try BenchmarkDecoder.decode(json, file: file, defaultName: defaultName))
        }
        return .experiment(try ExperimentDecoder.decode(json, file: file, defaultName: defaultName))
    }
}

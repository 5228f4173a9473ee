import DescentBase

/// Reads one layer of a model spec from JSON, every error naming its JSON path; `ModelSpec`'s parser.
struct SpecReader {
    var file: String

    func error(_ path: String, _ message: String) -> NetworkError {
        NetworkError(file: file, path: path, message)
    }

    func layer(_ item: JSONValue, path: String) throws(NetworkError) -> LayerSpec {
        let name: String, body: JSONValue?, bodyPath: String
        switch item {
        case .string(let s):
            (name, body, bodyPath) = (s, nil, path)
        case .object(let members) where members.count == 1:
            name = members[0].key
            bodyPath = "\(path).\(Printable.text(name, limit: 40))"
            body = members[0].value
        case .object(let members):
            throw error(path, "a layer is an object with one key (its name), got \(members.count) keys")
        default:
            throw error(path, "expected a layer name or {\"name\": parameters}, got \(item.kind)")
        }
        guard LayerSpec.names.contains(name) else {
            throw error(path, "unknown layer '\(Printable.text(name, limit: 40))'; valid layers: \(LayerSpec.names.joined(separator: ", "))")
        }
        switch name {
        case "relu", "tanh", "flatten":
            if let body, body != .null, body != .object([]) {
                throw error(bodyPath, "\(name) has no parameters, got \(body.kind)")
            }
            return name == "relu" ? .relu : name == "tanh" ? .tanh : .flatten
        case "conv2d":
            guard let body else { throw error(path, "conv2d needs out_channels and kernel_size: {\"conv2d\": {\"out_channels\": 8, \"kernel_size\": 3}}") }
            var o = try object(body, bodyPath, keys: ["out_channels", "kernel_size", "stride", "padding", "bias"])
            let out = try integer(o.take("out_channels"), "\(bodyPath).out_channels", NetworkLimits.width, required: true)!
            let kernel = try pairValue(o.take("kernel_size"), "\(bodyPath).kernel_size", NetworkLimits.kernel, required: true)!
            let stride = try pairValue(o.take("stride"), "\(bodyPath).stride", NetworkLimits.stride) ?? [1, 1]
            let padding = try pairValue(o.take("padding"), "\(bodyPath).padding", NetworkLimits.padding) ?? [0, 0]
            let bias = try boolean(o.take("bias"), "\(bodyPath).bias") ?? true
            return .conv2d(outChannels: out, kernel: kernel, stride: stride, padding: padding, bias: bias)
        case "maxpool2d", "avgpool2d":
            guard let body else { throw error(path, "\(name) needs a kernel size: {\"\(name)\": 2}") }
            let kernel: [Int], stride: [Int]?
            if case .object = body {
                var o = try object(body, bodyPath, keys: ["kernel_size", "stride"])
                kernel = try pairValue(o.take("kernel_size"), "\(bodyPath).kernel_size", NetworkLimits.kernel, required: true)!
                stride = try pairValue(o.take("stride"), "\(bodyPath).stride", NetworkLimits.stride)
            } else {
                kernel = try pairValue(body, bodyPath, NetworkLimits.kernel, required: true)!
                stride = nil
            }
            return name == "maxpool2d" ? .maxpool2d(kernel: kernel, stride: stride ?? kernel) : .avgpool2d(kernel: kernel, stride: stride ?? kernel)
        case "linear":
            guard let body else { throw error(path, "linear needs out_features: {\"linear\": 10}") }
            if case .object = body {
                var o = try object(body, bodyPath, keys: ["out_features", "bias"])
                let out = try integer(o.take("out_features"), "\(bodyPath).out_features", NetworkLimits.width, required: true)!
                let bias = try boolean(o.take("bias"), "\(bodyPath).bias") ?? true
                return .linear(outFeatures: out, bias: bias)
            }
            return .linear(outFeatures: try integer(body, bodyPath, NetworkLimits.width, required: true)!, bias: true)
        default:  // dropout
            var pValue: JSONValue? = body, pPath = bodyPath
            if let body, case .object = body {
                var o = try object(body, bodyPath, keys: ["p"])
                (pValue, pPath) = (o.take("p"), "\(bodyPath).p")
            }
            guard let pValue, pValue != .null else { return .dropout(p: 0.5) }
            guard case .number(let p) = pValue, p >= 0, p <= 1 else {
                throw error(pPath, "dropout's p is a probability 0…1, got \(describe(pValue))")
            }
            return .dropout(p: p)
        }
    }

    /// The members of a parameter object, checked against `keys`.
    func object(_ value: JSONValue, _ path: String, keys: [String]) throws(NetworkError) -> Members {
        guard case .object(let members) = value else { throw error(path, "expected an object, got \(value.kind)") }
        for m in members where !keys.contains(m.key) {
            throw error("\(path).\(Printable.text(m.key, limit: 40))", "unknown key '\(Printable.text(m.key, limit: 40))'; valid keys here: \(keys.joined(separator: ", "))")
        }
        return Members(members: members)
    }

    struct Members {
        var members: [(key: String, value: JSONValue)]
        mutating func take(_ key: String) -> JSONValue? {
            members.first { $0.key == key }.flatMap { $0.value == .null ? nil : $0.value }
        }
    }

    func integer(_ value: JSONValue?, _ path: String, _ range: ClosedRange<Int>, required: Bool = false) throws(NetworkError) -> Int? {
        guard let value else {
            if required { throw error(path, "missing (an integer \(range.lowerBound)…\(range.upperBound))") }
            return nil
        }
        guard case .number(let d) = value, d == d.rounded(), d >= Double(range.lowerBound), d <= Double(range.upperBound) else {
            throw error(path, "expected an integer \(range.lowerBound)…\(range.upperBound), got \(describe(value))")
        }
        return Int(d)
    }

    /// A number n (→ [n, n]) or a pair [height, width], as torch's `_pair`.
    func pairValue(_ value: JSONValue?, _ path: String, _ range: ClosedRange<Int>, required: Bool = false) throws(NetworkError) -> [Int]? {
        guard let value else {
            if required { throw error(path, "missing (an integer \(range.lowerBound)…\(range.upperBound) or a pair [height, width])") }
            return nil
        }
        if case .array(let items) = value {
            guard items.count == 2 else { throw error(path, "expected a pair [height, width], got \(items.count) numbers") }
            return [try integer(items[0], "\(path)[0]", range)!, try integer(items[1], "\(path)[1]", range)!]
        }
        let n = try integer(value, path, range)!
        return [n, n]
    }

    func boolean(_ value: JSONValue?, _ path: String) throws(NetworkError) -> Bool? {
        guard let value else { return nil }
        guard case .bool(let b) = value else { throw error(path, "expected true or false, got \(value.kind)") }
        return b
    }

    func describe(_ value: JSONValue) -> String {
        if case .number(let d) = value { return JSONWriter.number(d) }
        return value.kind
    }
}

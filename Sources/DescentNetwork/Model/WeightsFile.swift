import DescentBase
import DescentCore
import Foundation

/// A network's weights as JSON (a config's `initial_weights`): an object keyed by torch's
/// `state_dict` names, each `{"shape": [...], "data": [row-major numbers]}` — what
/// `{k: {"shape": list(v.shape), "data": v.flatten().tolist()} for k, v in m.state_dict().items()}`
/// writes. Reading is strict like `load_state_dict(strict=True)`: every parameter present with
/// its exact shape, finite numbers only, no unknown keys; each error names the file and key.
public enum WeightsFile {
    /// The weights in `json` for `network`, in `network.parameters` order.
    public static func parameters(from json: JSONValue, for network: Network, file: String = "") throws(NetworkError) -> [Tensor] {
        guard case .object(let members) = json else {
            throw NetworkError(file: file, "expected an object keyed by state_dict names (\"0.weight\", …), got \(json.kind)")
        }
        let names = network.parameters.map(\.name)
        for m in members where !names.contains(m.key) {
            throw NetworkError(file: file, path: JSONWriter.quoted(Printable.text(m.key, limit: 40)),
                               "unknown parameter; this model has \(names.joined(separator: ", "))")
        }
        var tensors: [Tensor] = []
        for p in network.parameters {
            let key = JSONWriter.quoted(p.name)
            guard let entry = members.first(where: { $0.key == p.name })?.value else {
                throw NetworkError(file: file, path: key, "missing (shape \(p.shape))")
            }
            guard case .object(let fields) = entry else { throw NetworkError(file: file, path: key, "expected {\"shape\": [...], \"data\": [...]}, got \(entry.kind)") }
            for f in fields where f.key != "shape" && f.key != "data" {
                throw NetworkError(file: file, path: "\(key).\(Printable.text(f.key, limit: 40))", "unknown key; valid keys here: shape, data")
            }
            guard case .array(let shapeItems)? = entry["shape"] else { throw NetworkError(file: file, path: "\(key).shape", "missing or not a list") }
            let shape = shapeItems.map { item -> Int in if case .number(let d) = item, d == d.rounded(), abs(d) < 1e9 { Int(d) } else { -1 } }
            guard shape == p.shape else {
                throw NetworkError(file: file, path: "\(key).shape", "expected \(p.shape), got \(JSONWriter.string(.array(shapeItems), pretty: false))")
            }
            guard case .array(let data)? = entry["data"] else { throw NetworkError(file: file, path: "\(key).data", "missing or not a list") }
            guard data.count == p.count else {
                throw NetworkError(file: file, path: "\(key).data", "expected \(p.count) numbers for shape \(p.shape), got \(data.count)")
            }
            var scalars = [Double](repeating: 0, count: p.count)
            for (i, item) in data.enumerated() {
                guard case .number(let d) = item, d.isFinite else {
                    throw NetworkError(file: file, path: "\(key).data[\(i)]", "expected a finite number, got \(item.kind)")
                }
                scalars[i] = d
            }
            tensors.append(Tensor(shape: p.shape, scalars: scalars))
        }
        return tensors
    }

    /// Reads a weights file: at most 32 bytes per parameter of `network` plus 64 KiB (and
    /// `NetworkLimits.weightsFileBytes`), checked before reading, so a huge file is refused
    /// without being parsed.
    public static func load(_ path: String, for network: Network) throws(NetworkError) -> [Tensor] {
        let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue
        guard let size else { throw NetworkError(file: path, "cannot read: no such file") }
        let bound = min(NetworkLimits.weightsFileBytes, 32 * network.parameterCount + 65_536)
        guard size <= bound else {
            throw NetworkError(file: path, "\(size) bytes; the weights of this model (\(network.parameterCount) parameters) take at most \(bound)")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw NetworkError(file: path, "cannot read") }
        let json: JSONValue
        do { json = try JSONParser.parse(String(decoding: data, as: UTF8.self)) } catch {
            throw NetworkError(file: path, error.description)
        }
        return try parameters(from: json, for: network, file: path)
    }

    /// The weights as JSON, keyed by `state_dict` name in `state_dict` order.
    public static func json(_ parameters: [Tensor], for network: Network) -> JSONValue {
        .object(zip(network.parameters, parameters).map { p, t in
            (key: p.name, value: .object([
                (key: "shape", value: .array(t.shape.map { .number(Double($0)) })),
                (key: "data", value: .array(t.scalars.map { .number($0) })),
            ]))
        })
    }

    /// Writes the weights atomically.
    public static func save(_ parameters: [Tensor], for network: Network, to path: String) throws(FileError) {
        try AtomicFile.write(JSONWriter.string(json(parameters, for: network), pretty: false), to: path)
    }
}

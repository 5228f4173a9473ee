import DescentBase
import DescentHarness
import Foundation
import Testing

/// A seeded fuzz of configs at the JSON level: values at random places of a small valid config
/// are replaced by hostile ones (escaping names, NUL and line breaks, huge and tiny numbers,
/// deep or long expressions, wrong types), keys deleted or added. Every config must either be
/// rejected with a `ConfigError` naming the file and a JSON path, or decode within the cost
/// model; accepted cheap ones are run, and must write only inside their output folder and
/// leave a complete `results.json`. `DESCENT_FUZZ_CASES=5000` makes it the long run
/// (`Benchmarks/fuzz.sh`); the suite runs 300.
@Suite(.serialized) struct ConfigFuzzTests {
    static let base = #"""
        {"name": "fz", "function": {"expression": "(1-x)^2 + 5*(y-x^2)^2", "name": "fzf", "minima": [[1, 1]],
                                     "view": {"x": [-2, 2], "y": [-1, 3]}, "start": [-1.5, 2]},
         "steps": 20, "levels": 8,
         "search": {"evaluations": 3, "steps": 10, "seed": 1, "space": {"lr": {"loguniform": [-6, -1]}}},
         "figures": {"size": 100, "grid": 30, "tail": 3, "fade": 3, "race": true, "loss_curve": true},
         "optimizers": ["Adam", {"name": "SGD", "label": "SGD-m", "hyperparameters": {"momentum": 0.9}}]}
        """#

    static let hostile: [JSONValue] = [
        .string("../../esc"), .string("/etc/x"), .string("a\u{0}b"), .string("a\nb"), .string("."), .string(".."),
        .string("race"), .string("loss"), .string(""), .string(String(repeating: "n", count: 300)), .string("x\u{2028}y"),
        .string("log(-1)+x"), .string("10^10^10"), .string(String(repeating: "(", count: 5000) + "x"),
        .string(String(repeating: "-", count: 5000) + "x"), .string((0..<3000).map { _ in "x" }.joined(separator: "+")),
        .string(String(repeating: "x^", count: 2000) + "1"), .string("Adam"), .string("rosenbrock"),
        .number(-1), .number(0), .number(1e308), .number(-1e308), .number(Double.leastNonzeroMagnitude), .number(100_000), .number(4000),
        .number(1e9), .number(0.5), .number(2), .null, .bool(true), .array([]), .object([]),
        .array([.number(-1e308), .number(1e308)]), .array([.number(1), .number(1.0000000000000002)]),
        .array((0..<5000).map { .number(Double($0)) }),
        .object([("loguniform", .array([.number(-8), .number(-7.9999999999999)]))]),
        .object([("uniform", .array([.number(0), .number(Double.leastNonzeroMagnitude)]))]),
    ]

    /// Every (path, value) place of `v`, objects and lists included.
    static func places(_ v: JSONValue, _ path: [PathStep] = []) -> [[PathStep]] {
        var out = [path]
        switch v {
        case .object(let members): for m in members { out += places(m.value, path + [.key(m.key)]) }
        case .array(let items): for (i, item) in items.enumerated() { out += places(item, path + [.index(i)]) }
        default: break
        }
        return out
    }

    enum PathStep { case key(String), index(Int) }

    static func value(_ v: JSONValue, at path: ArraySlice<PathStep>) -> JSONValue {
        guard let step = path.first else { return v }
        switch (v, step) {
        case (.object(let members), .key(let k)):
            return members.first { $0.key == k }.map { value($0.value, at: path.dropFirst()) } ?? .null
        case (.array(let items), .index(let i)) where items.indices.contains(i): return value(items[i], at: path.dropFirst())
        default: return .null
        }
    }

    static func replacing(_ v: JSONValue, at path: ArraySlice<PathStep>, with new: JSONValue?) -> JSONValue {
        guard let step = path.first else { return new ?? .null }
        switch (v, step) {
        case (.object(var members), .key(let k)):
            guard let i = members.firstIndex(where: { $0.key == k }) else { return v }
            if path.count == 1, new == nil { members.remove(at: i) } else { members[i].value = replacing(members[i].value, at: path.dropFirst(), with: new) }
            return .object(members)
        case (.array(var items), .index(let i)) where items.indices.contains(i):  // an earlier edit may have shortened it
            if path.count == 1, new == nil { items.remove(at: i) } else { items[i] = replacing(items[i], at: path.dropFirst(), with: new) }
            return .array(items)
        default: return v
        }
    }

    /// A plausible edit of `v`: a number scaled by ½…2 (integers stay integers), a Boolean
    /// flipped, a string replaced by another valid-looking one; so that about a third of the
    /// cases decode and the run path is exercised too.
    static func benign(_ v: JSONValue, _ rng: inout SplitMix64) -> JSONValue {
        switch v {
        case .number(let x):
            let scaled = x * (0.5 + 1.5 * Double(rng.next() % 1000) / 1000)
            return .number(x == x.rounded() ? max(1, scaled.rounded()) : scaled)
        case .bool(let b): return .bool(!b)
        case .string: return .string(["Adam", "SGD", "RMSprop", "Lion", "x^2 + 3*y^2", "sin(x) + y^2", "fz2", "a-b_c.d"][Int(rng.next() % 8)])
        default: return v
        }
    }

    /// Seeded; 300 cases in the suite (about 20 s in a debug build), `DESCENT_FUZZ_CASES`
    /// for the long run (`Benchmarks/fuzz.sh`).
    @Test func fuzzedConfigsAreRejectedWithAPathOrRunWithinTheirFolder() throws {
        let cases = ProcessInfo.processInfo.environment["DESCENT_FUZZ_CASES"].flatMap(Int.init) ?? 300
        let base = try JSONParser.parse(Self.base)
        let places = Self.places(base).filter { !$0.isEmpty }
        var rng = SplitMix64(seed: 14)
        let sandbox = ExperimentRunnerTests.temporaryDirectory()
        var accepted = 0, rejected = 0, ran = 0
        for n in 0..<cases {
            var config = base
            for _ in 0..<(1 + Int(rng.next() % 2)) {
                let place = places[Int(rng.next() % UInt64(places.count))]
                let value: JSONValue?
                switch rng.next() % 10 {
                case 0: value = nil                                                    // delete the key or item
                case 1...4: value = Self.benign(Self.value(config, at: place[...]), &rng)
                default: value = Self.hostile[Int(rng.next() % UInt64(Self.hostile.count))]
                }
                config = Self.replacing(config, at: place[...], with: value)
            }
            let text = JSONWriter.string(config, pretty: false)
            let experiment: Experiment
            do { experiment = try ExperimentDecoder.decode(text, file: "fz.json", defaultName: "fz") } catch {
                rejected += 1
                #expect(error.file == "fz.json" && !error.path.isEmpty && !error.message.isEmpty, "\(error)")
                let oneLine = !error.description.contains { $0.isNewline }
                #expect(oneLine, "\(error)")
                continue
            }
            accepted += 1
            let cost = ExperimentCost(experiment)
            #expect(cost.excess == nil, "\(text)")
            #expect(PortableName.problem(with: experiment.name) == nil && experiment.optimizers.allSatisfy {
                PortableName.problem(with: $0.label) == nil }, "\(text)")
            // Run the cheap ones: everything they write stays in their folder, and finishes.
            guard cost.searchSteps <= 200_000, cost.animationPixels <= 30_000_000, cost.contourWork <= 5_000_000 else { continue }
            ran += 1
            let output = sandbox + "/run\(n)/out"
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            do { _ = try ExperimentRunnerTests.run([experiment], output: output) } catch {
                Issue.record("case \(n): an accepted config failed to run: \(error)\n\(text)")
                continue
            }
            let written = ExperimentRunnerTests.files(sandbox + "/run\(n)").keys
            #expect(written.allSatisfy { $0.hasPrefix("out/\(experiment.name)/") }, "\(written.sorted())")
            #expect(written.contains("out/\(experiment.name)/results.json"))
            #expect(!written.contains { ($0 as NSString).lastPathComponent.hasPrefix(".") })
            try? FileManager.default.removeItem(atPath: sandbox + "/run\(n)")
        }
        // The seed reaches both outcomes and runs some (this seed at 300 cases: see the counts).
        #expect(accepted > cases / 5 && rejected > cases / 3 && ran > cases / 10, "accepted \(accepted), rejected \(rejected), ran \(ran)")
        print("config fuzz: \(cases) cases, \(accepted) accepted (\(ran) run), \(rejected) rejected")
    }
}

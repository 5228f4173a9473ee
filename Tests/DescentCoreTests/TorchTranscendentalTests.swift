import DescentCore
import Foundation
import Testing

/// torch's float64 `cos`, `sin`, `exp`, `log` (MKL's generic kernels on the reference machines) are
/// reproduced bit for bit, including where they differ from the C library.
@Suite struct TorchTranscendentalTests {
    static func pairs(_ name: String) throws -> [(x: UInt64, y: UInt64)] {
        let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/numerics/torch_\(name)_fixture.txt")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let parts = line.split(separator: " ")
            guard parts.count == 2, let x = UInt64(parts[0], radix: 16), let y = UInt64(parts[1], radix: 16) else { return nil }
            return (x, y)
        }
    }

    static let functions: [(String, @Sendable (Double) -> Double)] = [
        ("cos", torchCos), ("sin", torchSin), ("exp", torchExp), ("log", torchLog),
    ]

    @Test(arguments: ["cos", "sin", "exp", "log"])
    func matchesMKLBitForBit(_ name: String) throws {
        let f = Self.functions.first { $0.0 == name }!.1
        let cases = try Self.pairs(name)
        #expect(cases.count > 3000)
        let missed = cases.filter { f(Double(bitPattern: $0.x)).bitPattern != $0.y && !(Double(bitPattern: $0.y).isNaN && f(Double(bitPattern: $0.x)).isNaN) }
        #expect(missed.isEmpty, "\(name): \(missed.count) of \(cases.count) differ, e.g. \(missed.prefix(3).map { String($0.x, radix: 16) })")
    }
}

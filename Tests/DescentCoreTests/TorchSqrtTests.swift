import DescentCore
import Foundation
import Testing

/// `torchSqrt` returns exactly what torch's float64 `tensor.sqrt()` (MKL vdSqrt) returns on
/// the reference machines, including its 1-ulp departures from IEEE sqrt.
@Suite struct TorchSqrtTests {
    /// Pairs made by MKL's vdSqrt itself (`Fixtures/numerics/make_torch_sqrt_fixture.py`).
    static func mklFixture() throws -> [(x: UInt64, y: UInt64)] {
        let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/numerics/torch_sqrt_fixture.txt")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let parts = line.split(separator: " ")
            guard parts.count == 2, let x = UInt64(parts[0], radix: 16), let y = UInt64(parts[1], radix: 16) else { return nil }
            return (x, y)
        }
    }

    /// Pairs made by torch 2.15 itself, all where torch differs from the IEEE root
    /// (`Fixtures/numerics/make_torch_sqrt.py`).
    static func torchFixture() throws -> [(x: Double, root: Double)] {
        struct Fixture: Decodable { var cases: [[String]] }
        let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/numerics/torch-sqrt.json")
        let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
        return try fixture.cases.map { (try #require(Double($0[0])), try #require(Double($0[1]))) }
    }

    @Test func matchesMKLBitForBit() throws {
        let cases = try Self.mklFixture()
        #expect(cases.count == 3692)
        var mismatches = 0, notIEEE = 0
        for (x, y) in cases {
            if torchSqrt(Double(bitPattern: x)).bitPattern != y { mismatches += 1 }
            let ieee = Double(bitPattern: x).squareRoot()
            if !ieee.isNaN && ieee.bitPattern != y { notIEEE += 1 }
        }
        #expect(mismatches == 0)
        // 1,500 of the cases are ones where MKL is not correctly rounded: the emulation is not
        // just the IEEE root.
        #expect(notIEEE >= 1500)
    }

    @Test func matchesTorchWhereIEEEDoesNot() throws {
        let cases = try Self.torchFixture()
        #expect(cases.count == 2000)
        #expect(cases.allSatisfy { $0.x.squareRoot() != $0.root })
        let missed = cases.filter { torchSqrt($0.x) != $0.root }
        #expect(missed.isEmpty, "\(missed.count) of \(cases.count) differ from torch: \(missed.prefix(5))")
    }

    @Test func specialValues() {
        #expect(torchSqrt(0).bitPattern == 0)
        #expect(torchSqrt(-0.0).bitPattern == (-0.0).bitPattern)
        #expect(torchSqrt(.infinity) == .infinity)
        #expect(torchSqrt(-1).bitPattern == 0x7ff8_0000_0000_0000)
        #expect(torchSqrt(4) == 2)
        #expect(torchSqrt(0x1p-1074) == (0x1p-1074).squareRoot())
    }
}

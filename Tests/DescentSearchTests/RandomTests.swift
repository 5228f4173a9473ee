import DescentBase
import Testing
import TestSupport
import DescentSearch

@Suite struct RandomTests {
    @Test func splitMixReferenceOutputs() {
        // The first outputs of SplitMix64 seeded with 0 (Vigna's splitmix64.c).
        var g = SplitMix64(seed: 0)
        #expect(g.next() == 0xE220_A839_7B1D_CDAF)
        #expect(g.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test func xoshiroIsSeededBySplitMix() {
        var mixer = SplitMix64(seed: 42)
        let s = (0..<4).map { _ in mixer.next() }
        var g = Xoshiro256StarStar(seed: 42)
        // xoshiro256**'s first output is rotl(s1·5, 7)·9 of the initial state.
        let expected = ((s[1] &* 5) << 7 | (s[1] &* 5) >> 57) &* 9
        #expect(g.next() == expected)
    }

    @Test func sameSeedSameStreamDifferentSeedDifferentStream() {
        var a = Xoshiro256StarStar(seed: 9), b = Xoshiro256StarStar(seed: 9), c = Xoshiro256StarStar(seed: 10)
        let sa = (0..<8).map { _ in a.next() }, sb = (0..<8).map { _ in b.next() }, sc = (0..<8).map { _ in c.next() }
        #expect(sa == sb)
        #expect(sa != sc)
    }

    @Test func drawsHaveTheRightMoments() {
        var g = Xoshiro256StarStar(seed: 1)
        let n = 100_000
        var sum = 0.0, sumSq = 0.0, unitMin = 1.0, unitMax = 0.0
        for _ in 0..<n {
            let z = g.standardNormal()
            sum += z
            sumSq += z * z
            let u = g.unit()
            unitMin = min(unitMin, u)
            unitMax = max(unitMax, u)
        }
        #expect(abs(sum / Double(n)) < 0.015)
        #expect(abs(sumSq / Double(n) - 1) < 0.02)
        #expect(unitMin >= 0 && unitMax < 1)
        var counts = [0, 0, 0]
        for _ in 0..<30_000 { counts[g.index(weightedBy: [1, 0, 2])] += 1 }
        #expect(counts[1] == 0)
        #expect(abs(Double(counts[2]) / 30_000 - 2.0 / 3) < 0.01)
    }
}

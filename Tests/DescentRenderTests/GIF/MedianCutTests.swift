@testable import DescentRender
import Testing

@Suite("MedianCut")
struct MedianCutTests {
    @Test("Few enough colours come back exactly; none are asked for, none come back")
    func exactWhenTheyFit() {
        let colors = [RGB(1, 2, 3), RGB(200, 0, 0), RGB(0, 0, 0)].map { WeightedColor(color: $0, weight: 5) }
        #expect(MedianCut.quantize(colors, to: 3) == colors.map(\.color))
        #expect(MedianCut.quantize(colors, to: 0).isEmpty)
        #expect(MedianCut.quantize([], to: 4).isEmpty)
    }

    @Test("Separated clusters get one representative each, at their weighted means")
    func clusters() {
        var colors: [WeightedColor] = []
        for d in 0..<4 {
            colors.append(WeightedColor(color: RGB(UInt8(10 + d), 10, 10), weight: 1))
            colors.append(WeightedColor(color: RGB(200, UInt8(100 + d), 50), weight: d == 0 ? 5 : 1))
        }
        let result = MedianCut.quantize(colors, to: 2)
        // Means: red channel (10+11+12+13)/4 = 11.5 → 12; green (5·100+101+102+103)/8 = 100.75 → 101.
        #expect(Set(result) == [RGB(12, 10, 10), RGB(200, 101, 50)])
    }

    @Test("Many colours are cut to the count asked for, deterministically")
    func count() {
        var colors: [WeightedColor] = []
        for r in stride(from: 0, to: 256, by: 16) {
            for g in stride(from: 0, to: 256, by: 32) {
                colors.append(WeightedColor(color: RGB(UInt8(r), UInt8(g), UInt8((r + g) / 2)), weight: 1 + r))
            }
        }
        let result = MedianCut.quantize(colors, to: 20)
        #expect(result.count == 20)
        #expect(Set(result).count == 20)
        #expect(result == MedianCut.quantize(colors.reversed(), to: 20))
    }
}

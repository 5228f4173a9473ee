import DescentBase
import Testing

@Suite struct ValuesTests {
    @Test func hyperparameterValuesComeFromJSONButNeverFromAnObject() throws {
        let json = try JSONParser.parse(#"{"a": [1, true, "s", null, [2.5]], "b": [1, {"x": 2}]}"#)
        #expect(try HyperparameterValue(json: json["a"]!, key: "a") == [1, true, "s", .null, [2.5]])
        let error = try #require(throws: HyperparameterJSONError.self) { try Hyperparameters(json: json) }
        #expect(error == .notAValue(key: "b[1]", kind: "an object"))
        #expect(throws: HyperparameterJSONError.notAnObject(kind: "a list")) { try Hyperparameters(jsonText: "[1]") }
        let duplicate = try #require(throws: HyperparameterJSONError.self) { try Hyperparameters(jsonText: #"{"a": 1, "a": 2}"#) }
        #expect(duplicate.description.contains("duplicate key"))
    }

    @Test func hyperparametersWriteAsSortedCompactJSON() {
        let h: Hyperparameters = ["lr": 0.001, "betas": [0.9, 0.999], "name": "a\"b", "x": .number(.infinity)]
        #expect(JSONWriter.string(h.json, pretty: false) == #"{"betas": [0.9, 0.999], "lr": 0.001, "name": "a\"b", "x": null}"#)
        #expect(HyperparameterValue.number(3).description == "3")
    }

    @Test func rectanglesUnionIntersectAndCutToPixels() {
        let a = Rect<Int>(x: 0, y: 0, width: 4, height: 4), b = Rect<Int>(x: 2, y: 3, width: 5, height: 5)
        #expect(a.union(b) == Rect(x: 0, y: 0, width: 7, height: 8))
        #expect(a.intersection(b) == Rect(x: 2, y: 3, width: 2, height: 1))
        #expect(a.intersection(Rect(x: 9, y: 9, width: 1, height: 1)).isEmpty)
        let box = Rect<Double>(x: -0.5, y: 1.2, width: 3.1, height: 0.3)
        #expect(box.pixelRect(within: 10, 10) == Rect<Int>(x: 0, y: 1, width: 3, height: 1))
        #expect(Rect<Double>(x: 1e300, y: -1e300, width: 1, height: 1).pixelRect(within: 10, 10) == nil)
        #expect(Rect<Double>.bounding([Point(1, 2), Point(3, -1)]) == Rect(x: 1, y: -1, width: 2, height: 3))
    }

    @Test func viewWindowsKnowWhetherTheyCanBeDrawn() {
        #expect(ViewWindow(x: -2...2, y: -1...3).isDrawable)
        #expect(!ViewWindow(x: 1...1, y: -1...3).isDrawable)
        #expect(!ViewWindow(x: -1e308...1e308, y: -1...3).isDrawable)   // width overflows
        #expect(ViewWindow(x: -2...2, y: -1...3).contains(Point(2, 3)))
    }

    @Test func logSpacedLevelsAreNumpysLogspace() {
        // numpy.logspace(-1, 2, 4) == [0.1, 1, 10, 100]
        #expect(ContourLevels.logSpaced(from: -1, to: 2, count: 4).fixedValues == [0.1, 1, 10, 100])
        #expect(ContourLevels.automatic(count: 5).fixedValues == nil)
    }

    @Test func splitMixIsTheReferenceStream() {
        // Vigna's splitmix64.c from seed 1234567: 6457827717110365317, 3203168211198807973.
        var g = SplitMix64(seed: 1234567)
        #expect(g.next() == 6457827717110365317)
        #expect(g.next() == 3203168211198807973)
    }
}

import DescentBase
import Testing
@testable import DescentNetwork

@Suite struct DataTests {
    @Test func bundledDigits() throws {
        let digits = try DigitsDataset.load()
        #expect(digits.count == 1797)
        #expect(digits.sampleShape == [1, 8, 8] && digits.classes == 10)
        // The first line of digits.csv.gz: 0,0,5,13,9,1,0,0, … label 0.
        let expected: [Double] = [0, 0, 5.0 / 16, 13.0 / 16, 9.0 / 16]
        #expect(Array(digits.sample(0).prefix(5)) == expected)
        #expect(digits.labels[0] == 0 && digits.labels[1] == 1)
        #expect(Set(digits.labels) == Set(0...9))
    }

    @Test func validationIsTheLastRoundedHalfUpFraction() throws {
        #expect(Dataset.validationCount(of: 1797, fraction: 0.2) == 359)
        #expect(Dataset.validationCount(of: 10, fraction: 0.25) == 3)  // 2.5 rounds up
        #expect(Dataset.validationCount(of: 10, fraction: 0.24) == 2)
        let digits = try DigitsDataset.load()
        let (train, validation) = try digits.split(validation: 0.2)
        #expect(train.count == 1438 && validation.count == 359)
        #expect(validation.sample(0) == digits.sample(1438))
        #expect(train.sample(1437) == digits.sample(1437))
        #expect(throws: NetworkError.self) { try digits.split(validation: 1) }
        #expect(throws: NetworkError.self) { try digits.split(validation: -0.1) }
        #expect(throws: NetworkError.self) { try digits.subset(0..<3).split(validation: 0.1) }  // rounds to 0 validation samples
    }

    @Test func batchesWithoutShufflingAreConsecutiveAndShortAtTheEnd() {
        var s = BatchSchedule(count: 10, batchSize: 4, shuffle: false, seed: 0)
        #expect(Array(s.indices(step: 0)) == [0, 1, 2, 3])
        #expect(Array(s.indices(step: 2)) == [8, 9])        // i = 8: short
        #expect(Array(s.indices(step: 3)) == [2, 3, 4, 5])  // i = 12 mod 10
        #expect(Array(s.indices(step: 5)) == [0, 1, 2, 3])  // i = 20 mod 10
        // The acceptance check's rule on the digits: i = (k·32) mod 1438.
        var d = BatchSchedule(count: 1438, batchSize: 32, shuffle: false, seed: 0)
        for k in [0, 1, 39, 44, 45, 1000] {
            let i = (k * 32) % 1438
            #expect(Array(d.indices(step: k)) == Array(i..<min(i + 32, 1438)))
        }
    }

    @Test func shuffledEpochsArePermutationsAndSeeded() {
        func epochs(_ seed: UInt64) -> [[Int]] {
            var s = BatchSchedule(count: 10, batchSize: 4, shuffle: true, seed: seed)
            return (0..<2).map { e in (0..<3).flatMap { Array(s.indices(step: e * 3 + $0)) } }
        }
        let a = epochs(1)
        #expect(a.allSatisfy { $0.sorted() == Array(0..<10) })
        #expect(a[0] != a[1])
        #expect(a == epochs(1))
        #expect(a != epochs(2))
        var s = BatchSchedule(count: 10, batchSize: 4, shuffle: true, seed: 1)
        #expect(s.indices(step: 2).count == 2)
    }

    @Test(arguments: ["tiny-images-idx3-ubyte", "tiny-images-idx3-ubyte.gz"])
    func readsIDXRawAndGzip(_ images: String) throws {
        let labels = images.hasSuffix(".gz") ? "tiny-labels-idx1-ubyte.gz" : "tiny-labels-idx1-ubyte"
        let d = try IDXReader.load(images: Fixture.path("idx/" + images), labels: Fixture.path("idx/" + labels), source: .mnist)
        #expect(d.count == 3 && d.sampleShape == [1, 2, 4] && d.classes == 10)
        #expect(d.sample(1) == (8..<16).map { Double($0 * 10) / 255 })
        #expect(d.labels == [7, 0, 9])
    }

    @Test func idxErrorsNameTheFileAndNeverCrash() {
        func error(_ images: String, _ labels: String = "tiny-labels-idx1-ubyte", source: IDXReader.Source = .fashionMNIST) -> NetworkError? {
            do {
                _ = try IDXReader.load(images: Fixture.path("idx/" + images), labels: Fixture.path("idx/" + labels), source: source)
                return nil
            } catch { return error }
        }
        let missing = error("train-images-idx3-ubyte.gz")
        #expect(missing?.file.hasSuffix("idx/train-images-idx3-ubyte.gz") == true)
        #expect(missing?.message.contains("https://github.com/zalandoresearch/fashion-mnist") == true)
        #expect(error("nope", source: .mnist)?.message.contains("https://ossci-datasets.s3.amazonaws.com/mnist/") == true)
        for (file, words) in [
            ("truncated-images-idx3-ubyte", "truncated"), ("truncated-header-idx3-ubyte", "truncated header"),
            ("truncated-images-idx3-ubyte.gz", "cannot decompress: unexpected end of file"), ("huge-images-idx3-ubyte", "at most 10000000"),
            ("wrong-magic-idx3-ubyte", "not an IDX file"), ("tiny-labels-idx1-ubyte", "expected 3 dimensions"),
        ] {
            let e = error(file)
            #expect(e?.file.hasSuffix(file) == true, "\(file): \(String(describing: e))")
            #expect(e?.message.contains(words) == true, "\(file): \(String(describing: e))")
        }
        #expect(error("tiny-images-idx3-ubyte", "four-labels-idx1-ubyte")?.message.contains("4 labels for 3 images") == true)
    }
}

@Suite struct DatasetSpecTests {
    func spec(_ text: String) throws -> DatasetSpec { try DatasetSpec(json: JSONParser.parse(text)) }

    @Test func parsesAndLoads() throws {
        #expect(try spec(#"{"builtin": "digits"}"#) == .digits)
        #expect(try spec(#"{"builtin": "digits"}"#).load().count == 1797)
        let idx = try spec(#"{"idx": {"images": "idx/tiny-images-idx3-ubyte.gz", "labels": "idx/tiny-labels-idx1-ubyte", "source": "fashion-mnist"}}"#)
        #expect(idx == .idx(images: "idx/tiny-images-idx3-ubyte.gz", labels: "idx/tiny-labels-idx1-ubyte", source: .fashionMNIST))
        let d = try idx.load(relativeTo: Fixture.directory.path)
        #expect(d.count == 3 && d.name == "fashion-mnist")
    }

    @Test func errorsNameThePath() {
        func path(_ text: String) -> String? {
            do {
                _ = try spec(text)
                return nil
            } catch { return (error as? NetworkError)?.path }
        }
        #expect(path(#"{"builtin": "cifar"}"#) == "dataset.builtin")
        #expect(path(#"{"idx": {"images": "a"}}"#) == "dataset.idx.labels")
        #expect(path(#"{"idx": {"images": "a", "labels": "b", "source": "emnist"}}"#) == "dataset.idx.source")
        #expect(path(#"{"idx": {"images": "a", "labels": "b", "extra": 1}}"#) == "dataset.idx.extra")
        #expect(path(#"{"csv": "x"}"#) == "dataset.csv")
        #expect(path(#""digits""#) == "dataset")
    }
}

import Foundation

/// The bundled data set: the UCI optical recognition of handwritten digits test set as
/// scikit-learn ships it (`load_digits`: 1 797 images of 8×8 pixels 0…16, ten classes; licence
/// and description in `Resources/digits.rst`), one sample per line of `digits.csv.gz`:
/// 64 pixel values then the label. Pixels are divided by 16; images are 1×8×8.
public enum DigitsDataset {
    /// Reads the bundled file (a SwiftPM resource of DescentNetwork).
    public static func load() throws(NetworkError) -> Dataset {
        guard let url = Bundle.module.url(forResource: "digits.csv", withExtension: "gz") else {
            throw NetworkError(file: "digits.csv.gz", "the bundled digits data is missing from DescentNetwork's resources")
        }
        let bytes = try GzipReader.read(url.path, limit: 1 << 22)
        return try parse(bytes, file: url.lastPathComponent)
    }

    /// Parses lines of 65 integers (64 pixels 0…16, a label 0…9).
    static func parse(_ bytes: [UInt8], file: String) throws(NetworkError) -> Dataset {
        var pixels: [UInt8] = [], labels: [UInt8] = []
        var row: [Int] = [], value = 0, digits = 0, line = 1
        func endRow() throws(NetworkError) {
            guard row.count == 65 else { throw NetworkError(file: file, path: "line \(line)", "expected 65 numbers, got \(row.count)") }
            guard row[..<64].allSatisfy({ (0...16).contains($0) }), (0...9).contains(row[64]) else {
                throw NetworkError(file: file, path: "line \(line)", "pixels are 0…16 and labels 0…9")
            }
            pixels += row[..<64].map(UInt8.init)
            labels.append(UInt8(row[64]))
            row.removeAll(keepingCapacity: true)
        }
        for b in bytes {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard digits < 6 else { throw NetworkError(file: file, path: "line \(line)", "a number is too long") }
                value = value * 10 + Int(b - UInt8(ascii: "0"))
                digits += 1
            case UInt8(ascii: ","), UInt8(ascii: "\n"):
                guard digits > 0 else { throw NetworkError(file: file, path: "line \(line)", "an empty field") }
                row.append(value)
                (value, digits) = (0, 0)
                if b == UInt8(ascii: "\n") {
                    try endRow()
                    line += 1
                }
            case UInt8(ascii: "\r"): continue
            default: throw NetworkError(file: file, path: "line \(line)", "unexpected byte \(b)")
            }
        }
        if digits > 0 {
            row.append(value)
            try endRow()
        }
        return Dataset(name: "digits", sampleShape: [1, 8, 8], classes: 10, pixels: pixels, labels: labels, divisor: 16)
    }
}

/// Reads the IDX files of MNIST and Fashion-MNIST (LeCun's format: magic `00 00 08 nd`, then
/// nd big-endian 32-bit sizes, then unsigned bytes), raw or gzip-compressed
/// (`train-images-idx3-ubyte[.gz]`, `train-labels-idx1-ubyte[.gz]`). Images become 1×rows×cols
/// samples of `byte / 255`. Headers are checked before anything is allocated: the type, the
/// number of dimensions, each size (`NetworkLimits`) and the exact file length, so a truncated
/// or hostile file is an error, never a crash.
public enum IDXReader {
    /// Where to get the files, for the error when one is missing.
    public enum Source: String, Sendable, CaseIterable {
        case mnist, fashionMNIST = "fashion-mnist"

        public var hint: String {
            switch self {
            case .mnist:
                "MNIST's IDX files (train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz) are at https://ossci-datasets.s3.amazonaws.com/mnist/ (the mirror torchvision uses)"
            case .fashionMNIST:
                "Fashion-MNIST's IDX files (train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz) are at https://github.com/zalandoresearch/fashion-mnist (data/fashion)"
            }
        }
    }

    /// The images and labels of one IDX pair as a data set (ten classes unless the labels need more).
    public static func load(images: String, labels: String, source: Source, name: String? = nil) throws(NetworkError) -> Dataset {
        let imageBytes = try GzipReader.read(images, limit: NetworkLimits.datasetBytes, missingHint: source.hint)
        let (imageSizes, imageStart) = try header(imageBytes, dimensions: 3, file: images)
        let labelBytes = try GzipReader.read(labels, limit: NetworkLimits.datasetBytes, missingHint: source.hint)
        let (labelSizes, labelStart) = try header(labelBytes, dimensions: 1, file: labels)
        guard imageSizes[0] == labelSizes[0] else {
            throw NetworkError(file: labels, "\(labelSizes[0]) labels for \(imageSizes[0]) images in \(images)")
        }
        let label = Array(labelBytes[labelStart...])
        let maximum = Int(label.max() ?? 0)
        guard maximum < NetworkLimits.classes.upperBound else { throw NetworkError(file: labels, "label \(maximum) is out of range") }
        return Dataset(
            name: name ?? source.rawValue, sampleShape: [1, imageSizes[1], imageSizes[2]], classes: max(10, maximum + 1),
            pixels: Array(imageBytes[imageStart...]), labels: label, divisor: 255)
    }

    /// The sizes of an unsigned-byte IDX file with `dimensions` dimensions, and where its data
    /// starts; the file must hold exactly their product of bytes after the header.
    static func header(_ bytes: [UInt8], dimensions: Int, file: String) throws(NetworkError) -> (sizes: [Int], start: Int) {
        let start = 4 + 4 * dimensions
        guard bytes.count >= 4 else { throw NetworkError(file: file, "truncated: \(bytes.count) bytes, no IDX header") }
        guard bytes[0] == 0, bytes[1] == 0, bytes[2] == 0x08 else {
            throw NetworkError(file: file, "not an IDX file of unsigned bytes (magic \(bytes[0..<4].map { String($0, radix: 16) }.joined(separator: " ")))")
        }
        guard Int(bytes[3]) == dimensions else {
            throw NetworkError(file: file, "expected \(dimensions) dimension\(dimensions == 1 ? "" : "s") (\(dimensions == 3 ? "images" : "labels")), got \(bytes[3])")
        }
        guard bytes.count >= start else { throw NetworkError(file: file, "truncated header: \(bytes.count) bytes") }
        var sizes: [Int] = []
        for d in 0..<dimensions {
            let at = 4 + 4 * d
            sizes.append(bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) })
        }
        guard NetworkLimits.samples.contains(sizes[0]) else {
            throw NetworkError(file: file, "\(sizes[0]) samples; at most \(NetworkLimits.samples.upperBound)")
        }
        for side in sizes.dropFirst() where !NetworkLimits.imageSide.contains(side) {
            throw NetworkError(file: file, "image side \(side) is out of \(NetworkLimits.imageSide.lowerBound)…\(NetworkLimits.imageSide.upperBound)")
        }
        let (product, overflow) = sizes.reduce((1, false)) { acc, s in
            let (p, o) = acc.0.multipliedReportingOverflow(by: s)
            return (p, acc.1 || o)
        }
        guard !overflow, product <= NetworkLimits.datasetBytes else { throw NetworkError(file: file, "the sizes \(sizes) are too large") }
        guard bytes.count - start == product else {
            throw NetworkError(file: file, "\(bytes.count - start) data bytes for sizes \(sizes) (\(product) expected): truncated or corrupt")
        }
        return (sizes, start)
    }
}

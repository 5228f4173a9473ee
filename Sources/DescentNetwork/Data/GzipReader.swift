import CZlib
import Foundation

/// Reads a whole file through zlib's gzip reader: a gzip file is decompressed, any other file
/// is read as it is (zlib's transparent mode), so raw and `.gz` data sets share one path. At
/// most `limit` bytes are accepted; more, a truncated or corrupt stream, or a missing file
/// throw `NetworkError`s naming the file.
enum GzipReader {
    static func read(_ path: String, limit: Int, missingHint: String = "") throws(NetworkError) -> [UInt8] {
        guard FileManager.default.fileExists(atPath: path) else {
            throw NetworkError(file: path, "no such file" + (missingHint.isEmpty ? "" : "; \(missingHint)"))
        }
        guard let file = gzopen(path, "rb") else {
            throw NetworkError(file: path, "cannot open: \(String(cString: strerror(errno)))")
        }
        defer { gzclose(file) }
        gzbuffer(file, 1 << 17)
        var bytes: [UInt8] = []
        let chunk = 1 << 16
        while true {
            let before = bytes.count
            guard before <= limit else { throw NetworkError(file: path, "more than \(limit) bytes (decompressed)") }
            bytes.append(contentsOf: repeatElement(0, count: chunk))
            let n = bytes.withUnsafeMutableBufferPointer { gzread(file, $0.baseAddress! + before, UInt32(chunk)) }
            if n < 0 {
                throw NetworkError(file: path, "cannot decompress: \(zlibMessage(file, path))")
            }
            bytes.removeLast(chunk - Int(n))
            if n == 0 { break }
        }
        // A gzip stream cut short reads as a short file; zlib reports it on close or by gzerror.
        var code: Int32 = 0
        _ = gzerror(file, &code)
        if code != Z_OK && code != Z_STREAM_END {
            throw NetworkError(file: path, "cannot decompress: \(zlibMessage(file, path))")
        }
        guard bytes.count <= limit else { throw NetworkError(file: path, "more than \(limit) bytes (decompressed)") }
        return bytes
    }

    /// zlib's message for the file's error, without the path zlib puts in front.
    static func zlibMessage(_ file: gzFile, _ path: String) -> String {
        var code: Int32 = 0
        let message = String(cString: gzerror(file, &code))
        return message.hasPrefix(path + ": ") ? String(message.dropFirst(path.count + 2)) : message
    }
}

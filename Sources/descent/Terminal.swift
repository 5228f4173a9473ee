import Foundation

/// One line on standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data("descent: \(message)\n".utf8))
}

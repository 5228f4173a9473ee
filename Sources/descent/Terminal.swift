import Foundation

/// One line on standard error, made safe by `Descent.oneLine`.
func printError(_ message: String) {
    FileHandle.standardError.write(Data("descent: \(Descent.oneLine(message))\n".utf8))
}

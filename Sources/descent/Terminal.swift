import Foundation

/// One line on standard error, made safe by `Descent.oneLine`.
func printError(_ message: String) {
    FileHandle.standardError.write(Data("descent: \(Descent.oneLine(message))\n".utf8))
}

/// One `descent: warning: …` line on standard error: something accepted but probably not meant.
func printWarning(_ message: String) {
    FileHandle.standardError.write(Data("descent: warning: \(Descent.oneLine(message))\n".utf8))
}

import Foundation
import XCTest

/// A fresh temporary directory, removed at the end of the test.
func temporaryDirectory(_ test: XCTestCase) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("orgchart-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
}

/// Writes `text` to `name` inside `directory` and returns the path.
@discardableResult
func write(_ text: String, to name: String, in directory: URL) throws -> String {
    let url = directory.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
}

/// The outcome of running the `orgchart` executable.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the built `orgchart` executable with `arguments` in `directory`, reading `input` as
/// standard input when given.
func orgchart(_ arguments: [String], in directory: URL? = nil, input: FileHandle? = nil) throws -> CommandResult {
    let products = Bundle.main.bundleURL.lastPathComponent.hasSuffix(".xctest")
        ? Bundle.main.bundleURL.deletingLastPathComponent() : Bundle.main.bundleURL
    var executable = products.appendingPathComponent("orgchart")
    if !FileManager.default.fileExists(atPath: executable.path) {
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            executable = bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("orgchart")
        }
    }
    return try run(executable, arguments, in: directory, input: input)
}

/// Runs `executable` with `arguments` (standard input from `input` when given) and returns its
/// exit status and output.
func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil, input: FileHandle? = nil) throws -> CommandResult {
    let process = Process()
    if let input { process.standardInput = input }
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
}

/// A small valid model with a department, two divisions and a section.
let smallModel = """
model: small
title: Small Department
date: "2024-01-01"
documents:
  - id: doc
    symbol: ST/SGB/2024/1
    title: Organization of the Small Department
units:
  - id: dept
    name: Small Department
    abbreviation: SD
    kind: department
    head: {title: Under-Secretary-General, grade: USG, source: doc §2.1}
    source: doc §2.1
  - id: div-a
    name: Division A
    kind: division
    parent: dept
    head: {title: Director, source: doc §3.1}
    source: doc §3.1
  - id: div-b
    name: Division B
    kind: division
    parent: dept
    source: doc §4.1
  - id: sec-a1
    name: Section A1
    kind: section
    parent: div-a
    source: doc §3.2
relationships:
  - kind: accountable-to
    from: div-a
    to: dept
    source: doc §3.1
  - kind: also-accountable-to
    from: div-b
    to: div-a
    source: doc §4.2
"""

/// Runs a tool of the machine (`pdfinfo`, `xmllint` …) on `bytes` written to a temporary file
/// named `name`, and returns its exit status and output.
func tool(_ executable: String, _ arguments: [String] = [], on bytes: [UInt8], named name: String, in test: XCTestCase) throws -> CommandResult {
    let directory = try temporaryDirectory(test)
    let path = directory.appendingPathComponent(name)
    try Data(bytes).write(to: path)
    return try run(URL(fileURLWithPath: "/usr/bin/env"), [executable] + arguments + [path.path])
}

/// The Chromium binary on the PATH, for the tests of pages in a real browser.
func chromiumBinary() throws -> String {
    for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            let path = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
    }
    throw XCTSkip("no chromium binary on the PATH: install it (apt-get install chromium; .ci/run does) to test pages in a browser")
}

/// Runs Chromium headless with `arguments`, ending it after two minutes at most.
func runChromium(_ binary: String, _ arguments: [String], in test: XCTestCase) throws -> CommandResult {
    let profile = try temporaryDirectory(test)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                         "--window-size=1400,900", "--user-data-dir=\(profile.path)", "--enable-logging=stderr", "--v=0"] + arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    watchdog.cancel()
    return CommandResult(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
}

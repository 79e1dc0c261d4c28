import OrgOutput
import OrgPipeline

extension PreparedReview {
    /// Renders every output first, then writes them one by one atomically, so that a failure
    /// leaves no output written.
    public func write(_ outputs: [(path: String, output: Output)]) throws(OrgChartError) {
        let rendered = try outputs.map { output throws(OrgChartError) in (output.path, try OrgChartError.wrapping { try bytes(output.output) }) }
        for (path, bytes) in rendered { try OrgChartError.wrapping { try OutputFile.write(bytes, to: path) } }
    }
}

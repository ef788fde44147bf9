import Prometheus
import SibylCore

/// Prometheus metrics of the gateway: requests, errors and latency per service and operation, jobs by state.
///
/// Holds its own registry instead of bootstrapping the process-wide metrics system, so nothing global changes.
public final class GatewayMetrics: Sendable {
    private let registry = PrometheusCollectorRegistry()
    private static let latencyBuckets: [Duration] = [
        .microseconds(250), .milliseconds(1), .milliseconds(2.5), .milliseconds(5), .milliseconds(10),
        .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
        .seconds(1), .seconds(2.5), .seconds(5), .seconds(10), .seconds(30),
    ]

    /// Creates an empty registry.
    public init() {}

    /// Records one answered request; `errorCode` is set when the reply was an error.
    func record(service: String, operation: String, errorCode: String?, duration: Duration) {
        let labels = [("service", service), ("operation", operation)]
        registry.makeCounter(descriptor: Self.requests, labels: labels).increment()
        if let errorCode {
            registry.makeCounter(descriptor: Self.errors, labels: labels + [("code", errorCode)]).increment()
        }
        registry.makeDurationHistogram(descriptor: Self.latency, labels: labels, buckets: Self.latencyBuckets)
            .record(duration)
    }

    /// The Prometheus text exposition, with the job gauges refreshed from the store first.
    func render(jobCounts: [JobState: Int]) -> String {
        for (state, count) in jobCounts {
            registry.makeGauge(descriptor: Self.jobs, labels: [("state", state.rawValue)]).set(Double(count))
        }
        return registry.emitToString()
    }

    private static var requests: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "sibyl", metricName: "requests", unitName: "total", helpText: "Requests answered")
    }

    private static var errors: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "sibyl", metricName: "errors", unitName: "total", helpText: "Requests answered with an error")
    }

    private static var latency: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "sibyl", metricName: "request_duration", unitName: "seconds", helpText: "Time to answer a request")
    }

    private static var jobs: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "sibyl", metricName: "jobs", unitName: "", helpText: "Jobs in the store by state")
    }
}

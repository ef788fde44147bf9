import Foundation

/// A plain SVG line chart of a forecast: the history, the median and mean, and the band between the outer
/// quantiles, with a value axis, for a person to open in a browser.
struct ForecastChart {
    let history: [Double]
    let mean: [Double]
    let lower: [Double]
    let median: [Double]
    let upper: [Double]
    let title: String

    func svg(width: Double = 900, height: Double = 420) -> String {
        let left = 70.0, right = 20.0, top = 40.0, bottom = 40.0
        let total = history.count + mean.count
        let all = history + lower + upper + mean
        let low = all.min() ?? 0, high = all.max() ?? 1
        let span = high > low ? high - low : 1
        func x(_ index: Int) -> Double { left + Double(index) / Double(max(1, total - 1)) * (width - left - right) }
        func y(_ value: Double) -> Double { top + (high - value) / span * (height - top - bottom) }
        func line(_ values: [Double], from start: Int) -> String {
            values.enumerated().map { String(format: "%.1f,%.1f", x(start + $0), y($1)) }.joined(separator: " ")
        }
        let start = history.count
        let lowerReversed = lower.enumerated().reversed().map { String(format: "%.1f,%.1f", x(start + $0), y($1)) }
        let bandPoints = line(upper, from: start) + " " + lowerReversed.joined(separator: " ")
        var ticks = ""
        for step in 0...4 {
            let value = low + span * Double(step) / 4
            ticks += String(
                format: "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%@</text>", left - 6, y(value) + 4,
                String(format: "%.4g", value))
            ticks += String(
                format: "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>", left, width - right, y(value),
                y(value))
        }
        let escapedTitle = title.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" font-family="sans-serif">
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(Int(left))" y="24" font-size="14">\(escapedTitle)</text>
            \(ticks)
            <polygon points="\(bandPoints)" fill="#9ecae1" fill-opacity="0.5" stroke="none"/>
            <polyline points="\(line(history, from: 0))" fill="none" stroke="#333" stroke-width="1.5"/>
            <polyline points="\(line(median, from: start))" fill="none" stroke="#08519c" stroke-width="2"/>
            <polyline points="\(line(mean, from: start))" fill="none" stroke="#e6550d" stroke-width="1" stroke-dasharray="4 3"/>
            <text x="\(Int(width - right))" y="\(Int(height - 12))" font-size="11" text-anchor="end">history (black), median (blue), mean (orange, dashed), outer quantiles (band)</text>
            </svg>

            """
    }
}

/// Minimises a function of several variables by the Nelder–Mead simplex method (the method R's `optim` uses by
/// default, and so `forecast::ets`): no derivatives, robust to the penalty walls of constrained problems.
struct NelderMead {
    var maxEvaluations = 2000
    var tolerance = 1e-8

    /// The point where `function` is least, starting from `start` with initial steps `steps` (one per variable).
    func minimise(_ function: ([Double]) -> Double, start: [Double], steps: [Double]) -> (point: [Double], value: Double) {
        let dimensions = start.count
        var simplex = [start]
        for index in 0..<dimensions {
            var vertex = start
            vertex[index] += steps[index]
            simplex.append(vertex)
        }
        var values = simplex.map(function)
        var evaluations = simplex.count
        while evaluations < maxEvaluations {
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            let spread = abs(values[dimensions] - values[0])
            if spread <= tolerance * (abs(values[0]) + tolerance) { break }
            var centroid = [Double](repeating: 0, count: dimensions)
            for vertex in simplex.dropLast() {
                for index in 0..<dimensions { centroid[index] += vertex[index] / Double(dimensions) }
            }
            func along(_ factor: Double) -> [Double] {
                (0..<dimensions).map { centroid[$0] + factor * (simplex[dimensions][$0] - centroid[$0]) }
            }
            let reflected = along(-1)
            let reflectedValue = function(reflected)
            evaluations += 1
            if reflectedValue < values[0] {
                let expanded = along(-2)
                let expandedValue = function(expanded)
                evaluations += 1
                if expandedValue < reflectedValue {
                    (simplex[dimensions], values[dimensions]) = (expanded, expandedValue)
                } else {
                    (simplex[dimensions], values[dimensions]) = (reflected, reflectedValue)
                }
            } else if reflectedValue < values[dimensions - 1] {
                (simplex[dimensions], values[dimensions]) = (reflected, reflectedValue)
            } else {
                let outside = reflectedValue < values[dimensions]
                let contracted = along(outside ? -0.5 : 0.5)
                let contractedValue = function(contracted)
                evaluations += 1
                if contractedValue < min(reflectedValue, values[dimensions]) {
                    (simplex[dimensions], values[dimensions]) = (contracted, contractedValue)
                } else {
                    for vertex in 1...dimensions {
                        simplex[vertex] = (0..<dimensions).map { simplex[0][$0] + 0.5 * (simplex[vertex][$0] - simplex[0][$0]) }
                        values[vertex] = function(simplex[vertex])
                    }
                    evaluations += dimensions
                }
            }
        }
        let best = values.indices.min { values[$0] < values[$1] }!
        return (simplex[best], values[best])
    }
}

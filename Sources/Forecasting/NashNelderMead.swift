/// Nelder–Mead as J. C. Nash's *Compact Numerical Methods* gives it, the variant R's `optim` and `forecast::ets` run:
/// one initial step for every coordinate (a tenth of the largest starting value's size), reflection 1, contraction
/// ½, expansion 2, a shrink towards the best vertex when nothing else helps (stopping if the simplex stops getting
/// smaller), and a stop when the simplex's values lie within a relative tolerance of the starting value. Points where
/// the function is not finite count as a very large value, so bounds are kept by answering infinity outside them.
struct NashNelderMead {
    var maxEvaluations = 2000
    /// R's default relative tolerance, √ε.
    var relativeTolerance = Double.ulpOfOne.squareRoot()

    /// The best point found from `start`, and its value (infinity when the function is not finite at the start).
    func minimise(_ function: ([Double]) -> Double, start: [Double]) -> (point: [Double], value: Double) {
        let big = 1e35
        let n = start.count
        let first = function(start)
        guard first.isFinite else { return (start, .infinity) }
        guard n > 0 else { return (start, first) }
        let tolerance = relativeTolerance * (abs(first) + relativeTolerance)
        var step = start.reduce(0) { max($0, 0.1 * abs($1)) }
        if step == 0 { step = 0.1 }
        // Vertex 0 is the start; vertex j moves coordinate j − 1 by the step (grown tenfold until it changes it).
        var vertices = [start]
        var values = [first]
        var size = 0.0
        for coordinate in 0..<n {
            var vertex = start
            var trial = step
            while vertex[coordinate] == start[coordinate] {
                vertex[coordinate] = start[coordinate] + trial
                trial *= 10
            }
            size += trial
            vertices.append(vertex)
            values.append(.nan)
        }
        var previousSize = size
        var evaluations = 1
        var best = 0
        var evaluateAll = true
        func evaluate(_ point: [Double]) -> Double {
            evaluations += 1
            let value = function(point)
            return value.isFinite ? value : big
        }
        repeat {
            if evaluateAll {
                for index in vertices.indices where index != best { values[index] = evaluate(vertices[index]) }
                evaluateAll = false
            }
            var worst = best
            for index in vertices.indices where index != best {
                if values[index] < values[best] { best = index }
            }
            for index in vertices.indices where values[index] > values[worst] { worst = index }
            if values[worst] <= values[best] + tolerance { break }
            var centroid = [Double](repeating: 0, count: n)
            for (index, vertex) in vertices.enumerated() where index != worst {
                for coordinate in 0..<n { centroid[coordinate] += vertex[coordinate] }
            }
            for coordinate in 0..<n { centroid[coordinate] /= Double(n) }
            let reflected = (0..<n).map { 2 * centroid[$0] - vertices[worst][$0] }
            let reflectedValue = evaluate(reflected)
            if reflectedValue < values[best] {
                let expanded = (0..<n).map { 2 * reflected[$0] - centroid[$0] }
                let expandedValue = evaluate(expanded)
                if expandedValue < reflectedValue {
                    (vertices[worst], values[worst]) = (expanded, expandedValue)
                } else {
                    (vertices[worst], values[worst]) = (reflected, reflectedValue)
                }
                continue
            }
            // Not better than the best: take the reflection if it beats the worst, then contract the worst
            // halfway to the centroid; if neither helped, shrink everything towards the best.
            let highest = values[worst]
            if reflectedValue < highest { (vertices[worst], values[worst]) = (reflected, reflectedValue) }
            let contracted = (0..<n).map { 0.5 * vertices[worst][$0] + 0.5 * centroid[$0] }
            let contractedValue = evaluate(contracted)
            if contractedValue < values[worst] {
                (vertices[worst], values[worst]) = (contracted, contractedValue)
            } else if reflectedValue >= highest {
                size = 0
                for index in vertices.indices where index != best {
                    for coordinate in 0..<n {
                        vertices[index][coordinate] =
                            0.5 * (vertices[index][coordinate] - vertices[best][coordinate]) + vertices[best][coordinate]
                        size += abs(vertices[index][coordinate] - vertices[best][coordinate])
                    }
                }
                evaluateAll = true
                guard size < previousSize else { break }
                previousSize = size
            }
        } while evaluations <= maxEvaluations
        // The best vertex of the last comparison, as R answers.
        return (vertices[best], values[best])
    }
}

import Foundation

/// A colour that covers a share of a picture, named as CSS names it (nearest in CIELAB) and by one of twelve
/// simple names (red, orange, yellow, green, teal, blue, purple, pink, brown, black, white, gray).
public struct DominantColor: Sendable, Equatable {
    public var red: Int
    public var green: Int
    public var blue: Int
    public var pixelPercent: Double

    /// `#rrggbb`.
    public var hexCode: String {
        "#" + [red, green, blue].map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// The CSS colour name nearest in CIELAB.
    public var cssName: String {
        let lab = Lab(red: red, green: green, blue: blue)
        return Self.cssLab.min { lab.distance(to: $0.lab) < lab.distance(to: $1.lab) }!.name
    }

    /// The CSS colours in CIELAB, converted once.
    private static let cssLab = CSSColors.all.map { (name: $0.name, lab: Lab(red: $0.red, green: $0.green, blue: $0.blue)) }

    /// One of twelve plain colour names, from hue, saturation and value.
    public var simplifiedName: String {
        let r = Double(red) / 255, g = Double(green) / 255, b = Double(blue) / 255
        let maximum = max(r, g, b), minimum = min(r, g, b)
        let chroma = maximum - minimum
        let saturation = maximum == 0 ? 0 : chroma / maximum
        if maximum < 0.2 { return "black" }
        if saturation < 0.18 { return maximum > 0.85 ? "white" : (maximum < 0.3 ? "black" : "gray") }
        var hue: Double
        if maximum == r {
            hue = 60 * ((g - b) / chroma)
        } else if maximum == g {
            hue = 60 * ((b - r) / chroma + 2)
        } else {
            hue = 60 * ((r - g) / chroma + 4)
        }
        if hue < 0 { hue += 360 }
        switch hue {
        case ..<15, 345...: return maximum < 0.6 && saturation > 0.4 ? "brown" : (saturation < 0.5 && maximum > 0.8 ? "pink" : "red")
        case ..<45: return maximum < 0.65 ? "brown" : "orange"
        case ..<70: return maximum < 0.5 ? "brown" : "yellow"
        case ..<160: return "green"
        case ..<200: return "teal"
        case ..<255: return "blue"
        case ..<315: return "purple"
        default: return "pink"
        }
    }
}

/// The dominant colours of a set of pixels: k-means in CIELAB, seeded deterministically by farthest points.
enum ColorClustering {
    /// Up to `count` colours of the pixels (RGB triples) where `mask` is set, largest share first; shares are of
    /// all the pixels considered.
    static func dominantColors(_ image: RGBImage, mask: [Bool]?, count: Int) -> [DominantColor] {
        guard count > 0 else { return [] }
        var samples: [(lab: Lab, rgb: (Int, Int, Int))] = []
        for index in 0..<(image.width * image.height) where mask?[index] ?? true {
            let rgb = (Int(image.pixels[3 * index]), Int(image.pixels[3 * index + 1]), Int(image.pixels[3 * index + 2]))
            samples.append((Lab(red: rgb.0, green: rgb.1, blue: rgb.2), rgb))
        }
        guard !samples.isEmpty else { return [] }
        var centres = [samples[samples.count / 2].lab]
        var nearest = samples.map { $0.lab.distance(to: centres[0]) }
        while centres.count < count {
            guard let far = nearest.indices.max(by: { nearest[$0] < nearest[$1] }), nearest[far] > 36 else { break }
            centres.append(samples[far].lab)
            for index in samples.indices { nearest[index] = min(nearest[index], samples[index].lab.distance(to: samples[far].lab)) }
        }
        var assignment = [Int](repeating: 0, count: samples.count)
        for _ in 0..<8 {
            for index in samples.indices {
                assignment[index] = centres.indices.min {
                    samples[index].lab.distance(to: centres[$0]) < samples[index].lab.distance(to: centres[$1])
                }!
            }
            var sums = [(Double, Double, Double, Int)](repeating: (0, 0, 0, 0), count: centres.count)
            for index in samples.indices {
                let lab = samples[index].lab
                sums[assignment[index]].0 += lab.l
                sums[assignment[index]].1 += lab.a
                sums[assignment[index]].2 += lab.b
                sums[assignment[index]].3 += 1
            }
            for cluster in centres.indices where sums[cluster].3 > 0 {
                let n = Double(sums[cluster].3)
                centres[cluster] = Lab(l: sums[cluster].0 / n, a: sums[cluster].1 / n, b: sums[cluster].2 / n)
            }
        }
        var totals = [(Int, Int, Int, Int)](repeating: (0, 0, 0, 0), count: centres.count)
        for index in samples.indices {
            let rgb = samples[index].rgb
            totals[assignment[index]].0 += rgb.0
            totals[assignment[index]].1 += rgb.1
            totals[assignment[index]].2 += rgb.2
            totals[assignment[index]].3 += 1
        }
        return totals.filter { $0.3 > 0 }.map {
            DominantColor(
                red: $0.0 / $0.3, green: $0.1 / $0.3, blue: $0.2 / $0.3,
                pixelPercent: Double($0.3) / Double(samples.count) * 100)
        }.sorted { $0.pixelPercent > $1.pixelPercent }
    }
}

/// A colour in CIELAB (D65), where Euclidean distance follows perceived difference.
struct Lab {
    var l: Double
    var a: Double
    var b: Double

    init(l: Double, a: Double, b: Double) {
        self.l = l
        self.a = a
        self.b = b
    }

    init(red: Int, green: Int, blue: Int) {
        func linear(_ channel: Int) -> Double {
            let value = Double(channel) / 255
            return value <= 0.04045 ? value / 12.92 : Self.power((value + 0.055) / 1.055, 2.4)
        }
        let (r, g, bl) = (linear(red), linear(green), linear(blue))
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * bl) / 0.95047
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * bl
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * bl) / 1.08883
        func f(_ t: Double) -> Double { t > 0.008856 ? Self.power(t, 1.0 / 3) : 7.787 * t + 16.0 / 116 }
        l = 116 * f(y) - 16
        a = 500 * (f(x) - f(y))
        b = 200 * (f(y) - f(z))
    }

    /// Squared distance (ΔE76²).
    func distance(to other: Lab) -> Double {
        (l - other.l) * (l - other.l) + (a - other.a) * (a - other.a) + (b - other.b) * (b - other.b)
    }

    private static func power(_ base: Double, _ exponent: Double) -> Double { pow(base, exponent) }
}

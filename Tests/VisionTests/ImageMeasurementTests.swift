import Testing

@testable import Vision

@Suite struct ImageMeasurementTests {
    func solid(_ red: UInt8, _ green: UInt8, _ blue: UInt8, width: Int = 20, height: Int = 20) -> RGBImage {
        RGBImage(width: width, height: height, pixels: (0..<(width * height)).flatMap { _ in [red, green, blue] })
    }

    @Test func coloursAreNamedPlainlyAndByCSS() {
        let cases: [(UInt8, UInt8, UInt8, String, String)] = [
            (255, 0, 0, "red", "red"), (0, 0, 255, "blue", "blue"), (255, 255, 255, "white", "white"),
            (0, 0, 0, "black", "black"), (128, 128, 128, "gray", "gray"), (255, 215, 0, "yellow", "gold"),
            (0, 128, 0, "green", "green"), (255, 165, 0, "orange", "orange"), (128, 0, 128, "purple", "purple"),
            (64, 224, 208, "teal", "turquoise"), (255, 192, 203, "pink", "pink"), (139, 69, 19, "brown", "saddlebrown"),
        ]
        for (red, green, blue, simple, css) in cases {
            let colour = DominantColor(red: Int(red), green: Int(green), blue: Int(blue), pixelPercent: 100)
            #expect(colour.simplifiedName == simple, "\(red),\(green),\(blue)")
            #expect(colour.cssName == css, "\(red),\(green),\(blue)")
        }
        #expect(DominantColor(red: 10, green: 171, blue: 255, pixelPercent: 1).hexCode == "#0aabff")
    }

    @Test func dominantColoursCountPixels() {
        var pixels = [UInt8]()
        for index in 0..<100 { pixels += index < 75 ? [250, 250, 250] : [10, 10, 200] }
        let image = RGBImage(width: 10, height: 10, pixels: pixels)
        let colours = ColorClustering.dominantColors(image, mask: nil, count: 5)
        #expect(colours.count == 2)
        #expect(colours[0].pixelPercent == 75 && colours[0].simplifiedName == "white")
        #expect(colours[1].pixelPercent == 25 && colours[1].simplifiedName == "blue")
    }

    @Test func qualityTellsFlatFromDetailed() {
        let flat = ImageQuality(measuring: solid(128, 128, 128))
        #expect(flat.contrast == 0 && flat.sharpness == 0)
        #expect(abs(flat.brightness - 50.2) < 0.1)
        let stripes = RGBImage(
            width: 20, height: 20, pixels: (0..<400).flatMap { ($0 % 2 == 0 ? [255, 255, 255] : [0, 0, 0]) as [UInt8] })
        let detailed = ImageQuality(measuring: stripes)
        #expect(detailed.contrast > 99 && detailed.sharpness > 99)
    }

    @Test func foregroundIsWhatTheBorderIsNot() {
        var pixels = [UInt8]()
        for y in 0..<40 {
            for x in 0..<40 { pixels += (10..<30).contains(x) && (10..<30).contains(y) ? [200, 30, 30] : [240, 240, 240] }
        }
        let properties = ImageProperties(measuring: RGBImage(width: 40, height: 40, pixels: pixels), maxColors: 3)
        #expect(properties.foreground?.colors.first?.simplifiedName == "red")
        #expect(properties.background?.colors.first?.simplifiedName == "white")
        #expect(ImageProperties(measuring: solid(30, 30, 30), maxColors: 3).foreground == nil)
    }
}

import Foundation
import Testing

@testable import Vision

@Suite struct ImageDecoderTests {
    /// A 2 x 1 picture: a red pixel, then a blue one.
    let redThenBlue = RGBImage(width: 2, height: 1, pixels: [255, 0, 0, 0, 0, 255])

    @Test func formatsAreToldApartByTheirSignatures() {
        #expect(ImageDecoder.Format(sniffing: [0xFF, 0xD8, 0xFF, 0xE0]) == .jpeg)
        #expect(ImageDecoder.Format(sniffing: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]) == .png)
        #expect(ImageDecoder.Format(sniffing: Array("GIF89a".utf8)) == nil)
        #expect(ImageDecoder.Format(sniffing: [0xFF, 0xD8]) == nil)
    }

    @Test func unreadableDataIsAnInvalidFormatNeverACrash() {
        for data in [Data("hello".utf8), Data([0xFF, 0xD8, 0xFF] + [UInt8](repeating: 0, count: 64)),
                     Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 100))] {
            #expect(throws: VisionError.self) { try ImageDecoder.decode(data) }
            do {
                _ = try ImageDecoder.decode(data)
            } catch {
                #expect(error.kind == .invalidFormat)
            }
        }
    }

    @Test func exifOrientationIsReadFromBothByteOrders() {
        for littleEndian in [true, false] {
            #expect(ExifOrientation.value(inJPEG: jpegHeader(orientation: 6, littleEndian: littleEndian)) == 6)
            #expect(ExifOrientation.value(inJPEG: jpegHeader(orientation: 3, littleEndian: littleEndian)) == 3)
        }
        #expect(ExifOrientation.value(inJPEG: jpegHeader(orientation: 9, littleEndian: true)) == 1)
        #expect(ExifOrientation.value(inJPEG: [0xFF, 0xD8, 0xFF, 0xDA, 0, 2]) == 1)
        #expect(ExifOrientation.value(inJPEG: Array(jpegHeader(orientation: 6, littleEndian: true).prefix(20))) == 1)
    }

    @Test func orientationsTurnThePictureUpright() {
        let turned = ExifOrientation.apply(6, to: redThenBlue)  // viewed turned a quarter clockwise
        #expect(turned.width == 1 && turned.height == 2)
        #expect(Array(turned.pixels[0..<3]) == [255, 0, 0])
        #expect(ExifOrientation.apply(3, to: redThenBlue).pixels == [0, 0, 255, 255, 0, 0])
        #expect(ExifOrientation.apply(2, to: redThenBlue).pixels == [0, 0, 255, 255, 0, 0])
        let left = ExifOrientation.apply(8, to: redThenBlue)
        #expect(Array(left.pixels[0..<3]) == [0, 0, 255])
        #expect(ExifOrientation.apply(1, to: redThenBlue).pixels == redThenBlue.pixels)
    }

    @Test func pointsOfATurnedPictureMapBack() {
        // A 4 x 2 picture turned a quarter clockwise is 2 x 4; its top-left corner was the original's bottom-left.
        let quarter = TurnMapping(quarterTurns: 1, width: 4, height: 2)
        #expect(quarter.original(x: 0, y: 0) == (0, 2))
        #expect(quarter.original(x: 2, y: 4) == (4, 0))
        let half = TurnMapping(quarterTurns: 2, width: 4, height: 2)
        #expect(half.original(x: 0, y: 0) == (4, 2))
        let three = TurnMapping(quarterTurns: 3, width: 4, height: 2)
        #expect(three.original(x: 0, y: 0) == (4, 0))
        // The mapping agrees with how pixels move.
        let image = RGBImage(width: 4, height: 2, pixels: (0..<24).map { UInt8($0) })
        let rotated = image.rotated(quarterTurns: 1)
        let centre = quarter.original(x: 0.5, y: 0.5)  // centre of the turned picture's first pixel
        let source = (Int(centre.y) * 4 + Int(centre.x)) * 3
        #expect(Array(rotated.pixels[0..<3]) == Array(image.pixels[source..<source + 3]))
    }

    @Test func shrinkingAveragesAndReportsTheScale() {
        var pixels: [UInt8] = []
        for index in 0..<16 {
            let value: UInt8 = (index / 4 + index % 4) % 2 == 0 ? 200 : 0
            pixels += [value, value, value]
        }
        let checker = RGBImage(width: 4, height: 4, pixels: pixels)
        let (small, scale) = checker.fitting(maxSide: 2)
        #expect(scale == 0.5 && small.width == 2 && small.height == 2)
        #expect(small.pixels.allSatisfy { $0 == 100 })
        #expect(checker.fitting(maxSide: 10).scale == 1)
    }

    /// A JPEG's first bytes: SOI, an APP1 Exif block whose IFD0 holds one Orientation entry, then start of scan.
    func jpegHeader(orientation: Int, littleEndian: Bool) -> [UInt8] {
        func u16(_ value: Int) -> [UInt8] {
            littleEndian ? [UInt8(value & 0xFF), UInt8(value >> 8)] : [UInt8(value >> 8), UInt8(value & 0xFF)]
        }
        func u32(_ value: Int) -> [UInt8] { littleEndian ? u16(value & 0xFFFF) + u16(value >> 16) : u16(value >> 16) + u16(value & 0xFFFF) }
        let byteOrder: [UInt8] = littleEndian ? [0x49, 0x49] : [0x4D, 0x4D]
        var tiff: [UInt8] = byteOrder + u16(42) + u32(8) + u16(1)
        tiff += u16(0x0112) + u16(3) + u32(1)
        tiff += u16(orientation) + u16(0) + u32(0)
        let app1: [UInt8] = [0x45, 0x78, 0x69, 0x66, 0, 0] + tiff
        let length = app1.count + 2
        return [0xFF, 0xD8, 0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + app1 + [0xFF, 0xDA, 0, 2]
    }
}

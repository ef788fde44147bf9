/// The orientation a JPEG's Exif block asks viewers to apply (TIFF tag 0x0112), read without decoding the picture.
public enum ExifOrientation {
    /// The tag's value (1–8), or 1 when the data has no Exif orientation.
    public static func value(inJPEG data: [UInt8]) -> Int {
        guard data.count > 4, data[0] == 0xFF, data[1] == 0xD8 else { return 1 }
        var offset = 2
        while offset + 4 <= data.count, data[offset] == 0xFF {
            let marker = data[offset + 1]
            if marker == 0xDA || marker == 0xD9 { break }  // start of scan or end of image: no more metadata
            let length = Int(data[offset + 2]) << 8 | Int(data[offset + 3])
            guard length >= 2, offset + 2 + length <= data.count else { break }
            if marker == 0xE1, length >= 8,
                Array(data[(offset + 4)..<(offset + 10)]) == [0x45, 0x78, 0x69, 0x66, 0, 0]
            {
                return tiffOrientation(data[(offset + 10)..<(offset + 2 + length)]) ?? 1
            }
            offset += 2 + length
        }
        return 1
    }

    /// Turns a decoded picture upright as the orientation value says.
    public static func apply(_ value: Int, to image: RGBImage) -> RGBImage {
        switch value {
        case 2: image.mirrored()
        case 3: image.rotated(quarterTurns: 2)
        case 4: image.mirrored().rotated(quarterTurns: 2)
        case 5: image.mirrored().rotated(quarterTurns: 3)
        case 6: image.rotated(quarterTurns: 1)
        case 7: image.mirrored().rotated(quarterTurns: 1)
        case 8: image.rotated(quarterTurns: 3)
        default: image
        }
    }

    private static func tiffOrientation(_ tiff: ArraySlice<UInt8>) -> Int? {
        let bytes = Array(tiff)
        guard bytes.count >= 8 else { return nil }
        let littleEndian: Bool
        switch (bytes[0], bytes[1]) {
        case (0x49, 0x49): littleEndian = true
        case (0x4D, 0x4D): littleEndian = false
        default: return nil
        }
        func read16(_ at: Int) -> Int? {
            guard at >= 0, at + 2 <= bytes.count else { return nil }
            return littleEndian ? Int(bytes[at]) | Int(bytes[at + 1]) << 8 : Int(bytes[at]) << 8 | Int(bytes[at + 1])
        }
        func read32(_ at: Int) -> Int? {
            guard let high = read16(littleEndian ? at + 2 : at), let low = read16(littleEndian ? at : at + 2) else {
                return nil
            }
            return high << 16 | low
        }
        guard read16(2) == 42, let directory = read32(4), let count = read16(directory) else { return nil }
        for entry in 0..<count {
            let at = directory + 2 + entry * 12
            guard let tag = read16(at) else { return nil }
            if tag == 0x0112, let value = read16(at + 8), (1...8).contains(value) { return value }
        }
        return nil
    }
}

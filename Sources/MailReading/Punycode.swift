/// Punycode encoding of one domain label (RFC 3492), as IDNA uses it for A-labels.
enum Punycode {
    private static let base = 36
    private static let tMin = 1
    private static let tMax = 26
    private static let skew = 38
    private static let damp = 700
    private static let initialBias = 72
    private static let initialCodePoint = 0x80

    /// Encodes a label's scalars; returns nil when the arithmetic would overflow, which only absurdly
    /// long labels reach.
    ///
    /// The result has no `xn--` prefix.
    static func encode(_ label: String) -> String? {
        let input = label.unicodeScalars.map { Int($0.value) }
        var output = String.UnicodeScalarView(label.unicodeScalars.filter(\.isASCII))
        let basicCount = output.count
        if basicCount > 0 {
            output.append("-")
        }

        var codePoint = initialCodePoint
        var delta = 0
        var bias = initialBias
        var handled = basicCount

        while handled < input.count {
            guard let next = input.filter({ $0 >= codePoint }).min() else { break }
            guard let increase = multiplied(next - codePoint, handled + 1), let sum = added(delta, increase) else {
                return nil
            }
            delta = sum
            codePoint = next

            for value in input {
                if value < codePoint {
                    guard let incremented = added(delta, 1) else { return nil }
                    delta = incremented
                }
                if value == codePoint {
                    appendVariableLengthInteger(delta, bias: bias, to: &output)
                    bias = adapt(delta, pointCount: handled + 1, isFirst: handled == basicCount)
                    delta = 0
                    handled += 1
                }
            }
            delta += 1
            codePoint += 1
        }
        return String(output)
    }

    /// Writes `value` as a generalized variable-length integer with thresholds set by `bias`.
    private static func appendVariableLengthInteger(_ value: Int, bias: Int, to output: inout String.UnicodeScalarView) {
        var remainder = value
        var k = base
        while true {
            let threshold = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
            if remainder < threshold {
                break
            }
            output.append(digit(threshold + (remainder - threshold) % (base - threshold)))
            remainder = (remainder - threshold) / (base - threshold)
            k += base
        }
        output.append(digit(remainder))
    }

    private static func adapt(_ delta: Int, pointCount: Int, isFirst: Bool) -> Int {
        var scaled = isFirst ? delta / damp : delta / 2
        scaled += scaled / pointCount
        var k = 0
        while scaled > ((base - tMin) * tMax) / 2 {
            scaled /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * scaled / (scaled + skew)
    }

    /// Returns the basic code point of a digit value 0...35: `a`...`z`, then `0`...`9`.
    private static func digit(_ value: Int) -> Unicode.Scalar {
        let ascii = value < 26 ? 0x61 + value : 0x30 + value - 26
        return Unicode.Scalar(UInt8(ascii))
    }

    private static func multiplied(_ a: Int, _ b: Int) -> Int? {
        let (result, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? nil : result
    }

    private static func added(_ a: Int, _ b: Int) -> Int? {
        let (result, overflow) = a.addingReportingOverflow(b)
        return overflow ? nil : result
    }
}

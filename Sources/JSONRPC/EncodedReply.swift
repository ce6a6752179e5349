/// A reply to one request, serialized, as the dispatcher collects them for one frame.
struct EncodedReply {
    let id: RequestID?
    var body: [UInt8]
    /// True for a reply with `result`, which may be replaced by an error when it is too large.
    var isResult: Bool

    /// Encodes a response; a result that cannot be written becomes a -32603 error for the same id.
    init(id: RequestID?, result: Result<JSONValue, ResponseError>, logger: Logger) {
        self.id = id
        do {
            body = try Self.serialize(id: id, result: result)
            if case .success = result {
                isResult = true
            } else {
                isResult = false
            }
            return
        } catch {
            logger.debug("Could not write the reply to request \(id?.description ?? "null"): \(error).")
        }
        isResult = false
        do {
            body = try Self.serialize(id: id, result: .failure(.internalError))
        } catch {
            logger.debug("Could not write request id \(id?.description ?? "null") into a reply: \(error).")
            body = Array(#"{"jsonrpc":"2.0","id":null,"error":{"code":-32603,"message":"Internal error"}}"#.utf8)
        }
    }

    private static func serialize(id: RequestID?, result: Result<JSONValue, ResponseError>) throws(JSONWriteError)
        -> [UInt8]
    {
        var writer = JSONWriter(output: [])
        try writer.writeResponse(id: id, result: result)
        return writer.output
    }

    /// Returns the frame body for the replies: the one reply, or a batch's replies in a JSON array.
    static func frameBody(of replies: [EncodedReply], isBatch: Bool) -> [UInt8] {
        guard isBatch else {
            return replies.first?.body ?? []
        }
        var body: [UInt8] = [UInt8(ascii: "[")]
        body.reserveCapacity(frameSize(of: replies, isBatch: true))
        for (position, reply) in replies.enumerated() {
            if position > 0 {
                body.append(UInt8(ascii: ","))
            }
            body.append(contentsOf: reply.body)
        }
        body.append(UInt8(ascii: "]"))
        return body
    }

    /// Returns the size in bytes of ``frameBody(of:isBatch:)`` without building it.
    static func frameSize(of replies: [EncodedReply], isBatch: Bool) -> Int {
        let bodies = replies.reduce(0) { $0 + $1.body.count }
        return isBatch ? bodies + max(replies.count - 1, 0) + 2 : bodies
    }

    /// Replaces results with ``ResponseError/replyTooLarge(size:limit:)`` errors, largest first,
    /// until the frame body fits in `limit` bytes.
    ///
    /// In a batch the whole array counts, so a result that would fit alone may be replaced. Each
    /// error's `size` is the frame body's size before that replacement.
    /// - Returns: False when the replies are still too large with every result replaced.
    static func fit(_ replies: inout [EncodedReply], isBatch: Bool, limit: Int, logger: Logger) -> Bool {
        var size = frameSize(of: replies, isBatch: isBatch)
        while size > limit {
            let results = replies.indices.filter { replies[$0].isResult }
            guard let largest = results.max(by: { replies[$0].body.count < replies[$1].body.count }) else {
                return false
            }
            let id = replies[largest].id
            logger.warning(
                "Replaced the result of request \(id?.description ?? "null"): the reply of \(size) bytes exceeds "
                    + "the limit of \(limit) bytes.")
            replies[largest] = EncodedReply(id: id, result: .failure(.replyTooLarge(size: size, limit: limit)), logger: logger)
            size = frameSize(of: replies, isBatch: isBatch)
        }
        return true
    }
}

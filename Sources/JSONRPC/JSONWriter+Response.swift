extension JSONWriter {
    /// Writes a response with the members in the order of ``JSONRPCMessage/jsonValue``, without
    /// building the envelope as a ``JSONObject`` first, because the server does this for every reply.
    mutating func writeResponse(id: RequestID?, result: Result<JSONValue, ResponseError>) throws(JSONWriteError) {
        appendASCII(#"{"jsonrpc":"2.0","id":"#)
        switch id {
        case .number(let literal)?:
            try write(.number(literal), depth: 1)
        case .string(let text)?:
            writeString(text)
        case nil:
            appendASCII("null")
        }

        switch result {
        case .success(let value):
            appendASCII(#","result":"#)
            try write(value, depth: 1)
        case .failure(let error):
            appendASCII(#","error":{"code":"#)
            output.append(contentsOf: String(error.code).utf8)
            appendASCII(#","message":"#)
            writeString(error.message)
            if let data = error.data {
                appendASCII(#","data":"#)
                try write(data, depth: 2)
            }
            appendASCII("}")
        }
        appendASCII("}")
    }
}

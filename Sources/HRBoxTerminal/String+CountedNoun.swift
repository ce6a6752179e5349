extension String {
    /// Creates `1 day` or `14 days`: the count followed by the singular or the plural noun.
    init(count: Int, singular: String, plural: String) {
        self = "\(count) \(count == 1 ? singular : plural)"
    }
}

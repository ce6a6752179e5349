/// Work that ``BoxModel`` hands to the I/O layer after an event.
public enum BoxEffect: Equatable, Sendable {
    /// Make this call and pass its outcome to ``BoxModel/receive(_:)``.
    case call(ServiceRequest)
    /// Draw the screen again because the model changed.
    case redraw
    /// Leave the box: restore the terminal and print the model's summary.
    case quit
}

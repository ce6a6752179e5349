/// Which to-dos a listing shows by whether they are done.
public enum TodoStatus: String, WireEnum {
    case open
    case done
    case all
}

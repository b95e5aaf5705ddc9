package hk.baycover.catalog;

/**
 * One thing wrong with a pack, located precisely: {@code FILE:POINTER: message}. The pointer is a JSON pointer
 * ("/items/3/approvals/0/institution") or, for syntax errors, "line:column".
 */
public record Problem(String file, String pointer, String message) {
    @Override
    public String toString() {
        return file + ":" + (pointer == null || pointer.isEmpty() ? "/" : pointer) + ": " + message;
    }
}

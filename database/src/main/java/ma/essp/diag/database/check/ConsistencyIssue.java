package ma.essp.diag.database.check;

/** One broken rule: which rule, where (table and the row's code or id), and a readable explanation. */
public record ConsistencyIssue(String rule, String table, String row, String message) {

    @Override
    public String toString() {
        return "[" + rule + "] " + table + (row == null ? "" : " " + row) + ": " + message;
    }
}

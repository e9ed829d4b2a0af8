package tw.yanshou.audit;

import java.util.List;

/**
 * The verification of one hash chain (a contract's event log, or an audit chain): how many rows, the head (the last
 * row's hash, to print on a statement), and the first row that does not match — its content was changed (the
 * recomputed hash differs) or a row before it was removed or changed (its link to the previous hash differs).
 *
 * @param firstBroken the position in the chain (event {@code seq}, audit {@code chainSeq}) of the first bad row, or null
 */
public record ChainCheck(String chain, long rows, Long headPosition, String head, boolean intact, Long firstBroken,
                         String problem) {

    /** One row as read back: its position, the hashes stored, and its hash recomputed from its content now. */
    public record Row(long position, String prevHash, String hash, String recomputed) { }

    /** Walks the rows in chain order. */
    public static ChainCheck of(String chain, List<Row> rows) {
        String expectedPrev = null;
        long expectedPosition = 1;
        for (Row r : rows) {
            if (r.position() != expectedPosition)
                return broken(chain, rows, r, "row " + expectedPosition + " is missing: the chain jumps to " + r.position());
            if (!java.util.Objects.equals(r.prevHash(), expectedPrev))
                return broken(chain, rows, r, "its link to the previous row does not match: a row before it was changed or removed");
            if (!r.hash().equals(r.recomputed()))
                return broken(chain, rows, r, "its content no longer matches its hash: it was changed after it was written");
            expectedPrev = r.hash();
            expectedPosition++;
        }
        Row last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        return new ChainCheck(chain, rows.size(), last == null ? null : last.position(), last == null ? null : last.hash(),
                true, null, null);
    }

    private static ChainCheck broken(String chain, List<Row> rows, Row at, String problem) {
        Row last = rows.get(rows.size() - 1);
        return new ChainCheck(chain, rows.size(), last.position(), last.hash(), false, at.position(), problem);
    }
}

package tw.yanshou.contract;

/**
 * The head of a contract's event log: the position of its last entry and that entry's chain hash. Printed on a
 * statement, it proves later which log the statement was computed from (see {@code GET /api/contracts/{id}/integrity}).
 */
public record LogHead(int seq, String hash) { }

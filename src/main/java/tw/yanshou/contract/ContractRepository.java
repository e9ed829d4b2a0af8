package tw.yanshou.contract;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tw.yanshou.audit.ChainCheck;
import tw.yanshou.calculus.DueRule;
import tw.yanshou.calculus.Item;
import tw.yanshou.calculus.Milestone;
import tw.yanshou.contract.file.ContractFile;

/** Contracts, their append-only event log and stored statements, in PostgreSQL. */
@Repository
public class ContractRepository {
    private static final String SUMMARY = "select id, number, title, buyer, vendor_id, vendor_name, signed_on, status, "
            + "terminated_on, process_instance_id from contract";

    private final JdbcClient jdbc;

    ContractRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    void insert(UUID id, ContractFile file, String definitionJson, String actor) {
        jdbc.sql("insert into contract (id, number, title, buyer, vendor_id, vendor_name, currency, signed_on, definition, created_by) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)")
                .params(id, file.number(), file.title() == null ? "" : file.title(), file.buyer(),
                        file.vendor() == null ? null : file.vendor().id(), file.vendor() == null ? null : file.vendor().name(),
                        file.currency(), Date.valueOf(file.contract().signedOn()), definitionJson, actor)
                .update();
        List<Item> items = file.contract().items();
        for (int i = 0; i < items.size(); i++) {
            jdbc.sql("insert into contract_item (contract_id, position, code, name, amount) values (?, ?, ?, ?, ?)")
                    .params(id, i, items.get(i).code(), items.get(i).name(), items.get(i).amount()).update();
        }
        List<Milestone> milestones = file.contract().milestones();
        for (int i = 0; i < milestones.size(); i++) {
            Milestone m = milestones.get(i);
            Integer days = m.due() instanceof DueRule.Relative r ? r.days() : null;
            String from = m.due() instanceof DueRule.Relative r ? r.from().toString() : null;
            Date date = m.due() instanceof DueRule.Fixed f ? Date.valueOf(f.date()) : null;
            int position = i;
            jdbc.sql("insert into milestone (contract_id, position, milestone_id, name, items, due_days, due_from, due_date) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .param(1, id).param(2, position).param(3, m.id()).param(4, m.name())
                    .param(5, m.items().toArray(String[]::new)).param(6, days).param(7, from).param(8, date)
                    .update();
        }
        List<ContractFile.LinkedContract> links = file.linkedContracts();
        for (int i = 0; i < links.size(); i++) {
            ContractFile.LinkedContract l = links.get(i);
            jdbc.sql("insert into linked_contract (contract_id, position, number, kind, amount, performance_bond, terminates_with_this) "
                            + "values (?, ?, ?, ?, ?, ?, ?)")
                    .params(id, i, l.number(), l.kind(), l.amount(), l.performanceBond(), l.terminatesWithThis()).update();
        }
    }

    Optional<String> definition(UUID id) {
        return jdbc.sql("select definition::text from contract where id = ?").param(id).query(String.class).optional();
    }

    /** Locks the contract row for the rest of the transaction: events of one contract are recorded one at a time. */
    public Optional<ContractSummary> lock(UUID id) {
        return jdbc.sql(SUMMARY + " where id = ? for update").param(id).query(ContractRepository::summary).optional();
    }

    public Optional<ContractSummary> find(UUID id) {
        return jdbc.sql(SUMMARY + " where id = ?").param(id).query(ContractRepository::summary).optional();
    }

    /** By number, regardless of letter case: {@code 107-A} and {@code 107-a} are one contract. */
    public Optional<ContractSummary> findByNumber(String number) {
        return jdbc.sql(SUMMARY + " where lower(number) = lower(?)").param(number).query(ContractRepository::summary).optional();
    }

    List<ContractSummary> list(String vendorId, int limit, int offset) {
        String where = vendorId == null ? "" : " where vendor_id = :vendor";
        var spec = jdbc.sql(SUMMARY + where + " order by signed_on desc, number limit :limit offset :offset")
                .param("limit", limit).param("offset", offset);
        if (vendorId != null) spec = spec.param("vendor", vendorId);
        return spec.query(ContractRepository::summary).list();
    }

    /** Contracts still running, with a process. */
    public List<ContractSummary> open() {
        return jdbc.sql(SUMMARY + " where status = 'OPEN' and process_instance_id is not null order by number")
                .query(ContractRepository::summary).list();
    }

    /** The contract's event log as a hash chain: each row with its stored hashes and its hash recomputed now. */
    public ChainCheck verifyEvents(UUID contractId) {
        List<ChainCheck.Row> rows = jdbc.sql("select seq, prev_hash, hash, yanshou_chain_hash(prev_hash, yanshou_event_canonical(e)) "
                        + "from contract_event e where contract_id = ? order by seq")
                .param(contractId).query((rs, n) -> new ChainCheck.Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4))).list();
        return ChainCheck.of("events:" + contractId, rows);
    }

    /** The head of the contract's event log: the last entry's position and hash (none before the first event). */
    public Optional<LogHead> eventLogHead(UUID contractId) {
        return jdbc.sql("select seq, hash from contract_event where contract_id = ? order by seq desc limit 1")
                .param(contractId).query((rs, n) -> new LogHead(rs.getInt(1), rs.getString(2))).optional();
    }

    /** The chain hash of each entry of the contract's event log, by entry id. */
    public java.util.Map<UUID, LogHead> eventHashes(UUID contractId) {
        java.util.Map<UUID, LogHead> hashes = new java.util.HashMap<>();
        jdbc.sql("select id, seq, hash from contract_event where contract_id = ?").param(contractId)
                .query((rs, n) -> hashes.put(rs.getObject(1, UUID.class), new LogHead(rs.getInt(2), rs.getString(3)))).list();
        return hashes;
    }

    public List<StoredEvent> events(UUID contractId) {
        return jdbc.sql("select id, contract_id, seq, effective_date, type, body::text, voids, reason, recorded_at, recorded_by, "
                        + "cascaded_from "
                        + "from contract_event where contract_id = ? order by seq")
                .param(contractId).query(ContractRepository::event).list();
    }

    void append(StoredEvent e) {
        jdbc.sql("insert into contract_event (id, contract_id, seq, effective_date, type, body, voids, reason, recorded_by, "
                        + "cascaded_from) values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?)")
                .params(e.id(), e.contractId(), e.seq(), Date.valueOf(e.effectiveDate()), e.type(), e.body(), e.voids(),
                        e.reason(), e.recordedBy(), e.cascadedFrom())
                .update();
    }

    int nextSeq(UUID contractId) {
        return jdbc.sql("select coalesce(max(seq), 0) + 1 from contract_event where contract_id = ?")
                .param(contractId).query(Integer.class).single();
    }

    public void setProcessInstance(UUID id, String processInstanceId) {
        jdbc.sql("update contract set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
    }

    public void setStatus(UUID id, ContractStatus status, LocalDate terminatedOn) {
        jdbc.sql("update contract set status = ?, terminated_on = ? where id = ?")
                .params(status.name(), terminatedOn == null ? null : Date.valueOf(terminatedOn), id).update();
    }

    public void storeStatement(UUID id, LocalDate asOf, String cause, BigDecimal penalty, String json) {
        jdbc.sql("insert into statement (contract_id, as_of, cause, penalty, body) values (?, ?, ?, ?, cast(? as jsonb)) "
                        + "on conflict (contract_id, as_of) do update set computed_at = now(), cause = excluded.cause, "
                        + "penalty = excluded.penalty, body = excluded.body")
                .params(id, Date.valueOf(asOf), cause, penalty, json).update();
    }

    public Optional<String> storedStatement(UUID id, LocalDate asOf) {
        return jdbc.sql("select body::text from statement where contract_id = ? and as_of = ?")
                .params(id, Date.valueOf(asOf)).query(String.class).optional();
    }

    /** Linked contracts that end with this one and have not ended yet: (position, number). */
    public List<LinkedToTerminate> linkedToTerminate(UUID id) {
        return jdbc.sql("select position, number from linked_contract where contract_id = ? and terminates_with_this "
                        + "and terminated_on is null order by position")
                .param(id).query((rs, n) -> new LinkedToTerminate(rs.getInt(1), rs.getString(2))).list();
    }

    /** Numbers of the linked contracts that end with this one. */
    List<String> linkedEndingWith(UUID id) {
        return jdbc.sql("select number from linked_contract where contract_id = ? and terminates_with_this order by position")
                .param(id).query(String.class).list();
    }

    public void markLinkedTerminated(UUID id, int position, LocalDate on) {
        jdbc.sql("update linked_contract set terminated_on = ? where contract_id = ? and position = ?")
                .params(Date.valueOf(on), id, position).update();
    }

    /** Before a rebuild: the replay decides again whether the contract ended and its linked contracts with it. */
    public void reopen(UUID id) {
        setStatus(id, ContractStatus.OPEN, null);
        jdbc.sql("update linked_contract set terminated_on = null where contract_id = ?").param(id).update();
    }

    public record LinkedToTerminate(int position, String number) { }

    private static ContractSummary summary(ResultSet rs, int row) throws SQLException {
        Date terminated = rs.getDate("terminated_on");
        return new ContractSummary(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("title"),
                rs.getString("buyer"), rs.getString("vendor_id"), rs.getString("vendor_name"),
                rs.getDate("signed_on").toLocalDate(), ContractStatus.valueOf(rs.getString("status")),
                terminated == null ? null : terminated.toLocalDate(), rs.getString("process_instance_id"));
    }

    private static StoredEvent event(ResultSet rs, int row) throws SQLException {
        Timestamp at = rs.getTimestamp("recorded_at");
        return new StoredEvent(rs.getObject("id", UUID.class), rs.getObject("contract_id", UUID.class), rs.getInt("seq"),
                rs.getDate("effective_date").toLocalDate(), rs.getString("type"), rs.getString("body"),
                rs.getObject("voids", UUID.class), rs.getString("reason"), at.toInstant(), rs.getString("recorded_by"),
                rs.getObject("cascaded_from", UUID.class));
    }

}

package tw.yanshou.contract;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The open contracts whose statement the nightly accrual has not yet recomputed for a day, claimed in chunks so that
 * any number of threads and nodes share the work and each contract is done once: a claim locks its rows
 * ({@code FOR UPDATE SKIP LOCKED}: rows another claim holds are passed over, never waited for) until the claimer's
 * transaction marks them done ({@link #markAccrued}) and commits. A contract being changed at that moment (its row
 * locked by an event) is passed over and taken by a later run; one that is accepted or terminated is no longer
 * open, so it is not claimed. Call inside a transaction.
 */
@Component
public class AccrualClaims {
    private final JdbcClient jdbc;

    AccrualClaims(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** A claimed contract and its process instance (null if it has none). */
    public record Claimed(UUID id, String processInstanceId) { }

    /** Up to {@code limit} open contracts not yet accrued for {@code day}, locked until the transaction ends. */
    public List<Claimed> claim(LocalDate day, int limit) {
        return jdbc.sql("select id, process_instance_id from contract where status = 'OPEN' "
                        + "and (accrued_on is null or accrued_on < ?) limit ? for update skip locked")
                .params(Date.valueOf(day), limit)
                .query((rs, n) -> new Claimed(rs.getObject(1, UUID.class), rs.getString(2))).list();
    }

    /** The one contract, if it is open, not yet accrued for {@code day} and not locked by anyone else. */
    public Optional<Claimed> claimOne(UUID id, LocalDate day) {
        return jdbc.sql("select id, process_instance_id from contract where id = ? and status = 'OPEN' "
                        + "and (accrued_on is null or accrued_on < ?) for update skip locked")
                .params(id, Date.valueOf(day))
                .query((rs, n) -> new Claimed(rs.getObject(1, UUID.class), rs.getString(2))).optional();
    }

    /** Marks contracts done for {@code day}. */
    public void markAccrued(Collection<UUID> ids, LocalDate day) {
        if (ids.isEmpty()) return;
        jdbc.sql("update contract set accrued_on = :day where id in (:ids) and (accrued_on is null or accrued_on < :day)")
                .param("day", Date.valueOf(day)).param("ids", ids).update();
    }

    /** How many open contracts are not yet accrued for {@code day} (locked ones included). */
    public long due(LocalDate day) {
        return jdbc.sql("select count(*) from contract where status = 'OPEN' and (accrued_on is null or accrued_on < ?)")
                .param(Date.valueOf(day)).query(Long.class).single();
    }
}

package tw.yanshou.contract;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import tw.yanshou.security.Actor;

/**
 * The query side of the officers' dashboard: contracts with the figures of their latest stored statement (the
 * statement table, written whenever an event is recorded and by the daily accrual run), filtered, sorted and paged
 * in one SQL query. Nothing is computed here: every figure is the calculus's, as stored.
 */
@Service
public class ContractBoard {
    /** Sort keys and the SQL that orders by them (null last, then by number for a stable order). */
    private static final Map<String, String> SORTS = Map.of(
            "number", "number",
            "nextDue", "next_due",
            "lateDays", "late_days",
            "penalty", "penalty",
            "exposure", "exposure",
            "terminationRight", "termination_right_on",
            "vendor", "vendor_name");
    public static final int MAX_PAGE_SIZE = 200;

    private final JdbcClient jdbc;

    ContractBoard(JdbcClient jdbc) { this.jdbc = jdbc; }

    /**
     * One contract on the board.
     *
     * @param asOf              the day of the stored statement the figures come from (null: none stored yet)
     * @param nextDue           the earliest due date of a milestone not yet accepted
     * @param late              a milestone is late (past due, not tendered)
     * @param exposurePercent   penalty before the cap as a percentage of the cap (null: no cap, or waived)
     * @param terminationRightOn the day the termination right arose (null: not yet)
     */
    public record Row(UUID id, String number, String title, String vendorId, String vendorName, ContractStatus status,
                      LocalDate asOf, LocalDate nextDue, long lateDays, boolean late, BigDecimal penalty,
                      BigDecimal capAmount, boolean capWaived, BigDecimal exposurePercent,
                      LocalDate terminationRightOn, LocalDate projectedCapOn, LocalDate projectedTerminationRightOn) {
        /** The termination right has arisen by the statement's day. */
        public boolean terminationRight() {
            return terminationRightOn != null && asOf != null && !terminationRightOn.isAfter(asOf);
        }
    }

    /**
     * What to show: {@code status} null for all, {@code text} matches number, title or vendor (id or name),
     * {@code vendor} a vendor id exactly.
     */
    public record Filter(ContractStatus status, boolean lateOnly, String vendor, String text) { }

    public record Page(List<Row> rows, long total, int page, int size) {
        public int pages() { return (int) Math.max(1, (total + size - 1) / size); }
    }

    /** The vendors of the contracts (id, name), for the filter. */
    public record Vendor(String id, String name) { }

    public static boolean knownSort(String sort) { return SORTS.containsKey(sort); }

    /** A page of the board as of {@code today}: the latest statement stored on or before that day. */
    public Page page(Filter filter, String sort, boolean descending, int page, int size, LocalDate today, Actor actor) {
        if (!actor.isStaff()) return new Page(List.of(), 0, 0, size);
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int pageNo = Math.max(0, page);
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("today", Date.valueOf(today))
                .addValue("limit", pageSize).addValue("offset", (long) pageNo * pageSize);
        List<String> where = new ArrayList<>();
        if (filter.status() != null) {
            where.add("status = :status");
            params.addValue("status", filter.status().name());
        }
        if (filter.lateOnly()) where.add("late");
        if (filter.vendor() != null && !filter.vendor().isBlank()) {
            where.add("vendor_id = :vendor");
            params.addValue("vendor", filter.vendor().strip());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.add("(number ilike :text or title ilike :text or coalesce(vendor_name, '') ilike :text "
                    + "or coalesce(vendor_id, '') ilike :text)");
            params.addValue("text", "%" + like(filter.text().strip()) + "%");
        }
        String order = SORTS.getOrDefault(sort, "next_due");
        String sql = "select *, count(*) over () as total from (" + BOARD + ") b"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by " + order + (descending ? " desc" : " asc") + " nulls last, number limit :limit offset :offset";
        List<long[]> total = new ArrayList<>();
        List<Row> rows = jdbc.sql(sql).paramSource(params).query((rs, n) -> {
            if (total.isEmpty()) total.add(new long[] {rs.getLong("total")});
            return row(rs, n);
        }).list();
        long count = total.isEmpty() ? countOnly(where, params) : total.get(0)[0];
        return new Page(rows, count, pageNo, pageSize);
    }

    /** The rows of some contracts (for the task list's urgency), as of {@code today}. */
    public List<Row> rows(Collection<UUID> ids, LocalDate today) {
        if (ids.isEmpty()) return List.of();
        return jdbc.sql("select * from (" + BOARD + ") b where id in (:ids)")
                .param("today", Date.valueOf(today)).param("ids", List.copyOf(ids)).query(ContractBoard::row).list();
    }

    /** The vendors of the contracts, by name: the index {@code contract_vendor_name} (V13) skipped through, a vendor at a time. */
    public List<Vendor> vendors() {
        return jdbc.sql("""
                        with recursive v (id) as (
                            (select vendor_id from contract where vendor_id is not null order by vendor_id limit 1)
                            union all
                            select (select vendor_id from contract where vendor_id > v.id order by vendor_id limit 1)
                              from v where v.id is not null)
                        select id, (select max(vendor_name) from contract where vendor_id = v.id) as name
                          from v where id is not null order by 2, 1
                        """)
                .query((rs, n) -> new Vendor(rs.getString(1), rs.getString(2))).list();
    }

    private long countOnly(List<String> where, MapSqlParameterSource params) {
        // a page past the end: the total still counts
        return jdbc.sql("select count(*) from (" + BOARD + ") b" + (where.isEmpty() ? "" : " where " + String.join(" and ", where)))
                .paramSource(params).query(Long.class).single();
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The figures of a statement row the board shows (columns of {@code statement} and {@code statement_latest}). */
    private static final List<String> FIGURES = List.of("as_of", "penalty", "late_days", "cap_amount", "cap_waived",
            "exposure", "termination_right_on", "projected_cap_on", "projected_termination_right_on", "next_due", "late");

    /**
     * Each contract with the figures of its latest statement stored on or before {@code :today}: the contract's
     * latest statement ({@code statement_latest}, V13, one row a contract, joined), or — only for the few whose
     * latest is dated after {@code :today} (the nightly run's for the next day) — the day's own, looked up by the
     * primary key (contract_id, as_of). The figures are columns PostgreSQL generates from the statement's body, so no
     * body is read here. No statement yet: no late days, not late, no waived cap, as a statement would say.
     */
    private static final String BOARD = """
            select c.id, c.number, c.title, c.vendor_id, c.vendor_name, c.status, %1$s
              from contract c
              left join statement_latest l on l.contract_id = c.id
             where l.as_of is null or l.as_of <= :today
            union all
            select c.id, c.number, c.title, c.vendor_id, c.vendor_name, c.status, %2$s
              from contract c
              join statement_latest l on l.contract_id = c.id and l.as_of > :today
              left join lateral (select %3$s from statement st
                                  where st.contract_id = c.id and st.as_of <= :today
                                  order by st.as_of desc limit 1) e on true
            """.formatted(figures("l"), figures("e"), String.join(", ", FIGURES));

    private static String figures(String from) {
        return String.join(", ", FIGURES.stream().map(f -> switch (f) {
            case "late_days" -> "coalesce(" + from + "." + f + ", 0) as " + f;
            case "late", "cap_waived" -> "coalesce(" + from + "." + f + ", false) as " + f;
            default -> from + "." + f;
        }).toList());
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("title"),
                rs.getString("vendor_id"), rs.getString("vendor_name"), ContractStatus.valueOf(rs.getString("status")),
                date(rs, "as_of"), date(rs, "next_due"), rs.getLong("late_days"), rs.getBoolean("late"),
                rs.getBigDecimal("penalty"), rs.getBigDecimal("cap_amount"), rs.getBoolean("cap_waived"),
                rs.getBigDecimal("exposure"), date(rs, "termination_right_on"), date(rs, "projected_cap_on"),
                date(rs, "projected_termination_right_on"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}

package tw.yanshou.calculus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable set of days stored as sorted, disjoint, non-adjacent closed ranges of epoch days.
 * The interval arithmetic behind late days, excused days and cure periods.
 */
final class DaySet {
    static final DaySet EMPTY = new DaySet(new long[0]);

    /** from0, to0, from1, to1, … ; sorted, disjoint and non-adjacent. */
    private final long[] bounds;

    private DaySet(long[] bounds) { this.bounds = bounds; }

    static DaySet of(LocalDate from, LocalDate to) { return ofEpoch(from.toEpochDay(), to.toEpochDay()); }

    static DaySet ofEpoch(long from, long to) { return from > to ? EMPTY : new DaySet(new long[] {from, to}); }

    static DaySet union(List<DateRange> ranges) {
        DaySet result = EMPTY;
        for (DateRange r : ranges) result = result.union(of(r.from(), r.to()));
        return result;
    }

    boolean isEmpty() { return bounds.length == 0; }

    int rangeCount() { return bounds.length / 2; }

    long from(int range) { return bounds[2 * range]; }

    long to(int range) { return bounds[2 * range + 1]; }

    boolean contains(long day) {
        int lo = 0, hi = rangeCount() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (day < from(mid)) hi = mid - 1;
            else if (day > to(mid)) lo = mid + 1;
            else return true;
        }
        return false;
    }

    boolean contains(LocalDate day) { return contains(day.toEpochDay()); }

    long size() {
        long n = 0;
        for (int i = 0; i < rangeCount(); i++) n += to(i) - from(i) + 1;
        return n;
    }

    DaySet union(DaySet other) {
        if (other.isEmpty()) return this;
        if (isEmpty()) return other;
        long[] all = new long[bounds.length + other.bounds.length];
        int a = 0, b = 0, n = 0;
        while (a < rangeCount() || b < other.rangeCount()) {
            long f, t;
            if (b >= other.rangeCount() || (a < rangeCount() && from(a) <= other.from(b))) { f = from(a); t = to(a); a++; }
            else { f = other.from(b); t = other.to(b); b++; }
            if (n > 0 && f <= all[n - 1] + 1) all[n - 1] = Math.max(all[n - 1], t);
            else { all[n++] = f; all[n++] = t; }
        }
        return new DaySet(Arrays.copyOf(all, n));
    }

    DaySet minus(DaySet other) {
        if (isEmpty() || other.isEmpty()) return this;
        List<Long> out = new ArrayList<>();
        int b = 0;
        for (int a = 0; a < rangeCount(); a++) {
            long f = from(a), t = to(a);
            while (b < other.rangeCount() && other.to(b) < f) b++;
            int c = b;
            while (f <= t) {
                if (c >= other.rangeCount() || other.from(c) > t) { out.add(f); out.add(t); break; }
                if (other.from(c) > f) { out.add(f); out.add(other.from(c) - 1); }
                f = other.to(c) + 1;
                c++;
            }
        }
        long[] result = new long[out.size()];
        for (int i = 0; i < result.length; i++) result[i] = out.get(i);
        return new DaySet(result);
    }

    /** The days of this set from {@code from} to {@code to}, both included. */
    DaySet clip(long from, long to) {
        return minus(ofEpoch(Long.MIN_VALUE / 4, from - 1)).minus(ofEpoch(to + 1, Long.MAX_VALUE / 4));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < rangeCount(); i++) {
            if (i > 0) sb.append(", ");
            sb.append(LocalDate.ofEpochDay(from(i))).append("..").append(LocalDate.ofEpochDay(to(i)));
        }
        return sb.append(']').toString();
    }
}

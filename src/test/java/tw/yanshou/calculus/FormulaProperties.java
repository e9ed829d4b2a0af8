package tw.yanshou.calculus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;
import static tw.yanshou.calculus.Fixtures.CALCULATOR;
import static tw.yanshou.calculus.Fixtures.d;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tw.yanshou.calculus.ContractEvent.Accepted;
import tw.yanshou.calculus.ContractEvent.Amended;
import tw.yanshou.calculus.ContractEvent.Excused;
import tw.yanshou.calculus.ContractEvent.InspectionFailed;
import tw.yanshou.calculus.ContractEvent.ItemChange;
import tw.yanshou.calculus.ContractEvent.Tendered;
import tw.yanshou.calculus.Statement.ClaimStatement;

/**
 * Every printed formula is arithmetically true as printed, in both rounding modes: over generated contracts (odd
 * prices, rates with decimals, amendments, excused days, cures, claims), each formula string of the statement and of
 * each claim is parsed, recomputed with BigDecimal from its printed numbers, and compared with its printed result;
 * and the penalty before the cap (and each claim's penalty before the cap) is the sum of the printed formulas.
 */
class FormulaProperties {
    private static final LocalDate SIGNED = d("2019-01-01");
    private static final String[] RATES = {"1", "1.5", "0.5", "2.25", "3", "4", "0.125", "1.75"};
    private static final String NUMBER = "([0-9][0-9,]*(?:\\.[0-9]+)?)";
    private static final String DAYS = "(\\d+|\\(\\d+(?: \\+ \\d+)+\\))";
    /** {@code basis × rate‰ × days = amount} (FORMULA). */
    private static final Pattern AS_COURT = Pattern.compile(NUMBER + " × " + NUMBER + "‰ × " + DAYS + " = " + NUMBER);
    /** {@code basis × rate‰ = daily; daily × days = amount} (DAY). */
    private static final Pattern BY_DAY = Pattern.compile(NUMBER + " × " + NUMBER + "‰ = " + NUMBER + "; " + NUMBER
            + " × " + DAYS + " = " + NUMBER);

    private static Contract contract(long seed) {
        Random r = new Random(seed);
        List<Item> items = new ArrayList<>();
        int itemCount = 1 + r.nextInt(3);
        for (int i = 0; i < itemCount; i++) items.add(new Item("I" + i, "item " + i, BigDecimal.valueOf(1 + r.nextInt(5_000_000))));
        List<Milestone> milestones = new ArrayList<>();
        int milestoneCount = 1 + r.nextInt(3);
        for (int m = 0; m < milestoneCount; m++) {
            List<String> codes = new ArrayList<>();
            for (Item item : items) if (r.nextBoolean()) codes.add(item.code());
            if (codes.isEmpty()) codes.add(items.get(r.nextInt(itemCount)).code());
            DueRule due = r.nextInt(4) == 0 ? new DueRule.Fixed(SIGNED.plusDays(10 + r.nextInt(80)))
                    : new DueRule.Relative(5 + r.nextInt(80), Anchor.SIGNED);
            milestones.add(new Milestone("M" + m, "milestone " + m, codes, due));
        }
        List<ContractEvent> events = new ArrayList<>();
        for (Milestone m : milestones) {
            if (r.nextInt(4) == 0) continue;
            LocalDate day = SIGNED.plusDays(5 + r.nextInt(200));
            events.add(new Tendered(day, m.id(), null, null));
            if (r.nextInt(3) == 0) {
                LocalDate failed = day.plusDays(r.nextInt(10));
                events.add(new InspectionFailed(failed, m.id(), null, failed.plusDays(r.nextInt(20)), null));
                if (r.nextBoolean()) events.add(new Tendered(failed.plusDays(r.nextInt(40)), m.id(), null, null));
            } else if (r.nextBoolean()) {
                events.add(new Accepted(day.plusDays(r.nextInt(10)), m.id(), null, null));
            }
        }
        if (r.nextBoolean()) {
            LocalDate from = SIGNED.plusDays(r.nextInt(200));
            events.add(new Excused(SIGNED.plusDays(1), new DateRange(from, from.plusDays(r.nextInt(60))), "excused"));
        }
        if (r.nextInt(3) == 0) {
            Item item = items.get(r.nextInt(itemCount));
            events.add(new Amended(SIGNED.plusDays(20 + r.nextInt(150)),
                    List.of(new ItemChange(item.code(), null, BigDecimal.valueOf(1 + r.nextInt(5_000_000)))), "減價收受"));
        }
        BigDecimal cap = r.nextBoolean() ? new BigDecimal(5 + r.nextInt(20) + "." + r.nextInt(10)) : null;
        Terms terms = new Terms("TW", null, r.nextBoolean() ? DeadlineDays.CALENDAR : DeadlineDays.WORKING, r.nextBoolean(),
                new PenaltyTerms(new BigDecimal(RATES[r.nextInt(RATES.length)]),
                        r.nextBoolean() ? PenaltyBasis.LATE_ITEMS : PenaltyBasis.CONTRACT_TOTAL, cap, cap,
                        r.nextBoolean() ? Rounding.FORMULA : Rounding.DAY), null);
        List<Claim> claims = List.of(new Claim(SIGNED.plusDays(30 + r.nextInt(300)), List.of(), BigDecimal.ZERO, null),
                new Claim(SIGNED.plusDays(30 + r.nextInt(300)), List.of(new Claim.Reduction(BigDecimal.valueOf(r.nextInt(60)), null)),
                        BigDecimal.valueOf(r.nextInt(100_000)), null));
        return new Contract("F-" + seed, SIGNED, items, terms, milestones, events, claims);
    }

    @Test
    void everyPrintedFormulaIsTrueAndThePenaltyIsTheirSum() {
        qt().withFixedSeed(20240625L).withExamples(1_000).forAll(longs().all()).checkAssert(seed -> {
            Contract c = contract(seed);
            Random r = new Random(~seed);
            Statement s = CALCULATOR.statement(c, SIGNED.plusDays(40 + r.nextInt(400)));
            Rounding rounding = c.terms().penalty().rounding();
            BigDecimal sum = BigDecimal.ZERO;
            for (String formula : s.formulas()) sum = sum.add(checked(formula, rounding, seed));
            assertThat(s.penaltyBeforeCap()).as("seed %d: %s", seed, s.formulas()).isEqualByComparingTo(sum);
            for (ClaimStatement claim : s.claims()) {
                BigDecimal claimSum = BigDecimal.ZERO;
                for (String formula : claim.formulas()) claimSum = claimSum.add(checked(formula, rounding, seed));
                BigDecimal expected = s.cap() == null || s.cap().waived() ? claimSum : claimSum.min(s.cap().amount());
                assertThat(claim.penalty()).as("seed %d: %s", seed, claim.formulas()).isEqualByComparingTo(expected);
                assertThat(claim.net().signum()).as("seed %d: net never below 0", seed).isGreaterThanOrEqualTo(0);
            }
            long printedDays = s.formulas().stream().mapToLong(f -> daysOf(f, rounding)).sum();
            assertThat(printedDays).as("seed %d: the formulas cover every late day", seed).isEqualTo(s.lateDays());
        });
    }

    /** Parses a formula, recomputes it from its printed numbers and returns its printed amount. */
    private static BigDecimal checked(String formula, Rounding rounding, long seed) {
        if (rounding == Rounding.FORMULA) {
            Matcher m = AS_COURT.matcher(formula);
            assertThat(m.matches()).as("seed %d: %s has the court's form", seed, formula).isTrue();
            BigDecimal exact = number(m.group(1)).multiply(number(m.group(2))).multiply(BigDecimal.valueOf(days(m.group(3))))
                    .divide(BigDecimal.valueOf(1000));
            BigDecimal printed = number(m.group(4));
            assertThat(printed).as("seed %d: %s", seed, formula).isEqualByComparingTo(exact.setScale(0, RoundingMode.HALF_UP));
            return printed;
        }
        Matcher m = BY_DAY.matcher(formula);
        assertThat(m.matches()).as("seed %d: %s has the daily form", seed, formula).isTrue();
        BigDecimal daily = number(m.group(3));
        BigDecimal exactDaily = number(m.group(1)).multiply(number(m.group(2))).divide(BigDecimal.valueOf(1000));
        assertThat(daily).as("seed %d: %s, the daily amount", seed, formula).isEqualByComparingTo(exactDaily.setScale(0, RoundingMode.HALF_UP));
        assertThat(number(m.group(4))).as("seed %d: %s, the same daily amount", seed, formula).isEqualByComparingTo(daily);
        BigDecimal printed = number(m.group(6));
        assertThat(printed).as("seed %d: %s", seed, formula).isEqualByComparingTo(daily.multiply(BigDecimal.valueOf(days(m.group(5)))));
        return printed;
    }

    private static long daysOf(String formula, Rounding rounding) {
        Matcher m = (rounding == Rounding.FORMULA ? AS_COURT : BY_DAY).matcher(formula);
        assertThat(m.matches()).isTrue();
        return days(m.group(rounding == Rounding.FORMULA ? 3 : 5));
    }

    private static BigDecimal number(String printed) {
        return new BigDecimal(printed.replace(",", ""));
    }

    private static long days(String printed) {
        return Arrays.stream(printed.replaceAll("[()]", "").split(" \\+ ")).mapToLong(Long::parseLong).sum();
    }
}

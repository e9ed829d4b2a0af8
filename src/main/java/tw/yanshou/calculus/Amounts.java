package tw.yanshou.calculus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Whole-TWD arithmetic: exact BigDecimal, rounded once, half up, where the contract or the court would. */
public final class Amounts {
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Amounts() { }

    /** Rounds half up to whole TWD. */
    public static BigDecimal whole(BigDecimal amount) { return amount.setScale(0, RoundingMode.HALF_UP); }

    /**
     * An exact amount in its shortest plain form: no trailing zeros, never a negative scale
     * ({@code 1162560.000} → {@code 1162560}, {@code 16672.50} → {@code 16672.5}).
     */
    public static BigDecimal exact(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** {@code amount × perMille ‰}, exact. */
    public static BigDecimal perMille(BigDecimal amount, BigDecimal perMille) {
        return amount.multiply(perMille).divide(THOUSAND);
    }

    /** {@code amount × percent %}, exact. */
    public static BigDecimal percent(BigDecimal amount, BigDecimal percent) {
        return amount.multiply(percent).divide(HUNDRED);
    }

    /** {@code 10,380,000}: thousands separated by commas, as the court writes amounts. */
    public static String grouped(BigDecimal amount) {
        DecimalFormat f = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(amount);
    }

    /** A rate without trailing zeros: {@code 4}, {@code 1.5}. */
    public static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }
}

package tw.yanshou.calculus;

/** How the "N days" of a due rule count (日曆天 / 工作天). */
public enum DeadlineDays {
    /** Every calendar day counts (日曆天). */
    CALENDAR,
    /** Only office working days of the contract's calendar count (工作天). */
    WORKING
}

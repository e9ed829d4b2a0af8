/**
 * The Taiwan government office calendar: which days are working days for a public office, so that
 * contract deadlines and delay days counted in working days (工作天) can be computed the way an agency and
 * a court count them.
 *
 * <p>The source is the office calendar that the Directorate-General of Personnel Administration
 * (行政院人事行政總處) publishes every year as 政府行政機關辦公日曆表 (open data set 14718), which applies the
 * holidays of 紀念日及節日實施條例 and the yearly adjustments (調整放假, 補行上班). Years 2018–2027 are shipped (2025 as revised on
 * 2025-06-13, when 09-29, 10-24 and 12-25 became days off)
 * with the code; later years and corrections are imported from the official CSV with
 * {@link tw.yanshou.calculus.calendar.OfficeCalendarCsv}. Local closures declared by a city or county
 * government (for example typhoon 停止上班) are added per site with
 * {@link tw.yanshou.calculus.calendar.TaiwanOfficeCalendar#forSite}.
 *
 * <p>Plain Java with no dependencies beyond the JDK.
 */
@org.springframework.modulith.NamedInterface("calendar")
package tw.yanshou.calculus.calendar;

/**
 * The calculus of deadlines, late days, penalties and claims, as the Civil Code (§120–122, §203, §233, §251, §252)
 * and the model procurement contracts say and as the court computed them in 臺灣高等法院111年度上字第122號. Plain
 * Java: no framework, no database, nothing but the JDK (an ArchUnit test says so). The entry point is
 * {@link tw.yanshou.calculus.StatementCalculator#statement}; the rules are explained in docs/calculus.md.
 */
package tw.yanshou.calculus;

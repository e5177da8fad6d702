/**
 * The fourth rule set of the modularity test (issue 21): a school library's books per student, judged by the shared
 * check-row engine. It shows what adding a rule set touches: this package, its workbook
 * ({@code fourth-rule-set/decision-tables/library/library.xlsx}), its approved template, its data-item file
 * ({@code data-items/library.tsv}) and its list of shared DRL; no shared code.
 */
@ApplicationModule(displayName = "Rule set: library (test)")
package cn.supervision.compliance.library;

import org.springframework.modulith.ApplicationModule;

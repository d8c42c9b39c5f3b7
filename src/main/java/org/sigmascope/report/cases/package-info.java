/**
 * Reports of a case: {@link org.sigmascope.report.cases.CaseReport} fills the report model from an opened case
 * store (evidence, rule set, detections, process trees, the analyst's tags and notes),
 * {@link org.sigmascope.report.cases.CaseEventExport} streams the case's filtered timeline view into an event
 * export, and {@link org.sigmascope.report.cases.ExportAudit} notes an export in the case's audit log, the one
 * change an export makes to a case.
 */
package org.sigmascope.report.cases;

/**
 * What a report says, independent of where it came from: a case store, a one-shot scan, or a test.
 *
 * <p>{@link org.sigmascope.report.model.ReportData} is the root. Fill it from whatever holds the investigation
 * (the case store adapter, {@code scan -o report.html}); every writer in {@code org.sigmascope.report} reads only
 * this model and {@link org.sigmascope.report.model.ReportOptions}. The records copy their lists, so a filled
 * model is immutable and can be written to several formats. Writers sort everything themselves, so the order in
 * which the model is filled does not change the output.
 *
 * <p>Filling it from a case, in outline:
 * <pre>{@code
 * ReportData data = new ReportData(
 *         new CaseDetails(name, reference, examiner, organisation, description, opened),
 *         Instant.now(), ToolInfo.current("compiled"), RuleSetIdentity.of(ruleSet, ruleSourceNames),
 *         sources,      // EvidenceSource.read(source, stats, size, sha256) per evidence file
 *         detections,   // model.Detection: its event, rule, explanation, correlation hit
 *         processes,    // a ProcessNode per process, naming its parent's key and how the link was made
 *         tagged);      // a TaggedEvent per event the analyst tagged or annotated
 * ReportExporter.export(data, ReportOptions.defaults().withMinLevel(Level.MEDIUM), Format.HTML, file);
 * }</pre>
 */
package org.sigmascope.report.model;

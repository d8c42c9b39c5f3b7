/**
 * What a report says, independent of where it came from: a case store, a one-shot scan, or a test.
 *
 * <p>{@link org.sigmascope.report.model.ReportData} is the root. Fill it from whatever holds the investigation
 * (the case store adapter, {@code scan -o report.html}); every writer in {@code org.sigmascope.report} reads only
 * this model and {@link org.sigmascope.report.model.ReportOptions}. The records copy their lists, so a filled
 * model is immutable and can be written to several formats. Writers sort everything themselves, so the order in
 * which the model is filled does not change the output.
 */
package org.sigmascope.report.model;

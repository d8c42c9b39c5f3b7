/**
 * What the app shows of a case, computed in the case store so that a 10-million-event case never enters the Java
 * heap: the detections summed up by level, rule, ATT&amp;CK tactic and technique and host; the rule titles and notes
 * of timeline rows; record-id and time gaps; a source's diagnostics; an event's original record; the evidence
 * profile for rule diagnostics; the case's own settings; and the report data of a case. No JavaFX here: the
 * command line can use all of it.
 */
package org.sigmascope.caseview;

package org.sigmascope.ui.detail;

/**
 * A field of the event in the detail pane.
 *
 * @param name    the field's name, in Sigma's naming
 * @param value   its value as text ({@code (null)} for present-but-null)
 * @param matched whether a rule's explanation names this field
 */
public record FieldRow(String name, String value, boolean matched) {
}

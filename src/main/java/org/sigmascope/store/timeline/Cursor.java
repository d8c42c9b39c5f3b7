package org.sigmascope.store.timeline;

/**
 * Where a page ended, for keyset paging: the sort value and the id of its last row. The next page starts right
 * after it, found through the sort column instead of counting rows, so page 50,000 comes as fast as page 1.
 *
 * @param key the last row's sort value ({@code null} when it had none), as the store reads it
 * @param id  the last row's event id
 */
public record Cursor(Object key, long id) {
}
